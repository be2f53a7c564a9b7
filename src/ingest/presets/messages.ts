import type { Preset } from '../preset.js';
import { columnsFor } from '../synonyms.js';

/** The fallback: any table with a text column. Each row is an inbound message; other columns are used if found. */
export const messages: Preset = {
  id: 'generic',
  kind: 'messages',
  description: 'Generic layout: any table with a text column (customer id, email, handle, date, channel optional)',
  columns: columnsFor(['messageId', 'crmId', 'email', 'handle', 'name', 'date', 'channel', 'platform', 'subject', 'text', 'replyTo', 'rating']),
  requires: [['text']],
  priority: -10,
  channel: 'message',
};
