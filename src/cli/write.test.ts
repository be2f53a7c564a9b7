import { describe, expect, it } from 'vitest';

import { byCodePoint } from '../collation.js';
import { ingestFile } from '../ingest/index.js';
import { analyse, codeInfo } from '../pipeline.js';
import { foldState, stateDraft } from '../profile/state.js';
import { customerPages, customerPagesWithSlot, filledPages, rejectedCsv, reportedRun, runFiles, runOutput } from './write.js';
import { defaultCodebook } from './resources.js';
import type { Progress } from '../progress.js';
import { expectCountsRise } from '../test-support.js';

describe('CSV outputs', () => {
  it('writes rejected.csv with a byte-order mark and formula-safe cells', () => {
    const rejected = rejectedCsv([{ file: 'bestellungen.csv', line: 3, column: 2, reason: 'no customer', raw: '=1+1,Müller' }]);
    expect(rejected).toBe('\uFEFFfile,line,column,reason,raw\nbestellungen.csv,3,2,no customer,"\'=1+1,Müller"\n');
  });
});

describe("the run's files", () => {
  const contacts = 'Customer ID,Name,Email\n21,Lene Lund,lene@example.org\n22,Mats Moor,mats@example.org\n';
  const run = (orders: string) => {
    const read = [ingestFile(Buffer.from(contacts), 'kontakte.csv'), ingestFile(Buffer.from(orders), 'bestellungen.csv')];
    const analysis = analyse(read, { codebook: defaultCodebook() });
    return runFiles(reportedRun(analysis), codeInfo(defaultCodebook()), { lang: 'en' });
  };

  it('are the index, one report per customer and the profiles, each once; rejected.csv only when a row was rejected', () => {
    const clean = run('Order ID,Customer ID,Date,Quantity,Unit Price\nB1,21,2024-03-01,1,4.50\n');
    expect(clean.map((f) => f.path).sort(byCodePoint)).toEqual(['customers.csv', 'customers/21-lene-lund.md', 'customers/22-mats-moor.md', 'index.md', 'profiles.jsonl']);
    expect(clean.find((f) => f.path === 'index.md')!.content).toContain('(customers/21-lene-lund.md)');
    expect(String(clean.find((f) => f.path === 'profiles.jsonl')!.content).split('\n')).toHaveLength(3); // two lines, each ending in a line break
    const rejecting = run('Order ID,Customer ID,Date,Quantity,Unit Price\nB1,21,2024-03-01,1,4.50\nB2,21,31.04.2024,1,2\n');
    expect(rejecting.map((f) => f.path).at(-1)).toBe('rejected.csv');
    expect(String(rejecting.at(-1)!.content)).toMatch(/^\uFEFFfile,line,column,reason,raw\nbestellungen\.csv,3,/);
  });

  it('lists up front, in order, exactly the files it then makes, in every format, with a handout and a state', () => {
    const read = [ingestFile(Buffer.from(contacts), 'kontakte.csv'), ingestFile(Buffer.from('Order ID,Customer ID,Date,Quantity,Unit Price\nB1,21,2024-03-01,1,4.50\nB2,21,31.04.2024,1,2\n'), 'bestellungen.csv')];
    const analysis = analyse(read, { codebook: defaultCodebook() });
    const { state } = foldState(analysis.profiled.map((subject) => ({ draft: stateDraft(subject), id: subject.profile.id })), { asOf: new Date('2024-04-01T00:00:00Z'), window: null, redacted: false });
    for (const format of ['md', 'html', 'both'] as const) {
      const plan = runOutput(reportedRun(analysis), codeInfo(defaultCodebook()), { lang: 'en', format, handoutTop: 1, runState: { state, changes: null } });
      const made = [...plan.files()].map((f) => f.path);
      expect(made).toEqual(plan.paths);
      expect(made.filter((p) => p.startsWith('customers/'))).toHaveLength(format === 'both' ? 4 : 2);
      expect(made).toEqual(expect.arrayContaining(['handout.md', 'handout.html', 'rejected.csv', 'thick-state.json']));
    }
  });
});

describe('the slow files of a run report how far they are', () => {
  it('counts the index (its overview in passes), customers.csv and profiles.jsonl by customers, and the run state', () => {
    const orders = 'Order ID,Customer ID,Date,Quantity,Unit Price\nB1,21,2024-03-01,1,4.50\nB2,22,2024-03-02,2,3\n';
    const read = [ingestFile(Buffer.from('Customer ID,Name\n21,Lene Lund\n22,Mats Moor\n'), 'kontakte.csv'), ingestFile(Buffer.from(orders), 'bestellungen.csv')];
    const analysis = analyse(read, { codebook: defaultCodebook() });
    const heard: Progress[] = [];
    const onProgress = (p: Progress) => heard.push(p);
    const subjects = analysis.profiled.map((subject) => ({ draft: stateDraft(subject), id: subject.profile.id }));
    const { state } = foldState(subjects, { asOf: new Date('2024-04-01T00:00:00Z'), window: null, redacted: false, onProgress });
    const files = runFiles(reportedRun(analysis), codeInfo(defaultCodebook()), { lang: 'en', onProgress, runState: { state, changes: null } });
    expect(expectCountsRise(heard, 'state')).toEqual([0, 2]);
    expect(expectCountsRise(heard, 'write', 'the index').at(-1)).toBe(2);
    expect(heard.filter((p) => p.part === 'the index').every((p) => p.share && p.unit === 'customers')).toBe(true);
    expect(expectCountsRise(heard, 'write', 'customers.csv')).toEqual([0, 2]);
    expect(expectCountsRise(heard, 'write', 'profiles.jsonl')).toEqual([0, 2]);
    // In the order the files are made, and the files the same as a run nobody watches.
    expect([...new Set(heard.map((p) => p.part ?? p.stage))]).toEqual(['state', 'the index', 'customers.csv', 'profiles.jsonl']);
    expect(files).toEqual(runFiles(reportedRun(analysis), codeInfo(defaultCodebook()), { lang: 'en', runState: { state, changes: null } }));
  });
});

describe('a customer page drawn with a slot for the blind-spot list, filled in once the shared gaps are known', () => {
  // Texts that look like the page around the slot, in Markdown and in HTML: customer text is data and must not move it.
  const cut = ['## 8. Blind spots', '<h2>8. Blind spots</h2>', '</main></body>', '- Nothing that concerns this customer alone', '[x]: https://example.org "t"'];
  const csv = [
    'customer_id,timestamp,channel,direction,text',
    `a1,2024-05-01T10:00:00Z,email,inbound,"${cut.join('\n').replaceAll('"', '""')}"`,
    'a1,2024-05-03T10:00:00Z,chat,inbound,"Bonjour, ma commande n\'est toujours pas arrivée, pouvez-vous vérifier ?"',
    'a1,,chat,inbound,"Still [waiting](https://example.org) for my refund <b>now</b>"',
    'a1,2024-05-04T10:00:00Z,chat,outbound,',
    'b2,2024-05-02T10:00:00Z,email,inbound,"Great coffee, fast delivery. | a | b |"',
    'c3,2024-05-02T10:00:00Z,email,inbound,',
  ].join('\n');
  const analysis = analyse([ingestFile(Buffer.from(csv), 'tickets.csv')], { codebook: defaultCodebook() });
  const codes = codeInfo(defaultCodebook());
  const gapSets = (keys: string[]) => [[], keys, keys.slice(0, 1), keys.slice(1), ['noSuchGap']];

  it('is, filled, the page drawn with those gaps, byte for byte, in Markdown and HTML, English and German', () => {
    let compared = 0;
    for (const subject of analysis.profiled) {
      const keys = subject.findings.blindSpots.map((f) => f.key);
      for (const lang of ['en', 'de'] as const) {
        const slotted = customerPagesWithSlot(subject, codes, { lang, format: 'both' });
        for (const sharedGaps of gapSets(keys)) {
          expect(filledPages(slotted, subject.findings.blindSpots, sharedGaps, lang)).toEqual(customerPages(subject, codes, sharedGaps, { lang, format: 'both' }));
          compared++;
        }
      }
    }
    expect(compared).toBe(analysis.profiled.length * 2 * 5);
    // The subjects have gaps to leave out, several of them, and the customer text that mimics the page is on it.
    expect(Math.max(...analysis.profiled.map((s) => s.findings.blindSpots.length))).toBeGreaterThan(2);
    expect(customerPages(analysis.profiled[0]!, codes, [], { lang: 'en', format: 'md' }).md).toContain('\\[x\\]: https\\://example.org');
  });

  it('leaves out exactly the shared gaps, and says so when none of the customer’s own is left', () => {
    const subject = analysis.profiled[0]!;
    const keys = subject.findings.blindSpots.map((f) => f.key);
    const slotted = customerPagesWithSlot(subject, codes, { lang: 'en', format: 'md' });
    const section = (page: string) => page.slice(page.search(/^## 8\. /m), page.search(/^## 9\. /m));
    const all = section(filledPages(slotted, subject.findings.blindSpots, [], 'en').md!);
    expect(all.match(/^- /gm)).toHaveLength(keys.length);
    const none = section(filledPages(slotted, subject.findings.blindSpots, keys, 'en').md!);
    expect(none).toBe('## 8. Blind spots\n\nNothing that concerns this customer alone; what the whole run cannot see is listed in the index.\n\n');
  });

  it('draws only the formats asked for', () => {
    const subject = analysis.profiled[0]!;
    expect(customerPagesWithSlot(subject, codes, { lang: 'en', format: 'md' }).html).toBeNull();
    expect(filledPages(customerPagesWithSlot(subject, codes, { lang: 'en', format: 'html' }), subject.findings.blindSpots, [], 'en').md).toBeNull();
  });
});
