import type { Preset } from '../preset.js';
import { columnsFor } from '../synonyms.js';

/**
 * Analyst field notes: the qualitative context no export has. A row without a customer but with a date (and an
 * optional end date) is a context event, such as a carrier strike, that annotates every event in its window.
 */
export const notes: Preset = {
  id: 'notes',
  kind: 'notes',
  description: 'Analyst notes: customer, date, author, note, codes (no customer + until = context event)',
  columns: columnsFor(['crmId', 'date', 'author', 'text', 'codes', 'until'], {
    crmId: ['customer', 'kunde', 'customer key', 'contact'],
    text: ['note', 'notes', 'notiz', 'notizen', 'memo', 'field note', 'observation', 'beobachtung', 'anmerkung'],
  }),
  requires: [['author'], ['text'], ['codes', 'until', 'crmId']],
  priority: 1,
  channel: 'note',
};
