import { chartMarkdown, type Chart } from './charts.js';

/**
 * A page as its renderers share it: lines of Markdown (data already escaped for Markdown) and charts as structures.
 * The Markdown page draws charts as text; the HTML page renders the Markdown lines and draws the charts as SVG.
 */
export type Block = string | Chart;

export const isChart = (block: Block): block is Chart => typeof block !== 'string';

/**
 * A page drawn in one format with a slot left open: the text before the slot and after it. Kept as two parts, not
 * as one text with a marker, because every text on a page may be a customer's, which could hold any marker.
 */
export interface SlottedText {
  before: string;
  after: string;
}

/** The page drawn, its slot filled with `slot` (the slot's own blocks drawn in the same format). */
export const filledSlot = (page: SlottedText, slot: string): string => page.before + slot + page.after;

/** The page as Markdown: charts drawn as text, runs of three or more line breaks closed up, one final newline. */
export const pageMarkdown = (blocks: readonly Block[]): string => markdownPart(blocks, { last: true });

/** A page as Markdown cut in parts where its blocks are cut: joined, the parts are pageMarkdown of all the blocks. */
export const markdownParts = (parts: readonly (readonly Block[])[]): string[] => parts.map((blocks, i) => markdownPart(blocks, { last: i === parts.length - 1 }));

/** Markdown lines as they fill a slot left in a page drawn with markdownParts. */
export const markdownSlot = (lines: readonly string[]): string => markdownPart(lines, { last: false });

/** Runs of three or more line breaks closed up to one blank line. */
const closedUp = (text: string): string => (text.includes('\n\n\n') ? text.replace(/\n{3,}/g, '\n\n') : text);

/**
 * Blocks as Markdown, as one part of a page cut in parts: the parts joined are pageMarkdown of all their blocks. A
 * part but the last keeps the line break that joins it to the next; each closes up its own runs of line breaks,
 * which is the whole page's closing up as long as no run of three line breaks crosses a cut. None does around a
 * customer's blind-spot slot: its lines are never empty, with one blank line on either side.
 */
function markdownPart(blocks: readonly Block[], { last }: { last: boolean }): string {
  const text = closedUp(markdownLines(blocks).join('\n'));
  return last ? `${text.trimEnd()}\n` : `${text}\n`;
}

function markdownLines(blocks: readonly Block[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (isChart(block)) lines.push(...chartMarkdown(block));
    else lines.push(block);
  }
  return lines;
}
