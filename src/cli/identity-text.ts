import type { FileIdentity } from '../ingest/identity.js';

const list = (counts: Record<string, number | undefined>): string =>
  Object.entries(counts)
    .filter(([, n]) => n)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');

/**
 * One line per file for people: "reviews.csv: key UserId (crmId), 1918 keys, 1.02 rows per key (max 3);
 * 1918 customers; records: review 1963; joined by order 12". Shared by `thick inspect` and `thick analyze`.
 */
export function describeIdentity(identity: FileIdentity): string {
  const parts: string[] = [];
  const { key, rowsPerKey, joins } = identity;
  const keys = `${identity.keys} ${identity.keys === 1 ? 'key' : 'keys'}`;
  parts.push(key ? `key ${key.column} (${key.field}), ${keys}${rowsPerKey ? `, ${rowsPerKey.mean} ${rowsPerKey.mean === 1 ? 'row' : 'rows'} per key (max ${rowsPerKey.max})` : ''}` : 'no key column');
  parts.push(`${identity.customers} ${identity.customers === 1 ? 'customer' : 'customers'}`);
  const records = list(identity.records);
  if (records || identity.brandRecords) parts.push(`records: ${[records, identity.brandRecords ? `brand ${identity.brandRecords}` : ''].filter(Boolean).join(', ')}`);
  const joined = list({ 'by order': joins.byOrder, 'by alias': joins.byAlias, 'by name alone': joins.nameJoins, 'as anonymous': joins.anonymous, 'to nobody': joins.unjoined });
  if (joined) parts.push(`joined ${joined}`);
  if (joins.duplicates) parts.push(`repeated rows ${joins.duplicates}`);
  if (identity.placeholderRows) parts.push(`placeholder rows ${identity.placeholderRows}`);
  const placeholderIds = Object.values(identity.placeholderIds).reduce((a, b) => a + b, 0);
  if (placeholderIds) parts.push(`placeholder ids ${placeholderIds}`);
  if (identity.keysWithSeveralNames) parts.push(`keys with several names ${identity.keysWithSeveralNames}`);
  return `${identity.file}: ${parts.join('; ')}`;
}
