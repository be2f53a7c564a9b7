import type { Preset } from '../preset.js';
import { columnsFor } from '../synonyms.js';

/**
 * Any orders or transactions export: one row per order line (or per order, with an amount). Multi-file shop exports
 * split this: an orders file names the customer but no price (Olist's orders), an items file has the prices but
 * only the order id (Olist's order items); linking joins the items to the customer of their order.
 */
export const orders: Preset = {
  id: 'orders',
  kind: 'orders',
  description: 'Generic orders: order id, customer id or email, date, quantity × unit price or amount (an items file may name only the order)',
  // A kind column tells refunds and returns (negative, no order of their own) from orders.
  columns: columnsFor(['orderId', 'crmId', 'altId', 'email', 'name', 'date', 'product', 'quantity', 'unitPrice', 'amount', 'status', 'channel', 'kind']),
  requires: [['orderId'], ['quantity', 'amount', 'unitPrice', 'crmId', 'email', 'name']],
  priority: 0,
  channel: 'shop',
};
