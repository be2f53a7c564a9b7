import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { BRAND, DEMO, ROOT, tempDir } from './helpers.js';
import { attribute, htmlElements, htmlText, parseHtml, parseXml, svgSources } from './markup.js';

// In-process: the CLI's main() on the demo exports, as a user would run it, without spawning a process per run.
const analyze = async (out: string, ...flags: string[]): Promise<number> =>
  main(['node', 'thick', 'analyze', ...DEMO.map((f) => join(ROOT, f)), ...BRAND, '-o', out, '-q', ...flags]);

const htmlFiles = (out: string): string[] => [
  ...(existsSync(join(out, 'index.html')) ? ['index.html'] : []),
  ...readdirSync(join(out, 'customers'))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => `customers/${f}`),
];

describe('thick analyze --format both on the demo data', () => {
  let out: string;
  let slugs: string[];

  beforeAll(async () => {
    out = tempDir();
    expect(await analyze(out, '--format', 'both')).toBe(0);
    slugs = readFileSync(join(out, 'profiles.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line).slug);
  });

  it('writes index.html and one customers/<slug>.html beside each Markdown report', () => {
    expect(slugs).toHaveLength(25);
    expect(existsSync(join(out, 'index.md'))).toBe(true);
    expect(htmlFiles(out)).toEqual(['index.html', ...slugs.map((s) => `customers/${s}.html`).sort()]);
    for (const slug of slugs) expect(existsSync(join(out, 'customers', `${slug}.md`))).toBe(true);
  });

  it('links every page only to pages it wrote: each relative link resolves to a written file', () => {
    let links = 0;
    for (const page of htmlFiles(out)) {
      const anchors = htmlElements(parseHtml(readFileSync(join(out, page), 'utf8'))).filter((e) => e.tagName === 'a');
      for (const anchor of anchors) {
        const href = attribute(anchor, 'href')!;
        expect(href, `${page}: ${href}`).toMatch(/^[\w./-]+\.html(#[\w.-]*)?$/);
        const target = join(out, dirname(page), href.replace(/#.*/, ''));
        expect(relative(out, target).startsWith('..'), `${page}: ${href}`).toBe(false);
        expect(existsSync(target), `${page}: ${href}`).toBe(true);
        links++;
      }
    }
    // The index links every customer, and the context events link those they touched.
    expect(links).toBeGreaterThanOrEqual(25);
  });

  it('draws well-formed SVG charts, and no page holds a script or loads anything', () => {
    let charts = 0;
    for (const page of htmlFiles(out)) {
      const html = readFileSync(join(out, page), 'utf8');
      for (const svg of svgSources(html)) {
        expect(() => parseXml(svg), page).not.toThrow();
        charts++;
      }
      const elements = htmlElements(parseHtml(html));
      expect(elements.filter((e) => ['script', 'iframe', 'img', 'link', 'object'].includes(e.tagName)), page).toEqual([]);
      expect(elements.some((e) => e.tagName === 'meta' && attribute(e, 'http-equiv') === 'Content-Security-Policy'), page).toBe(true);
    }
    // Every customer with dated contacts has a timeline, most a channel chart too.
    expect(charts).toBeGreaterThanOrEqual(25);
  });

  it('shows the same page as the Markdown: the customer heading, the sections, the quotes', () => {
    const slug = slugs.find((s) => s.startsWith('1003-'))!;
    const md = readFileSync(join(out, 'customers', `${slug}.md`), 'utf8');
    const doc = parseHtml(readFileSync(join(out, 'customers', `${slug}.html`), 'utf8'));
    const elements = htmlElements(doc);
    expect(htmlText(elements.find((e) => e.tagName === 'h1')!)).toBe('Hansen, Jens (Café Hafenliebe)');
    const sections = elements.filter((e) => e.tagName === 'h2').map(htmlText);
    expect(sections).toEqual(md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3)));
    expect(elements.filter((e) => e.tagName === 'blockquote').length).toBe(md.split('\n').filter((l) => l.startsWith('> — ')).length);
  });
});

describe('thick analyze --format', () => {
  afterEach(() => vi.restoreAllMocks());

  it('html writes no Markdown reports; md afterwards replaces thick’s own HTML and leaves a user’s file alone', async () => {
    const out = tempDir();
    expect(await analyze(out, '--format', 'html')).toBe(0);
    expect(readdirSync(join(out, 'customers')).filter((f) => f.endsWith('.md'))).toEqual([]);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    writeFileSync(join(out, 'customers', 'my-notes.html'), '<p>mine</p>');
    expect(await analyze(out)).toBe(0);
    expect(readdirSync(join(out, 'customers')).filter((f) => f.endsWith('.html'))).toEqual(['my-notes.html']);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
    expect(existsSync(join(out, 'index.md'))).toBe(true);
  });

  it('refuses another format as a usage error (exit 2), naming the choices', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await analyze(tempDir(), '--format', 'pdf')).toBe(2);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/--format "pdf": expected one of md, html, both/);
  });
});
