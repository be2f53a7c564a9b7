import { chartMarkdown, type Chart } from './charts.js';

/**
 * A page as its renderers share it: lines of Markdown (data already escaped for Markdown) and charts as structures.
 * The Markdown page draws charts as text; the HTML page renders the Markdown lines and draws the charts as SVG.
 */
export type Block = string | Chart;

export const isChart = (block: Block): block is Chart => typeof block !== 'string';

/** The page as Markdown: charts drawn as text, runs of three or more line breaks closed up, one final newline. */
export function pageMarkdown(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (isChart(block)) lines.push(...chartMarkdown(block));
    else lines.push(block);
  }
  const text = lines.join('\n');
  return (text.includes('\n\n\n') ? text.replace(/\n{3,}/g, '\n\n') : text).trimEnd() + '\n';
}
