// The standing rule: every input row is used or listed as rejected, with file, line and reason. Linking finds
// some rows no customer (an order item whose order is in no orders file of the run, a row that names nobody, the
// brand's reply to a message missing from the export); such a row would count as used and appear in no report.
// Here they move to the file's rejected rows with linking's reason, keeping read = used + rejected. So do rows that
// repeat an earlier record of the same customer word for word (Linked.duplicates): one review listed once per
// product variant is one review.

import type { Rejection } from '../model.js';
import type { FileIngest } from './index.js';
import type { Linked } from './link.js';

/**
 * The run's files and linking without the rows that joined no customer or repeat a record word for word; those are
 * each file's rejected rows now.
 */
export function rejectUnjoined(ingests: readonly FileIngest[], linked: Linked): { ingests: FileIngest[]; linked: Linked } {
  if (linked.unjoined.size === 0 && linked.duplicates.size === 0) return { ingests: [...ingests], linked };
  const gone = new Set<string>();
  const files = new Map([...linked.files].map(([file, links]) => [file, { ...links, unjoined: 0, duplicates: 0 }]));
  const reasonOf = (id: string): string | undefined => linked.unjoined.get(id) ?? linked.duplicates.get(id);
  const settled = ingests.map((ingest) => {
    const used: FileIngest['used'] = [];
    const moved: Rejection[] = [];
    let repeated = 0;
    for (const row of ingest.used) {
      // A row is lost only when none of its records found anyone (a contacts row has none: it is used).
      const reasons = row.events.map((event) => reasonOf(event.id));
      if (reasons.length === 0 || reasons.some((reason) => reason === undefined)) {
        used.push(row);
        continue;
      }
      moved.push({ file: ingest.file, line: row.line, reason: reasons[0]!, raw: row.raw ?? '' });
      if (row.events.every((event) => linked.duplicates.has(event.id))) repeated++;
      for (const event of row.events) gone.add(event.id);
    }
    if (moved.length === 0) return ingest;
    const links = files.get(ingest.file)!;
    links.unjoined = moved.length - repeated;
    links.duplicates = repeated;
    const rejected = [...ingest.rejected, ...moved].sort((a, b) => a.line - b.line);
    return {
      ...ingest,
      used,
      events: ingest.events.filter((event) => !gone.has(event.id)),
      rejected,
      rows: { read: ingest.rows.read, used: ingest.rows.read - rejected.length, rejected: rejected.length },
    };
  });
  return { ingests: settled, linked: { ...linked, events: linked.events.filter((event) => !gone.has(event.id)), files } };
}
