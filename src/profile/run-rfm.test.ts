import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../cli/resources.js';
import { ingestFile } from '../ingest/index.js';
import { analyse, linkRun, runHolds } from '../pipeline.js';
import { profilePart, runRfm, settleProfiling } from './index.js';

describe('runRfm', () => {
  it('scores every customer from their order lines before annotation as profiling scores them after', () => {
    // Twelve customers with one to four orders of varied amounts and dates, a return among them.
    const rows = ['customer_id,timestamp,channel,direction,amount,text,type,order_id'];
    for (let c = 1; c <= 12; c++) {
      for (let o = 1; o <= 1 + (c % 4); o++) rows.push(`K${c},2024-0${1 + ((c + o) % 9)}-1${o}T10:00:00Z,shop,inbound,${(c * 7.31 + o * 3.17).toFixed(2)},,order,A${c}-${o}`);
      rows.push(`K${c},2024-09-2${c % 9}T10:00:00Z,email,inbound,,Wo bleibt meine Bestellung?,message,`);
    }
    rows.push('K3,2024-09-01T10:00:00Z,shop,inbound,-5.00,,return,A3-1');
    const read = () => [ingestFile(Buffer.from(`${rows.join('\n')}\n`), 'export.csv')];
    const analysis = analyse(read(), { codebook: defaultCodebook() });
    const { linked } = linkRun(read(), new Set());
    const scores = runRfm(linked.customers, linked.events, { asOf: analysis.profiled[0]!.asOf, ordersKnown: runHolds(linked.events).ordersKnown });
    expect(analysis.profiled).toHaveLength(12);
    for (const { profile, customer } of analysis.profiled) expect(scores.get(customer.key) ?? null).toEqual(profile.rfm);
    // Not all alike: the quintiles tell the customers apart.
    expect(new Set([...scores.values()].map((s) => JSON.stringify(s))).size).toBeGreaterThan(3);
  });

  it('profiles a part of the run from its own records alone, once the run is settled from every record unannotated', () => {
    const rows = ['customer_id,timestamp,channel,direction,amount,text,type,order_id'];
    for (let c = 1; c <= 12; c++) {
      for (let o = 1; o <= 1 + (c % 4); o++) rows.push(`K${c},2024-0${1 + ((c + o) % 9)}-1${o}T10:00:00Z,shop,inbound,${(c * 7.31 + o * 3.17).toFixed(2)},,order,A${c}-${o}`);
      rows.push(`K${c},2024-09-2${c % 9}T10:00:00Z,email,inbound,,${c % 2 ? 'Wo bleibt meine Bestellung?' : 'Danke, alles bestens!'},message,`);
    }
    const read = () => [ingestFile(Buffer.from(`${rows.join('\n')}\n`), 'export.csv')];
    const codebook = defaultCodebook();
    const analysis = analyse(read(), { codebook });
    const { linked } = linkRun(read(), new Set());
    const settled = settleProfiling(linked.customers, linked.events, { ...runHolds(linked.events), repliesKnown: false, codes: codebook.codes });
    const part = linked.customers.filter((c) => ['K2', 'K7', 'K11'].includes(c.key));
    const keys = new Set(part.map((c) => c.key));
    const profiled = profilePart(part, analysis.events.filter((e) => e.customerKey !== null && keys.has(e.customerKey)), settled);
    expect(profiled.map((p) => JSON.stringify(p.profile))).toEqual(analysis.profiled.filter((p) => keys.has(p.customer.key)).map((p) => JSON.stringify(p.profile)));
  });
});
