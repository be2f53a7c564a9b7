import type { Preset } from '../preset.js';
import { columnsFor } from '../synonyms.js';

/**
 * Any CRM contacts export: one row per person with id, name, email and social handles. A second id of the same
 * person (Olist's per-order customer_id beside customer_unique_id) is kept as an alias that other files join by.
 */
export const contacts: Preset = {
  id: 'contacts',
  kind: 'contacts',
  description: 'Generic contacts: id, name, email, phone, created, stage, city, social handles',
  columns: columnsFor(['crmId', 'altId', 'email', 'name', 'firstName', 'lastName', 'phone', 'city', 'country', 'crmStage', 'created', 'instagram', 'twitter', 'facebook', 'handle']),
  requires: [['crmId', 'email', 'handle', 'instagram', 'twitter'], ['name', 'firstName', 'lastName', 'phone', 'city', 'created', 'crmStage']],
  priority: 0,
  channel: 'crm',
};
