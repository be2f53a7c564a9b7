// Rejected rows as every command shows them: on stderr the first few with file:line:column and reason (the rest
// counted), in --json summaries each with its column, so a script can point at the cell.
import type { Rejection } from '../model.js';
import type { Terminal } from './terminal.js';

/** How many rejected rows a command lists on stderr before it only counts the rest. */
const LISTED = 20;

export const rejectionJson = (r: Rejection) => ({ file: r.file, line: r.line, column: r.column ?? null, reason: r.reason });

export function warnRejections(term: Terminal, rejected: readonly Rejection[]): void {
  for (const r of rejected.slice(0, LISTED)) term.warn(`${r.file}:${r.line}${r.column ? `:${r.column}` : ''}: ${r.reason}`);
  if (rejected.length > LISTED) term.warn(`… and ${rejected.length - LISTED} more rejected rows`);
}
