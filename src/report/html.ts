import markdownIt, { type MarkdownIt, type StateCore, type Token } from 'markdown-it';
import type { Chart } from './charts.js';
import { GENERATED_MARK } from './customer.js';
import type { ReportLang } from './i18n.js';
import { isChart, type Block } from './page.js';
import { chartSvg, escapeXml, timelineNotes } from './svg.js';

// The HTML page is the Markdown page rendered, not a second report: the same blocks, with runs of Markdown lines
// rendered by markdown-it and charts drawn as SVG. Customer text arrives escaped for Markdown; markdown-it turns that
// back into text and escapes it for HTML. Raw HTML is off, so even a line that escaped nothing shows as text.

/**
 * thick's own links between its pages: relative paths inside the output folder (a customer page may go up one level,
 * to the index), and anchors in the page.
 */
const OWN_TARGET = /^(?:(?:\.\.\/)?(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*)?(?:#[a-z0-9._-]*)?$/i;

/**
 * Where a link in the HTML page goes, or null when it must not be a link. A page holds no links but thick's own
 * relative ones (a Markdown page's `customers/x.md` is `customers/x.html` here, so links work offline); anything
 * else (a scheme, an absolute or a parent path) can only be customer text that escaping missed, and shows as text.
 */
export function htmlTarget(href: string): string | null {
  if (href === '' || !OWN_TARGET.test(href)) return null;
  return href.replace(/\.md(?=#|$)/i, '.html');
}

/** What a run of inline tokens says as plain text: an image's alt text, a link's text, code as written. */
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : t.type === 'softbreak' || t.type === 'hardbreak' ? ' ' : plainText(t.children ?? [])))
    .join('');
}

/** The link_close that ends the link opened at `open`. */
function linkClose(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.type === 'link_open') depth++;
    if (tokens[i]!.type === 'link_close' && --depth === 0) return i;
  }
  return tokens.length;
}

/**
 * A core rule over every inline run: thick's own links are pointed at the HTML pages; any other link (also an
 * autolink, which markdown-it makes with raw HTML off) loses its anchor and keeps its text; an image becomes its
 * alt text, so a page never loads anything.
 */
function ownLinksOnly(state: StateCore): void {
  for (const block of state.tokens) {
    const tokens = block.children;
    if (block.type !== 'inline' || !tokens) continue;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === 'image') {
        const alt: Token = new state.Token('text', '', 0);
        alt.content = plainText(token.children ?? []);
        tokens[i] = alt;
      } else if (token.type === 'link_open') {
        const target = htmlTarget(String(token.attrGet('href') ?? ''));
        if (target !== null) token.attrSet('href', target);
        else {
          tokens.splice(linkClose(tokens, i), 1);
          tokens.splice(i--, 1);
        }
      }
    }
  }
}

/** What rendering a page finds out about it: the column count of its widest table. */
interface PageEnv {
  [key: string | symbol]: unknown;
  widestTable?: number;
}

/** The columns of the table that opens at `open`: the cells of its first row. */
function tableColumns(tokens: readonly Token[], open: number): number {
  let columns = 0;
  for (let i = open; i < tokens.length && tokens[i]!.type !== 'tr_close'; i++) if (tokens[i]!.type === 'th_open') columns++;
  return columns;
}

/** A page with a table this wide (the index has eleven columns) prints on landscape A4, where its text has room. */
const LANDSCAPE_COLUMNS = 8;

function markdownRenderer(): MarkdownIt {
  const md = markdownIt('default', { html: false, linkify: false, typographer: false });
  md.core.ruler.push('thick_own_links_only', ownLinksOnly);
  // Wide tables (the index has eleven columns) scroll inside their box on a screen instead of widening the page.
  md.renderer.rules.table_open = (tokens, i, _options, env) => {
    const page = env as PageEnv;
    page.widestTable = Math.max(page.widestTable ?? 0, tableColumns(tokens, i));
    return '<div class="table"><table>\n';
  };
  md.renderer.rules.table_close = () => '</table></div>\n';
  // A date is one word to the reader: a narrow table column must not break it at its hyphens ("2024-11-" / "05").
  md.renderer.rules.text = (tokens, i) => md.utils.escapeHtml(tokens[i]!.content).replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<span class="date">$&</span>');
  return md;
}

const md = markdownRenderer();

export interface HtmlPageOptions {
  lang: ReportLang;
  /** The document title; by default the text of the page's first heading. */
  title?: string;
}

/** A chart as a figure: the SVG, and for a timeline its title above and the notes its ◆ marks point to below. */
function chartFigure(block: Chart, id: string): string {
  const svg = chartSvg(block, id);
  // Bars and means are titled by the section they stand in; a timeline carries its own title and notes.
  if (block.kind === 'bars' || block.kind === 'means') return `<figure class="chart">\n${svg}\n</figure>\n`;
  const notes = timelineNotes(block).map((n) => `<li>◆${n.mark} ${escapeXml(n.bucket)}: ${escapeXml(n.note)}</li>`);
  const list = notes.length > 0 ? `<ul class="notes">\n${notes.join('\n')}\n</ul>\n` : '';
  return `<figure class="chart">\n<figcaption>${escapeXml(block.title)}</figcaption>\n${svg}\n${list}</figure>\n`;
}

/**
 * The page's body, one text for each part the page is cut in, and the plain text of its first level-1 heading.
 * Markdown lines run together up to a chart or a cut; a cut must fall between blocks set apart by blank lines, so the
 * lines on either side render as they would together (thick's lines hold no link reference a cut could separate
 * from its use: customer text escapes every bracket).
 */
function renderBody(parts: readonly (readonly Block[])[]): { bodies: string[]; heading: string | null; widestTable: number } {
  const env: PageEnv = {};
  let heading: string | null = null;
  let charts = 0;
  const rendered = (run: readonly string[]): string => {
    if (run.length === 0) return '';
    const tokens = md.parse(run.join('\n'), env);
    const h1 = tokens.findIndex((t: Token) => t.type === 'heading_open' && t.tag === 'h1');
    if (heading === null && h1 >= 0) heading = plainText(tokens[h1 + 1]?.children ?? []);
    return md.renderer.render(tokens, md.options, env);
  };
  const bodies = parts.map((blocks) => {
    const out: string[] = [];
    let run: string[] = [];
    for (const block of blocks) {
      if (!isChart(block)) {
        // The marker is a comment in the Markdown; in HTML (raw HTML off) it would show as text, so it goes to <head>.
        if (block !== GENERATED_MARK) run.push(block);
        continue;
      }
      out.push(rendered(run), chartFigure(block, `chart-${++charts}`));
      run = [];
    }
    out.push(rendered(run));
    return out.join('');
  });
  return { bodies, heading, widestTable: env.widestTable ?? 0 };
}

/**
 * Scripts, frames, forms, fonts and every remote load are refused; only the page's own <style> and data: images
 * (none today) may apply. A page thick wrote can be opened from a mail attachment or a shared folder safely.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** A page as a complete, self-contained HTML5 document: no script, no external reference, a print stylesheet. */
export function pageHtml(blocks: readonly Block[], options: HtmlPageOptions): string {
  return pageHtmlParts([blocks], options).join('');
}

/**
 * A page as an HTML document cut in parts where its blocks are cut: joined, the parts are pageHtml of all the
 * blocks. The first part holds the document's head, whose title and print orientation are those of the parts given.
 */
export function pageHtmlParts(parts: readonly (readonly Block[])[], options: HtmlPageOptions): string[] {
  const { bodies, heading, widestTable } = renderBody(parts);
  const orientation = widestTable >= LANDSCAPE_COLUMNS ? ' landscape' : '';
  const title = options.title ?? heading ?? 'thick';
  const head = [
    '<!DOCTYPE html>',
    `<html lang="${escapeXml(options.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    GENERATED_MARK,
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    '<meta name="generator" content="thick">',
    `<title>${escapeXml(title)}</title>`,
    `<style>\n${STYLESHEET}@page { size: A4${orientation}; margin: 16mm 14mm; }\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    '',
  ].join('\n');
  const last = bodies.length - 1;
  return bodies.map((body, i) => `${i === 0 ? head : ''}${i === last ? `${body.trimEnd()}\n</main>\n</body>\n</html>\n` : body}`);
}

/**
 * Markdown lines as HTML, to fill a slot left in a page drawn with pageHtmlParts. A table would change the page's
 * print orientation, which its head has said already; a slot holds none (a list or a line), and one is refused.
 */
export function htmlSlot(lines: readonly string[]): string {
  const { bodies, widestTable } = renderBody([lines]);
  if (widestTable > 0) throw new Error('a page slot holds no table: the page head has set its print orientation');
  return bodies[0]!;
}

/**
 * Screen: a readable column of sans-serif text, wide tables scroll in their box, charts scale down. Print (A4): serif
 * text, links as plain text, table rows and charts never split across pages, table headers repeated.
 */
const STYLESHEET = `html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; line-height: 1.5; color: #1a1a1a; background: #fff; }
body { margin: 0; }
main { max-width: 76rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
main > p, main > ul, main > ol, main > blockquote { max-width: 50rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .6rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
p, ul, ol, blockquote, figure { margin: 0 0 .9rem; }
li > ul { margin: .2rem 0 .3rem; }
a { color: #0a4b85; }
blockquote { margin-left: 0; padding: .1rem 0 .1rem 1rem; border-left: 4px solid #bbb; color: #333; }
blockquote p { margin: 0 0 .3rem; }
code { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .88em; background: #f0f0f0; padding: 0 .2em; border-radius: 3px; }
pre { overflow-x: auto; background: #f5f5f5; padding: .6rem; }
pre code { background: none; padding: 0; }
.table { overflow-x: auto; margin: 0 0 1rem; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid #c4c4c4; padding: .3rem .5rem; vertical-align: top; text-align: left; overflow-wrap: break-word; }
th { background: #efefef; }
figure.chart { margin: 1rem 0 1.2rem; }
figcaption { font-weight: bold; margin-bottom: .3rem; }
figure .notes { font-size: .9rem; margin: .3rem 0 0; padding-left: 1.2rem; list-style: none; }
.date { white-space: nowrap; }
svg.chart { display: block; max-width: 100%; height: auto; }
@media print {
  html { font-family: Charter, "Bitstream Charter", Georgia, Cambria, "Noto Serif", "DejaVu Serif", serif, "Noto Color Emoji"; font-size: 10.5pt; line-height: 1.4; color: #000; }
  main { max-width: none; margin: 0; padding: 0; }
  h2 { margin-top: 1.4rem; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .table { overflow: visible; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, figure, blockquote, li { break-inside: avoid; page-break-inside: avoid; }
  th, td { padding: .15rem .3rem; }
  th { background: none; border-bottom: 2px solid #000; }
  code { background: none; padding: 0; }
  pre { white-space: pre-wrap; background: none; border: 1px solid #999; }
  main > p, main > ul, main > ol, main > blockquote { max-width: none; }
  svg.chart { max-width: 16cm; }
}
`;
