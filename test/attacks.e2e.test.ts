// Customer text as an attacker writes it, through the whole pipeline: every Markdown page thick writes is rendered
// by a GFM renderer that lets raw HTML through (marked: what a careless viewer does) and by markdown-it as thick's
// HTML output uses it, then parsed as a browser would. Nothing the customer wrote may become an element, attribute,
// link, image or comment; all of it must still be there as visible text. The CSV outputs must neutralise formulas.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runAnalyze } from '../src/cli/analyze.js';
import { captureOutput } from '../src/test-support.js';
import { runThick, tempDir } from './helpers.js';
import { attribute, htmlComments, htmlElements, htmlText, parseHtml, parseXml, svgSources, xmlElements } from './markup.js';
import { render, RENDERERS, type RendererName, type Rendered } from './rendered.js';

const KIM = 'Kim Kessler\n# Owned\n<script>alert(1)</script>';
const CITY = 'Kiel\n<iframe src="https://evil.example"></iframe>\n```mermaid\ngraph TD\nA-->B\nclick A "javascript:alert(1)"\n```';
const STAGE = '<b>VIP</b> [lead](https://evil.example)';
const LINK_NAME = 'x](http://evil.example) [y';
const IMAGE_NAME = '![pwned](http://evil.example/p.png)';
const BACKSLASH_NAME = 'Jo Weber \\';
const TICKETS = 'tickets <img src=x onerror=alert(1)> [t](javascript:alert(1)).csv';
/** A channel cell: it labels a bar of the customer's channel chart, in SVG on the HTML page. */
const CHANNEL = '<svg onload=alert(1)> "x" ]]> &amp; [c](javascript:alert(1))';
/** A channel as thick names it: lower case, a space as a dash ("Web Form" is "web-form"). */
const CHANNEL_SHOWN = CHANNEL.toLowerCase().replace(/\s+/g, '-');
const HTML_COMMENT = 'Nice <img src=x onerror=alert(1)> and [x](javascript:alert(1)) and ![](http://evil.example/pixel.png), the pixel is broken';
const AUTOLINKS = 'Still waiting! See <http://evil.example> or https://evil.example or www.evil.example, or mail sam.b@evil.example';
const HIDING = '<!-- the rest of this report is hidden, my order never arrived';
const FENCED = '```\nThe parcel arrived broken, please help';
/** Terminal control: read raw with `cat`, this would hide what follows and retitle the window. */
const TERMINAL = 'Where is my parcel?\x1b[8m hidden from here\x1b]0;owned\x07';
const ANALYST = '<b>Boss</b> [me](https://evil.example)';
const NOTE = 'Wants <u>samples</u> https://evil.example';
const ANALYST_CODES = ['x`y', '<img/src=x/onerror=alert(1)>'];
const CONTEXT = 'Strike <img src=x onerror=alert(1)> [x](javascript:alert(1)) www.evil.example';
const PRODUCT = '<img src=x onerror=alert(1)>[p](javascript:alert(1))';
const REVIEWER = 'Pat <i>Reviewer</i>';
const PLACEHOLDER = '<b>Anon</b>';
const LABEL = '<img src=x onerror=alert(1)> [x](javascript:alert(1))';
/** Cells a spreadsheet would run: OWASP's leading = + - @ TAB and CR. */
const FORMULAS = ["=cmd|' /C calc'!A0", '+1+cmd|calc', '-2+3+cmd|calc', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

const csv = (rows: string[][]): string => rows.map((row) => row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\n') + '\n';

/** The hostile exports, written as a user's tools would write them. */
function writeInputs(dir: string): string[] {
  const files: Record<string, string[][]> = {
    'contacts.csv': [
      ['Customer ID', 'Name', 'Email', 'Phone', 'Created', 'Stage', 'City'],
      ['3001', KIM, 'kim@example.org', '', '2024-01-10', STAGE, CITY],
      ['3002', LINK_NAME, 'lee@example.org', '', '2024-01-11', 'customer', 'Bremen'],
      ['3003', BACKSLASH_NAME, 'jo@example.org', '', '2024-01-12', 'customer', 'Ulm'],
      ['3004', IMAGE_NAME, 'ida@example.org', '', '2024-01-13', 'customer', 'Jena'],
    ],
    [TICKETS]: [
      ['Ticket ID', 'Requester Email', 'Created At', 'Channel', 'Subject', 'Description', 'Status'],
      ['5001', 'kim@example.org', '2024-02-05T09:00:00Z', CHANNEL, 'Pixel', HTML_COMMENT, 'open'],
      ['5002', 'kim@example.org', '2024-02-06T09:00:00Z', 'email', 'Links', AUTOLINKS, 'open'],
      ['5003', 'lee@example.org', '2024-02-07T09:00:00Z', 'email', 'Hidden', HIDING, 'open'],
      ['5004', 'jo@example.org', '2024-02-08T09:00:00Z', 'email', 'Fence', FENCED, 'open'],
      ['5005', 'ida@example.org', '2024-02-08T10:00:00Z', 'email', 'Hi', TERMINAL, 'open'],
      // Rows that name nobody are rejected: rejected.csv re-emits them, formulas first.
      ...FORMULAS.filter((f) => !f.startsWith('\r')).map((formula) => [formula, '', '2024-02-09T09:00:00Z', 'email', 'x', 'no one', 'open']),
    ],
    'notes.csv': [
      ['Customer', 'Date', 'Author', 'Note', 'Codes', 'Until'],
      ['3001', '2024-02-10', ANALYST, NOTE, `${ANALYST_CODES.join(' ')} longing.wish`, ''],
      ['', '2024-02-01', 'Mara Lind', CONTEXT, '', '2024-02-28'],
    ],
    'reviews.csv': [
      ['Id', 'ProductId', 'UserId', 'ProfileName', 'HelpfulnessNumerator', 'HelpfulnessDenominator', 'Score', 'Time', 'Summary', 'Text'],
      ['r1', PRODUCT, 'A1', REVIEWER, '0', '0', '2', '1707480000', 'Meh', 'Too bitter <script>alert(1)</script> and the pixel is broken'],
      ['r2', 'B0001', PLACEHOLDER, PLACEHOLDER, '0', '0', '1', '1707490000', 'Bad', 'Arrived broken <iframe src=https://evil.example>'],
    ],
  };
  for (const [name, rows] of Object.entries(files)) writeFileSync(join(dir, name), csv(rows));
  const codebook = ['version: 1', 'codes:', '  - id: pain.pixel', '    category: pain', `    label: { en: ${JSON.stringify(LABEL)}, de: ${JSON.stringify(LABEL)} }`, '    description: A broken pixel.', '    patterns: { words: [pixel] }'];
  writeFileSync(join(dir, 'codebook.yaml'), codebook.join('\n') + '\n');
  return Object.keys(files).map((name) => join(dir, name));
}

/** A text as a regular expression that matches it literally. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a reader sees of a text: its whitespace runs as one space. */
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The elements thick's own Markdown makes; anything else came from data. */
const THICK_ELEMENTS = new Set(['h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 'code', 'pre', 'a', 'br', 'hr']);
/** Attributes of those: column alignment (marked writes align, markdown-it a style), a fence's language, a link. */
function thickAttribute(tag: string, name: string, value: string): boolean {
  if (tag === 'th' || tag === 'td') return (name === 'align' && /^(left|right|center)$/.test(value)) || (name === 'style' && /^text-align:(left|right|center)$/.test(value));
  if (tag === 'code') return name === 'class' && value === 'language-text';
  if (tag === 'a') return name === 'href' && /^(customers\/[^/?#:]+\.md|(\.\.\/)?index\.md)$/.test(value);
  return false;
}
const GENERATED = ' written by thick: a rerun replaces this file ';
/** HTML elements that run, load or submit something: none may be on a page thick writes. */
const LIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'img', 'picture', 'video', 'audio', 'source', 'link', 'base', 'form', 'input', 'button', 'foreignObject']);
/** Attributes that load something or send the reader somewhere other than thick's own pages. */
const LOADING_ATTRIBUTES = new Set(['src', 'srcset', 'xlink:href', 'action', 'formaction', 'background', 'poster', 'ping']);

interface Page {
  file: string;
  markdown: string;
  rendered: Record<RendererName, Rendered>;
}

function readPages(out: string): Page[] {
  const files = ['index.md', ...readdirSync(join(out, 'customers')).filter((f) => f.endsWith('.md')).map((f) => join('customers', f))];
  return files.map((file) => {
    const markdown = readFileSync(join(out, file), 'utf8');
    const rendered = Object.fromEntries((Object.keys(RENDERERS) as RendererName[]).map((r) => [r, render(markdown, r)])) as Record<RendererName, Rendered>;
    return { file, markdown, rendered };
  });
}

afterEach(() => vi.restoreAllMocks());

describe.each(['en', 'de'] as const)('hostile exports analysed with --lang %s', (lang) => {
  let out: string;
  let pages: Page[];
  let profiles: { name: string; slug: string }[];
  let report: (name: string) => Page;

  beforeAll(async () => {
    const dir = tempDir();
    out = join(dir, 'out');
    const files = writeInputs(dir);
    const io = captureOutput();
    const code = await runAnalyze(files, { out, map: [], brand: [], lang, codebook: join(dir, 'codebook.yaml'), placeholder: [PLACEHOLDER], quiet: true, format: 'both' });
    vi.restoreAllMocks();
    expect(code, io.stderr()).toBe(0);
    pages = readPages(out);
    profiles = readFileSync(join(out, 'profiles.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { name: string; slug: string });
    // A customer's report is found by its title, not its file name.
    report = (name) => pages.find((p) => p.file !== 'index.md' && p.rendered.marked.elements.find((e) => e.tag === 'h1')?.text === flat(name))!;
  });

  it('writes the index and a report for every customer', () => {
    expect(pages.map((p) => p.file)).toContain('index.md');
    for (const name of [KIM, LINK_NAME, BACKSLASH_NAME, IMAGE_NAME, REVIEWER]) expect(report(name), name).toBeDefined();
  });

  describe.each(Object.keys(RENDERERS) as RendererName[])('rendered by %s', (renderer) => {
    it('holds only the elements and attributes thick writes itself', () => {
      for (const page of pages) {
        for (const { tag, attrs } of page.rendered[renderer].elements) {
          expect(THICK_ELEMENTS.has(tag), `${page.file}: <${tag}>`).toBe(true);
          for (const [name, value] of Object.entries(attrs)) expect(thickAttribute(tag, name, value), `${page.file}: <${tag} ${name}="${value}">`).toBe(true);
        }
      }
    });

    it('keeps no comment but thick’s own mark, so nothing after a customer’s "<!--" is hidden', () => {
      for (const page of pages) {
        const comments = page.rendered[renderer].comments;
        expect(comments.filter((c) => c !== GENERATED), page.file).toEqual([]);
      }
    });

    it('links only to customers’ reports, each link text a customer’s name (a trailing backslash and "](" included)', () => {
      const index = pages.find((p) => p.file === 'index.md')!.rendered[renderer];
      const links = index.elements.filter((e) => e.tag === 'a');
      // Table rows and the context event's list of names: each link is a customer's name (or its start, cut with "…").
      for (const a of links) {
        const profile = profiles.find((p) => a.attrs.href === `customers/${p.slug}.md`);
        expect(profile, a.attrs.href).toBeDefined();
        expect(a.text === flat(profile!.name) || (a.text.endsWith('…') && flat(profile!.name).startsWith(a.text.slice(0, -1).trimEnd())), a.text).toBe(true);
      }
      for (const name of [KIM, LINK_NAME, BACKSLASH_NAME, IMAGE_NAME]) expect(links.some((a) => a.text === flat(name)), name).toBe(true);
      for (const page of pages.filter((p) => p.file !== 'index.md')) expect(page.rendered[renderer].elements.filter((e) => e.tag === 'a'), page.file).toEqual([]);
    });

    it('gives every report one title and all nine sections, whatever a name, city or text holds', () => {
      for (const page of pages.filter((p) => p.file !== 'index.md')) {
        const { elements } = page.rendered[renderer];
        expect(elements.filter((e) => e.tag === 'h1'), page.file).toHaveLength(1);
        expect(elements.filter((e) => e.tag === 'h2').map((e) => e.text.split('.')[0]), page.file).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
        // Code blocks are thick's charts alone: a customer's fence opens none.
        expect(elements.filter((e) => e.tag === 'pre'), page.file).toHaveLength(page.markdown.match(/^```text$/gm)?.length ?? 0);
      }
    });

    it('keeps a quote that starts with a code fence together with its source line', () => {
      const quote = report(BACKSLASH_NAME).rendered[renderer].elements.find((e) => e.tag === 'blockquote' && e.text.includes('The parcel arrived broken'))!;
      // German pages date day first (issue 8): 08.02.2024.
      const date = lang === 'de' ? '08\\.02\\.2024' : '2024-02-08';
      expect(flat(quote.text)).toMatch(new RegExp(`^${literal(flat(FENCED))} — ${date}, \\S+, .*${literal(TICKETS)}:5\\b`));
    });

    it('shows every attack as the text the customer wrote', () => {
      const text = (name: string) => flat(report(name).rendered[renderer].text);
      const kim = text(KIM);
      for (const shown of [KIM, CITY, STAGE, HTML_COMMENT, AUTOLINKS, ANALYST, NOTE, ...ANALYST_CODES, CONTEXT, LABEL, TICKETS, CHANNEL_SHOWN]) expect(kim, shown).toContain(flat(shown));
      expect(text(LINK_NAME)).toContain(HIDING);
      expect(text(REVIEWER)).toContain(PRODUCT);
      const anonymous = pages.find((p) => p.file !== 'index.md' && flat(p.rendered[renderer].text).includes('Arrived broken <iframe src=https://evil.example>'))!;
      expect(flat(anonymous.rendered[renderer].text)).toContain(PLACEHOLDER);
      const index = flat(pages.find((p) => p.file === 'index.md')!.rendered[renderer].text);
      for (const shown of [CONTEXT, TICKETS, LINK_NAME, IMAGE_NAME, BACKSLASH_NAME]) expect(index, shown).toContain(shown);
    });
  });

  it('writes HTML pages (--format both) where no customer text became an element, attribute, link or comment', () => {
    const pages = ['index.html', ...readdirSync(join(out, 'customers')).filter((f) => f.endsWith('.html')).map((f) => join('customers', f))];
    expect(pages.length).toBe(profiles.length + 1);
    for (const page of pages) {
      const html = readFileSync(join(out, page), 'utf8');
      const document = parseHtml(html);
      const elements = htmlElements(document);
      expect(elements.filter((e) => LIVE_ELEMENTS.has(e.tagName)).map((e) => e.tagName), page).toEqual([]);
      for (const { tagName, attrs } of elements) {
        for (const { name, value } of attrs) {
          expect(name.startsWith('on') || LOADING_ATTRIBUTES.has(name), `${page}: <${tagName} ${name}>`).toBe(false);
          if (name === 'href') expect(value, page).toMatch(/^[\w./-]+\.html(#[\w.-]*)?$/);
        }
      }
      expect(htmlComments(document).filter((c) => c !== GENERATED), page).toEqual([]);
      for (const svg of svgSources(html)) expect(() => parseXml(svg), page).not.toThrow();
    }
    const kimPage = pages.map((page) => readFileSync(join(out, page), 'utf8')).find((html) => htmlElements(parseHtml(html)).some((e) => e.tagName === 'h1' && htmlText(e) === flat(KIM)))!;
    // The channel chart labels its bar with the channel as written: text of the drawing, not an element of it.
    const drawings = svgSources(kimPage).map((svg) => parseXml(svg));
    const texts = drawings.flatMap((svg) => xmlElements(svg)).filter((e) => e.name === 'text' || e.name === 'title').map((e) => e.text);
    // The label is cut to fit beside its bar ("<svg-onload=alert(1)>-"x"-]]>-&…"); its title says it whole.
    expect(texts.some((t) => t.length > 20 && t.endsWith('…') && CHANNEL_SHOWN.startsWith(t.slice(0, -1))), 'channel label').toBe(true);
    expect(texts.some((t) => t.startsWith(`${CHANNEL_SHOWN}: `)), 'channel title').toBe(true);
    for (const svg of drawings) expect(xmlElements(svg).map((e) => e.name).filter((name) => name === 'svg'), 'nested <svg>').toEqual(['svg']);
    const kim = parseHtml(kimPage);
    const shown = flat(htmlText(htmlElements(kim).find((e) => e.tagName === 'body')!));
    for (const attack of [KIM, CITY, STAGE, HTML_COMMENT, AUTOLINKS, ANALYST, NOTE, ...ANALYST_CODES, CONTEXT, LABEL, TICKETS, CHANNEL_SHOWN]) expect(shown, attack).toContain(flat(attack));
    expect(htmlElements(kim).filter((e) => e.tagName === 'a').map((e) => attribute(e, 'href'))).not.toContainEqual(expect.stringMatching(/evil|javascript|mailto/));
  });

  it('writes no control character a terminal would obey into a page: they show as their pictures', () => {
    for (const page of pages) expect(page.markdown, page.file).not.toMatch(/[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/);
    expect(flat(report(IMAGE_NAME).rendered.marked.text)).toContain('Where is my parcel?␛[8m hidden from here␛]0;owned␇');
  });

  it('writes rejected.csv with a BOM and every formula cell neutralised', () => {
    const text = readFileSync(join(out, 'rejected.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const cells = (parse(text, { bom: true, relax_column_count: true }) as string[][]).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(cell))).toEqual([]);
    for (const formula of FORMULAS.filter((f) => !f.startsWith('\r'))) expect(cells.some((cell) => cell.startsWith(`'${formula},`)), formula).toBe(true);
  });
});

describe('thick annotate -o x.csv on hostile texts', () => {
  it('writes a BOM and neutralises every cell that starts like a formula, keeping its text', async () => {
    const dir = tempDir();
    const input = join(dir, 'texts.csv');
    writeFileSync(input, csv([['id', 'text'], ...FORMULAS.map((formula, i) => [String(i + 1), formula])]));
    const output = join(dir, 'x.csv');
    const run = await runThick(['annotate', input, '-o', output]);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(output, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    // A leading CR is shown ("␍", csv.ts cellText), so that cell no longer starts like a formula and needs no quote.
    expect(rows.map((row) => row.text)).toEqual(FORMULAS.map((formula) => (formula.startsWith('\r') ? `\u240d${formula.slice(1)}` : `'${formula}`)));
    const cells = rows.flatMap((row) => Object.values(row));
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(cell))).toEqual([]);
  });
});
