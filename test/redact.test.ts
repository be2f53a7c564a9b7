// The redact stage in process, on the redact fixtures (invented people): what it keeps, what it changes, and that it
// changes nothing of its input. The CLI run (redact.e2e.test.ts) checks the files written; this checks the stage.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { ingestAll } from '../src/cli/pipeline.js';
import { analyse, codeInfo, type Analysis } from '../src/pipeline.js';
import { redactAnalysis, redactRun } from '../src/redact/index.js';
import { renderCustomerReport } from '../src/report/customer.js';
import { renderIndex } from '../src/test-support.js';
import { ROOT } from './helpers.js';
import { leaks, REDACT_FILES } from './redact-fixtures.js';
import { defaultCodebook } from '../src/cli/resources.js';

const brandHandles = new Set(['elbtee']);
const analysed = (files: readonly string[]): Analysis =>
  analyse(ingestAll(files.map((f) => join(ROOT, f)), { brandHandles }), { codebook: defaultCodebook(), brandHandles, asOf: new Date('2024-05-10T00:00:00Z') });
const codes = codeInfo(defaultCodebook());

/** Every page a run renders, in one string. */
function rendered(analysis: Analysis, lang: 'en' | 'de'): string {
  const run = { files: analysis.ingests.map((i) => ({ file: i.file, preset: i.preset.id, rows: i.rows })), contextEvents: analysis.ingests.flatMap((i) => i.contextEvents) };
  return [renderIndex(analysis.profiled, run, lang), ...analysis.profiled.map((s) => renderCustomerReport(s, { lang, codes }))].join('\n');
}

/** A profile's figures: everything but who it is and the reasons said in words. */
const figures = ({ id: _id, slug: _slug, name: _name, identity: _identity, stageReasons: _s, blindSpots: _b, attentionReasons: _a, ...rest }: Analysis['profiled'][number]['profile']) => rest;

describe('the redact stage', () => {
  const plain = analysed(REDACT_FILES);
  const before = JSON.stringify(plain);
  const { analysis: redacted, masked } = redactRun(plain, { brandHandles });

  it('finds the planted data in an unredacted run (so the checks below can fail)', () => {
    expect(leaks(rendered(plain, 'en')).length).toBeGreaterThan(40);
  });

  it('leaves none of it in any page, in English or German, nor in the profiles, warnings or rejected rows', () => {
    expect(leaks(rendered(redacted, 'en'))).toEqual([]);
    expect(leaks(rendered(redactAnalysis(plain, { lang: 'de', brandHandles }), 'de'))).toEqual([]);
    expect(leaks(JSON.stringify(redacted.profiled.map((s) => s.profile)))).toEqual([]);
    expect(leaks(JSON.stringify({ w: redacted.warnings, r: redacted.ingests.flatMap((i) => i.rejected), id: redacted.identities }))).toEqual([]);
  });

  it('keeps every figure, and the same judgements in the same order', () => {
    expect(redacted.profiled.map((s) => figures(s.profile))).toEqual(plain.profiled.map((s) => figures(s.profile)));
    expect(redacted.profiled.map((s) => s.findings.stage.map((f) => f.key))).toEqual(plain.profiled.map((s) => s.findings.stage.map((f) => f.key)));
    expect(redacted.ingests.map((i) => i.rows)).toEqual(plain.ingests.map((i) => i.rows));
  });

  it('changes nothing of its input', () => {
    expect(JSON.stringify(plain)).toBe(before);
  });

  it('keeps each exchange pointing at its customer’s own (copied) events', () => {
    for (const subject of redacted.profiled) {
      for (const x of subject.exchanges) {
        expect(subject.events).toContain(x.message);
        if (x.reply) expect(subject.events).toContain(x.reply);
      }
    }
  });

  it('gives each customer the same pseudonym whatever the input order', () => {
    const reversed = redactAnalysis(analysed([...REDACT_FILES].reverse()), { brandHandles });
    const names = (a: Analysis) => a.profiled.map((s) => `${s.customer.contact?.source.line}:${s.profile.name}:${s.profile.slug}`).sort();
    expect(names(reversed)).toEqual(names(redacted));
  });

  it('uses German placeholders for a German run, and counts what it masked', () => {
    const german = rendered(redactAnalysis(plain, { lang: 'de', brandHandles }), 'de');
    expect(german).toContain('\\[Telefon\\]');
    expect(german).toContain('\\[Adresse\\]');
    expect(masked).toMatchObject({ phone: expect.any(Number), email: expect.any(Number), iban: expect.any(Number), address: expect.any(Number), handle: expect.any(Number), link: expect.any(Number) });
  });
});
