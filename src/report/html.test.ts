import { describe, expect, it } from 'vitest';
import { attribute, htmlComments, htmlElements, htmlText, parseHtml, parseXml, svgSources, type HtmlElement } from '../../test/markup.js';
import type { Chart } from './charts.js';
import { GENERATED_MARK } from './customer.js';
import { CONTENT_SECURITY_POLICY, htmlTarget, pageHtml } from './html.js';
import type { Block } from './page.js';

/** Markup as an attacker would write it, unescaped: what a page would hold if escaping missed a field. */
const HOSTILE = [
  '<script>alert(1)</script> <img src=x onerror=alert(2)> <iframe src="https://evil.example"></iframe>',
  '[js](javascript:alert(3)) [JS](JaVaScRiPt:alert(4)) [tab](java\tscript:alert(5)) [ent](javascript&#58;alert(6))',
  '[vb](vbscript:msgbox) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==) [file](file:///etc/passwd)',
  '[web](http://evil.example) [proto](//evil.example/x.md) [up](../../secret.md) [abs](/etc/passwd.md) <https://evil.example/auto> <mail@evil.example>',
  '![pixel](http://evil.example/p.png) ![inline](data:image/png;base64,iVBORw0KGgo=) [![img in link](http://evil.example/i.png)](http://evil.example)',
  '<!-- the rest of the page would be hidden',
];

const BARS: Chart = { kind: 'bars', rows: [{ label: 'email <b>', value: 3 }, { label: 'shop', value: 1 }] };
const TIMELINE: Chart = {
  kind: 'timeline',
  title: 'Timeline',
  unit: 'month',
  highlightLabel: 'complaints',
  buckets: [
    { label: '2024-01', value: 2, highlight: 1, notes: ['Strike <script>alert(8)</script> (notes.csv:2)'] },
    { label: '2024-02', value: 1, highlight: 0, notes: [] },
  ],
};

const PAGE: Block[] = [
  '# Kim \\<b\\> & Co',
  '',
  '| Customer | Orders | Last contact |',
  '|---|---:|---|',
  '| [Kim](customers/1001-kim.md) | 3 | 2024-11-05 |',
  '',
  BARS,
  '',
  TIMELINE,
  '',
  ...HOSTILE,
  '',
  'Back to the [index](../index.md#top).',
  GENERATED_MARK,
];

const elements = (html: string): HtmlElement[] => htmlElements(parseHtml(html));
const body = (html: string): HtmlElement => elements(html).find((e) => e.tagName === 'body')!;

describe('htmlTarget', () => {
  it("points thick's own relative .md links at the HTML pages, anchors kept", () => {
    expect(htmlTarget('customers/1001-kim.md')).toBe('customers/1001-kim.html');
    expect(htmlTarget('index.md#top')).toBe('index.html#top');
    expect(htmlTarget('customers.csv')).toBe('customers.csv');
    expect(htmlTarget('#section')).toBe('#section');
    expect(htmlTarget('../index.md')).toBe('../index.html');
  });

  it('refuses every other target: schemes, absolute and protocol-relative paths, paths out of the output folder', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'http://evil.example', '//evil.example/x.md', '/etc/passwd.md', '../../secret.md', 'customers/../../x.md', 'x/../y.md', '.hidden.md', 'mailto:x@y.z', '', 'a b.md']) {
      expect(htmlTarget(href), href).toBeNull();
    }
  });
});

describe('pageHtml', () => {
  const html = pageHtml(PAGE, { lang: 'de' });
  const all = elements(html);

  it('is a complete HTML5 document: doctype, lang, charset first, the generated-by-thick mark in the head, a title from the heading', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    const head = all.find((e) => e.tagName === 'head')!;
    expect(htmlComments(head)).toEqual([GENERATED_MARK.slice('<!--'.length, -'-->'.length)]);
    expect(htmlText(all.find((e) => e.tagName === 'title')!)).toBe('Kim <b> & Co');
    expect(htmlText(all.find((e) => e.tagName === 'h1')!)).toBe('Kim <b> & Co');
    // The mark is no text of the page.
    expect(htmlText(body(html))).not.toContain('written by thick');
    expect(pageHtml(PAGE, { lang: 'en', title: 'Report' })).toContain('<title>Report</title>');
  });

  it('forbids scripts, frames, forms and every remote load with a Content-Security-Policy', () => {
    const csp = all.find((e) => e.tagName === 'meta' && attribute(e, 'http-equiv') === 'Content-Security-Policy');
    expect(attribute(csp!, 'content')).toBe(CONTENT_SECURITY_POLICY);
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.has('script-src')).toBe(false);
    expect(directives.get('img-src')).toEqual(['data:']);
    // The policy comes before anything the page loads or shows.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('leaves nothing executable or loading from hostile Markdown: no script, frame or image, no event handler, no foreign link', () => {
    const tags = new Set(all.map((e) => e.tagName));
    for (const tag of ['script', 'iframe', 'img', 'object', 'embed', 'form', 'base', 'link']) expect(tags.has(tag), tag).toBe(false);
    for (const element of all) {
      for (const a of element.attrs) {
        expect(a.name.startsWith('on'), `${element.tagName} ${a.name}`).toBe(false);
        expect(a.value, `${element.tagName} ${a.name}`).not.toMatch(/javascript|vbscript|evil\.example|data:text/i);
      }
    }
    const hrefs = all.filter((e) => e.tagName === 'a').map((a) => attribute(a, 'href'));
    expect(hrefs).toEqual(['customers/1001-kim.html', '../index.html#top']);
    // What the attacker wrote is on the page as text, and the page does not end at the "<!--".
    const text = htmlText(body(html));
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(2)>');
    expect(text).toContain('Back to the index.');
  });

  it('renders the table with its alignment and draws the charts as well-formed SVG with escaped labels', () => {
    const table = all.find((e) => e.tagName === 'table')!;
    const cells = htmlElements(table).filter((e) => e.tagName === 'td').map(htmlText);
    expect(cells).toEqual(['Kim', '3', '2024-11-05']);
    expect(attribute(htmlElements(table).filter((e) => e.tagName === 'td')[1]!, 'style')).toBe('text-align:right');
    const svgs = svgSources(html);
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) expect(parseXml(svg).name).toBe('svg');
    const drawings = all.filter((e) => e.tagName === 'svg');
    expect(drawings.map((s) => attribute(s, 'aria-labelledby'))).toEqual(['chart-1-title', 'chart-2-title chart-2-desc']);
    expect(htmlText(drawings[0]!)).toContain('email <b>');
    // The timeline's note is listed under it, as text.
    const notes = all.find((e) => e.tagName === 'ul' && attribute(e, 'class') === 'notes')!;
    expect(htmlText(notes)).toBe('\n◆1 2024-01: Strike <script>alert(8)</script> (notes.csv:2)\n');
  });

  it('keeps a date on one line, prints in landscape only for a wide table', () => {
    expect(html).toContain('<span class="date">2024-11-05</span>');
    expect(html).toContain('@page { size: A4; ');
    const wide = ['| a | b | c | d | e | f | g | h |', '|---|---|---|---|---|---|---|---|', '| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |'];
    expect(pageHtml(wide, { lang: 'en' })).toContain('@page { size: A4 landscape; ');
  });

  it('is the same document for the same blocks, and a page without a heading is titled thick', () => {
    expect(pageHtml(PAGE, { lang: 'de' })).toBe(html);
    expect(pageHtml(['Just text.'], { lang: 'en' })).toContain('<title>thick</title>');
  });
});
