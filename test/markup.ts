import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { SaxesParser } from 'saxes';

// Parsers for tests of thick's HTML and SVG: the page as a browser builds it (parse5, the HTML standard's algorithm)
// and each drawing as an XML processor reads it (saxes, a strict, namespace-aware XML parser).

/** An XML element as the tests look at it. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The text directly inside the element. */
  text: string;
}

/** Parse XML strictly (with namespaces); throws on anything that is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.local, attributes: Object.fromEntries(Object.entries(tag.attributes).map(([name, a]) => [name, a.value])), children: [], text: '' };
    if (tag.uri !== 'http://www.w3.org/2000/svg') throw new Error(`<${tag.name}> is not in the SVG namespace`);
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (stack.length > 0) stack.at(-1)!.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element of an XML tree, depth first. */
export const xmlElements = (root: XmlElement): XmlElement[] => [root, ...root.children.flatMap(xmlElements)];

/** All text of an XML element and its descendants. */
export const xmlText = (element: XmlElement): string => element.text + element.children.map(xmlText).join('');

export type HtmlNode = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
export type HtmlElement = DefaultTreeAdapterMap['element'];

export const parseHtml = (html: string): DefaultTreeAdapterMap['document'] => parse(html);

const childrenOf = (node: HtmlNode): HtmlNode[] => ('childNodes' in node ? (node.childNodes as HtmlNode[]) : []).concat('content' in node && node.content ? (node.content.childNodes as HtmlNode[]) : []);

/** Every element of an HTML tree, depth first (template contents too). */
export function htmlElements(node: HtmlNode): HtmlElement[] {
  const own = 'tagName' in node ? [node as HtmlElement] : [];
  return [...own, ...childrenOf(node).flatMap(htmlElements)];
}

/** Every comment of an HTML tree. */
export function htmlComments(node: HtmlNode): string[] {
  const own = node.nodeName === '#comment' ? [(node as DefaultTreeAdapterMap['commentNode']).data] : [];
  return [...own, ...childrenOf(node).flatMap(htmlComments)];
}

/** The text of an HTML node as a reader sees it (all text nodes, in order). */
export function htmlText(node: HtmlNode): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return childrenOf(node).map(htmlText).join('');
}

export const attribute = (element: HtmlElement, name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;

/** The inline SVG drawings of an HTML page's source, each as written. */
export const svgSources = (html: string): string[] => html.match(/<svg[\s>][\s\S]*?<\/svg>/g) ?? [];
