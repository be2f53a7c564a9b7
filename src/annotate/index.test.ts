import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../cli/resources.js';
import { ingestFile } from '../ingest/index.js';
import { linkRun } from '../pipeline.js';
import type { Progress } from '../progress.js';
import { compileCodebook } from './codebook.js';
import { ANNOTATE_EVERY, annotateEvents } from './index.js';

describe('annotateEvents', () => {
  it(`reports every ${ANNOTATE_EVERY} events, so the slow first events of a run do not freeze the line, and annotates the same heard or not`, () => {
    const rows = Array.from({ length: 100 }, (_, i) => `kunde${i},2024-06-${String((i % 28) + 1).padStart(2, '0')},"Kam zerbrochen an, seit einer Woche keine Antwort.",2`);
    const { linked } = linkRun([ingestFile(Buffer.from(['username,date,text,stars', ...rows].join('\n')), 'reviews.csv')], new Set());
    const ctx = { codebook: compileCodebook(defaultCodebook()), contextEvents: [], model: null };
    const heard: Progress[] = [];
    const annotated = annotateEvents(linked.events, ctx, (p) => heard.push(p));
    expect(heard.map((p) => p.done)).toEqual([0, 32, 64, 96, 100]);
    expect(heard.every((p) => p.stage === 'annotate' && p.unit === 'events' && p.total === 100)).toBe(true);
    expect(annotated).toEqual(annotateEvents(linked.events, ctx));
  });
});
