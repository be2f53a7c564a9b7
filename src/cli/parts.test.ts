import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest/index.js';
import { codeInfo, prepareRun } from '../pipeline.js';
import type { Progress } from '../progress.js';
import { analyseInParts, RunSpill, partsFor } from './parts.js';
import { defaultCodebook } from './resources.js';

describe('RunSpill', () => {
  it('gives back each page it kept, in any order, character for character, with its file gone from the start', () => {
    const spill = new RunSpill();
    const page = (i: number) => ({ md: { before: `# Kundin ${i} — „Grüße“ 👋\n`, after: `\u0000\u2028${'x'.repeat(i * 50)}\n` }, html: i % 2 ? null : { before: '<p>', after: '</p>' } });
    const first = spill.keep([page(1), page(2)]);
    const second = spill.keep([page(3), page(0)]);
    expect(second.map((read) => read())).toEqual([page(3), page(0)]);
    expect(first.map((read) => read())).toEqual([page(1), page(2)]);
    expect(first[0]!()).toEqual(page(1));
    // Removed as soon as it was open: a run that is killed leaves nothing behind.
    expect(existsSync((spill as unknown as { dir: string }).dir)).toBe(false);
    spill.close();
  });
});

describe('RunSpill records', () => {
  it("gives a part's records back as they were: dates, fields left undefined, the order of their fields", () => {
    const spill = new RunSpill();
    const record = (line: number) => {
      const at = line % 3 === 0 ? null : new Date(Date.UTC(2024, 0, line, 12, 30));
      const who = line % 2 ? { crmId: `K-${line}` } : { handle: 'anna', asWritten: 'Anna' };
      const base = { id: `a.csv:${line}`, who, customerKey: `K-${line}`, at, channel: 'email', direction: 'inbound' as const, kind: 'message' as const };
      const rest = { amount: null, orderId: null, text: `Grüße 👋 ${line}`, messageId: null, replyTo: null, expectsReply: true, rating: { value: 4, scale: 'stars5' as const }, unseenReplies: 0, author: null, source: { file: 'a.csv', line } };
      // Linking sets some fields after the rest, some to undefined: they must come back in that order, undefined kept.
      return Object.assign({ ...base, ...rest }, line % 2 ? { cancelled: undefined, status: undefined } : { peerReply: true });
    };
    const parts = [[record(1), record(2)], [record(3)], []];
    const readers = parts.map((part) => spill.keepRecords(part));
    spill.keep([{ md: { before: 'x', after: 'y' }, html: null }]);
    readers.forEach((read, i) => {
      const back = read();
      expect(back).toStrictEqual(parts[i]);
      back.forEach((event, j) => expect(Object.keys(event)).toEqual(Object.keys(parts[i]![j]!)));
    });
    expect(readers[0]!()[0]!.at).toBeInstanceOf(Date);
    spill.close();
  });
});

describe('analyseInParts', () => {
  it('sets the later parts aside before annotating the first, telling how far it has got', () => {
    const demo = join(import.meta.dirname, '../../fixtures/demo');
    const files = ['contacts.csv', 'notes.csv', 'orders.csv', 'social.csv', 'tickets.csv'].map((name) => ingestFile(readFileSync(join(demo, name)), name));
    const codebook = defaultCodebook();
    const seen: Progress[] = [];
    const prepared = prepareRun(files, { codebook, brandHandles: new Set(['nordlicht.kaffee', 'nordlichtkaffee']) });
    const spill = new RunSpill();
    const run = analyseInParts(prepared, 3, { codes: codeInfo(codebook), lang: 'en' }, spill, (progress) => seen.push(progress));
    spill.close();
    const spilled = seen.filter((p) => p.stage === 'spill');
    const annotated = seen.filter((p) => p.stage === 'annotate' && p.unit === 'events');
    const total = annotated.at(-1)!.total!;
    // Every record but the first part's is set aside, a part at a time, before any is annotated.
    expect(spilled.length).toBeGreaterThanOrEqual(3);
    expect(spilled.at(-1)!.done).toBe(spilled[0]!.total);
    expect(spilled[0]!.total).toBeGreaterThan(0);
    expect(spilled[0]!.total).toBeLessThan(total);
    expect(seen.indexOf(spilled.at(-1)!)).toBeLessThan(seen.indexOf(annotated[0]!));
    expect(run.customers.length).toBe(prepared.customerKeys.length);
  });
});

describe('partsFor', () => {
  it('takes --parts as given, else one part per 100,000 records; at least one, at most one a customer', () => {
    expect(partsFor(10, 5, 4)).toBe(4);
    expect(partsFor(10, 3, 4)).toBe(3);
    expect(partsFor(0, 0)).toBe(1);
    expect(partsFor(100_000, 10_000)).toBe(1);
    expect(partsFor(100_001, 10_000)).toBe(2);
    expect(partsFor(1_000_000, 100_000)).toBe(10);
    expect(partsFor(1_000_000, 4)).toBe(4);
  });
});
