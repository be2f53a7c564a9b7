// The demo and the real exports in ../shared/real (or $THICK_SHARED_REAL) that the measuring scripts run on, with
// the flags each needs. A set whose files are absent is skipped by the scripts.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const real = process.env.THICK_SHARED_REAL ?? join(root, '..', 'shared', 'real');
const demo = ['contacts', 'notes', 'orders', 'social', 'tickets'].map((f) => join(root, 'fixtures', 'demo', `${f}.csv`));
const olist = ['customers', 'orders', 'order_items', 'order_reviews'].map((f) => join(real, 'olist-3000', `olist_${f}_dataset.csv`));

export const SETS = [
  { name: 'demo', files: demo, args: ['--brand', 'nordlicht.kaffee', '--brand', 'nordlichtkaffee'] },
  { name: 'Customer Support on Twitter', files: [join(real, 'twcs-conversations-3453.csv')], args: [] },
  { name: 'Amazon fine food reviews', files: [join(real, 'amazon-fine-food-1963.csv')], args: [] },
  { name: 'E.ON app reviews', files: [join(real, 'eon-playstore-reviews-de-5180.csv')], args: [] },
  { name: 'Olist (four files)', files: olist, args: [] },
];
