// Markdown as a reader's viewer shows it: rendered to HTML and parsed as a browser would (test/markup.ts), so tests
// can ask which elements, links, images and comments a page holds and what text it shows, instead of matching the
// Markdown source.
import MarkdownIt from 'markdown-it';
import { Marked } from 'marked';
import { htmlComments, htmlElements, htmlText, parseHtml, type HtmlElement } from './markup.js';

/**
 * marked with GFM and raw HTML passed through (the attacker's best case: a viewer that sanitises nothing, with
 * autolink literals on); markdown-it as thick's HTML output uses it (raw HTML off, no linkify).
 */
export const RENDERERS = {
  marked: (markdown: string): string => new Marked({ gfm: true }).parse(markdown, { async: false }),
  'markdown-it': (markdown: string): string => new MarkdownIt({ html: false, linkify: false }).render(markdown),
} as const;
export type RendererName = keyof typeof RENDERERS;

export interface Element {
  tag: string;
  attrs: Record<string, string>;
  /** The text inside the element, as a reader sees it. */
  text: string;
}

export interface Rendered {
  html: string;
  /** Every element of the page, in document order, but the html, head and body a parser adds. */
  elements: Element[];
  /** The text of every HTML comment that survived. */
  comments: string[];
  /** All visible text, as a reader sees it. */
  text: string;
}

const element = (e: HtmlElement): Element => ({ tag: e.tagName, attrs: Object.fromEntries(e.attrs.map((a) => [a.name, a.value])), text: htmlText(e) });

/** The elements a parser adds around every page; one that carries an attribute (`<body onload=…>`) counts. */
const wrapper = (e: HtmlElement): boolean => ['html', 'head', 'body'].includes(e.tagName) && e.attrs.length === 0;

/** Render Markdown with one renderer and parse the HTML the way a browser would. */
export function render(markdown: string, renderer: RendererName = 'marked'): Rendered {
  const html = RENDERERS[renderer](markdown);
  const document = parseHtml(html);
  // The whole document: a <script> at a page's start would be put in its head.
  return { html, elements: htmlElements(document).filter((e) => !wrapper(e)).map(element), comments: htmlComments(document), text: htmlText(document) };
}
