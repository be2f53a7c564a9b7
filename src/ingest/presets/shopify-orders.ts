import type { MappedRow, Preset } from '../preset.js';
import { RowError } from '../normalise.js';

/** Order-level cells Shopify writes only on an order's first line, which later lines of the same order inherit. */
const ORDER_LEVEL = ['email', 'name', 'date'] as const;

/**
 * A line of a multi-line order inherits the order's email, billing name and date from the line before it when that
 * line belongs to the same order (Shopify lists an order's lines one after another, order-level cells on the first).
 */
export function carryOrderFields(row: MappedRow, previous: MappedRow | undefined): MappedRow {
  const order = row.cells.orderId;
  if (!order) return row;
  const sameOrder = previous?.cells.orderId === order;
  const cells = { ...row.cells };
  if (sameOrder) {
    for (const field of ORDER_LEVEL) if (cells[field] === undefined && previous.cells[field] !== undefined) cells[field] = previous.cells[field];
  }
  if (cells.email === undefined && cells.name === undefined) {
    throw new RowError(
      `order ${order}: no email or billing name on this line nor on an earlier line of the same order, so it cannot be joined to a customer`,
      row.columns.email,
    );
  }
  return { ...row, cells };
}

/**
 * Shopify's orders export (Orders → Export → CSV): one line per line item, order-level cells (Email, Total, Financial
 * Status …) only on the first line of each order. Revenue is Lineitem quantity × Lineitem price per line, so
 * shipping, taxes, discounts and refunds (only on the order level: "Refunded Amount") are not in it.
 */
export const shopifyOrders: Preset = {
  id: 'shopify-orders',
  kind: 'orders',
  description: 'Shopify orders export: Name (#1001), Email, Created at, Lineitem quantity, Lineitem name, Lineitem price',
  columns: {
    orderId: ['Name'],
    email: ['Email'],
    name: ['Billing Name', 'Shipping Name'],
    date: ['Created at'],
    quantity: ['Lineitem quantity'],
    unitPrice: ['Lineitem price'],
    product: ['Lineitem name', 'Lineitem sku'],
    status: ['Financial Status'],
  },
  requires: [['orderId'], ['quantity'], ['unitPrice']],
  priority: 10,
  channel: 'shop',
  refine: carryOrderFields,
};
