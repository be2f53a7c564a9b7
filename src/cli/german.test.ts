// The demo in German, in process: every page a German run writes dates day first and uses the renamed terms.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { byAttention } from '../profile/index.js';
import { renderCustomerReport } from '../report/customer.js';
import { renderIndex } from '../test-support.js';
import { analyse, codeInfo } from '../pipeline.js';
import { ingestAll } from './pipeline.js';
import { defaultCodebook } from './resources.js';

const demo = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));
const files = readdirSync(demo)
  .filter((name) => name.endsWith('.csv'))
  .map((name) => `${demo}${name}`);
const brandHandles = new Set(['nordlicht.kaffee', 'nordlichtkaffee']);
const analysis = analyse(ingestAll(files, { brandHandles }), { codebook: defaultCodebook(), brandHandles });
const codes = codeInfo(defaultCodebook());
const sorted = [...analysis.profiled].sort(byAttention);
const run = { files: analysis.ingests.map((i) => ({ file: i.file, preset: i.preset.id, rows: i.rows })), contextEvents: analysis.ingests.flatMap((i) => i.contextEvents), blindSpots: analysis.runBlindSpots };
const pages = (lang: 'en' | 'de') => [renderIndex(sorted, run, lang), ...sorted.map((s) => renderCustomerReport(s, { lang, codes, sharedGaps: analysis.sharedGaps }))];

/** What thick itself wrote on a page: quotes (blockquotes and „…“) and file:line citations are the customers' and the files' words. */
const ownWords = (page: string): string =>
  page
    .split('\n')
    .filter((line) => !line.startsWith('>'))
    .join('\n')
    .replace(/[„“][^„“]*[„“]/g, '')
    .replace(/\S+\.csv:\d+/g, '');

const ISO = /\b\d{4}-(?:\d{2}|Q[1-4])(?:-\d{2})?\b/;

describe('the demo in German', () => {
  const de = pages('de');

  it('dates every page day first: no ISO day or month outside quotes and citations', () => {
    expect(de).toHaveLength(analysis.profiled.length + 1);
    for (const page of de) expect(ownWords(page).match(ISO)?.[0], page.split('\n')[0]).toBeUndefined();
    // The English pages keep ISO dates: the check above would see them.
    expect(pages('en').some((page) => ISO.test(ownWords(page)))).toBe(true);
  });

  it('writes none of the old terms on any page', () => {
    const old = /Notizen aus der Analyse|Ton der eigenen Worte|Fürsprache|Zeitleiste|\(Analyse |\bLauf\b|Handle\b|Aufmerksamkeit: \d/;
    for (const page of de) expect(ownWords(page).match(old)?.[0], page.split('\n')[0]).toBeUndefined();
  });

  it('names channels alike, capitalised, wherever a page lists them', () => {
    const listed = de.flatMap((page) => page.match(/^- Kanäle: .*$/gm) ?? []);
    expect(listed.length).toBeGreaterThan(20);
    for (const line of listed) {
      for (const name of line.replace('- Kanäle: ', '').split(', ')) if (name !== 'keine') expect(name, line).toMatch(/^\p{Lu}/u);
    }
    expect(listed).toContain('- Kanäle: E-Mail, Instagram, Shop');
  });

  it('names the phases in the index as German CRM teams do', () => {
    expect(de[0]).toMatch(/^## Beziehungsphasen\n\n```text\n(.*\n)*Fan +[█·]+ \d+$/m);
    expect(de[0]).toMatch(/^## Beziehungsphasen\n\n```text\n(.*\n)*Gefährdet +[█·]+ \d+$/m);
  });
});
