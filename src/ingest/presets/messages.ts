import type { Preset } from '../preset.js';
import { columnsFor } from '../synonyms.js';

/**
 * A message export's bare "created" column is when the message was written (a contact's would be when the contact
 * was made), taken only when no other date column is there.
 */
function withCreatedAsDate(columns: ReturnType<typeof columnsFor>): ReturnType<typeof columnsFor> {
  return { ...columns, date: [...(columns.date ?? []), 'created'] };
}

/**
 * The fallback: any table with a text column. Each row is an inbound message unless its columns say otherwise: a
 * direction column (inbound/outbound, customer/agent, eingehend/ausgehend) marks the brand's own words, a kind
 * column names orders, tickets, reviews or notes, and a row with an amount but no text is an order.
 */
export const messages: Preset = {
  id: 'generic',
  kind: 'messages',
  description: 'Generic layout: any table with a text column (customer id, email, handle, date, channel, direction, kind, amount optional)',
  columns: withCreatedAsDate(
    columnsFor([
      'messageId', 'crmId', 'email', 'handle', 'altId', 'name', 'date', 'channel', 'platform', 'direction', 'inbound', 'kind', 'subject',
      'text', 'replyTo', 'replies', 'orderId', 'amount', 'rating', 'reply', 'firstReplyAt',
    ]),
  ),
  requires: [['text']],
  priority: -10,
  channel: 'message',
};
