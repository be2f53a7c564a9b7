import type { Preset } from '../preset.js';
import { columnsFor, REPLY_WORDS } from '../synonyms.js';

/**
 * Any help-desk export: one row per ticket, the customer's words in the description, the first reply's time (and
 * text, when the export has it), the satisfaction rating the customer gave the ticket.
 */
export const tickets: Preset = {
  id: 'tickets',
  kind: 'tickets',
  description: 'Generic tickets: ticket id, requester, created, channel, subject, description, status, first reply',
  columns: columnsFor(
    ['messageId', 'email', 'crmId', 'name', 'date', 'channel', 'subject', 'text', 'status', 'firstReplyAt', 'firstReplyMinutes', 'rating', 'orderId', 'reply'],
    { reply: REPLY_WORDS },
    { text: REPLY_WORDS },
  ),
  requires: [['subject', 'status', 'firstReplyAt', 'firstReplyMinutes'], ['text', 'subject'], ['email', 'crmId', 'name']],
  priority: 0,
  channel: 'email',
};
