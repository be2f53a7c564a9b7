// Markdown as a reader's viewer shows it: rendered to HTML and parsed, so tests can ask which elements, links,
// images and comments a page holds and what text it shows, instead of matching the Markdown source.
import MarkdownIt from 'markdown-it';
import { Marked } from 'marked';
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';

/**
 * marked with GFM and raw HTML passed through (the attacker's best case: a viewer that sanitises nothing, with
 * autolink literals on); markdown-it as thick's HTML output uses it (raw HTML off, no linkify).
 */
export const RENDERERS = {
  marked: (markdown: string): string => new Marked({ gfm: true }).parse(markdown, { async: false }),
  'markdown-it': (markdown: string): string => new MarkdownIt({ html: false }).render(markdown),
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
  /** Every element, in document order. */
  elements: Element[];
  /** The text of every HTML comment that survived. */
  comments: string[];
  /** All visible text, as a reader sees it. */
  text: string;
}

type Node = T.ChildNode | T.DocumentFragment;

const textOf = (node: Node): string => {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
};

function walk(node: Node, out: Rendered): void {
  if (node.nodeName === '#comment') out.comments.push((node as T.CommentNode).data);
  else if ('tagName' in node) out.elements.push({ tag: node.tagName, attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])), text: textOf(node) });
  // A <template>'s content is a fragment of its own: an attacker's markup hidden in one still counts.
  if (node.nodeName === 'template') walk((node as T.Template).content, out);
  if ('childNodes' in node) for (const child of node.childNodes) walk(child, out);
}

/** Render Markdown with one renderer and parse the HTML the way a browser would. */
export function render(markdown: string, renderer: RendererName = 'marked'): Rendered {
  const html = RENDERERS[renderer](markdown);
  const fragment = parseFragment(html);
  const out: Rendered = { html, elements: [], comments: [], text: textOf(fragment) };
  walk(fragment, out);
  return out;
}
