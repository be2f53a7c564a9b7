import { writeFileSync } from 'node:fs';
import { annotateEvent, type AnnotateContext } from '../annotate/index.js';
import { compileCodebook } from '../annotate/codebook.js';
import type { FileIngest } from '../ingest/index.js';
import type { Event, IngestedEvent, Rejection } from '../model.js';
import { ingestOptionsFrom, type IngestFlags } from './analyze.js';
import { linkRun } from '../pipeline.js';
import { activeCodebook, activeModel, ingestAll } from './pipeline.js';
import { terminal } from './terminal.js';
import { rejectionJson, warnRejections } from './rejections.js';
import { writeOrStop } from './stdio.js';
import { csvFile } from '../report/csv.js';

export interface AnnotateFlags extends IngestFlags {
  out: string;
  codebook?: string;
  json?: boolean;
  model?: string;
  quiet?: boolean;
  allCodes?: boolean;
}

/** A row to write: used, with its record (ingested, then annotated), or rejected with the reason. */
type Line<E extends IngestedEvent = Event> = { kind: 'used'; ingest: FileIngest; line: number; fields: string[]; event: E | null } | { kind: 'rejected'; rejection: Rejection };

/**
 * Every input row in input order: used rows with their own record (annotated by `annotated`), rejected rows with the
 * reason. Records are linked first, as in analyze, so a post addressed to the brand is a conversation here too and
 * every code's conditions see the same record in both commands.
 */
function rowsInOrder(ingests: readonly FileIngest[], brandHandles: ReadonlySet<string>): Line<IngestedEvent>[] {
  const { linked } = linkRun(ingests, brandHandles);
  const byId = new Map(linked.events.map((e) => [e.id, e]));
  return ingests.flatMap((ingest) => {
    const used: Line<IngestedEvent>[] = ingest.used.map((u) => {
      // The customer's record, not the brand's reply written beside it in the same row.
      const own = u.events.filter((e) => e.direction !== 'outbound');
      const found = own.find((e) => e.text) ?? own[0] ?? u.events[0];
      const event = found ? (byId.get(found.id) ?? found) : null;
      return { kind: 'used', ingest, line: u.line, fields: u.fields, event };
    });
    const rejected: Line<IngestedEvent>[] = ingest.rejected.map((rejection) => ({ kind: 'rejected', rejection }));
    return [...used, ...rejected].sort((a, b) => lineOf(a) - lineOf(b));
  });
}

/** A row with its record annotated: done row by row as it is written, so a reader who stops early costs no more. */
const annotated = (line: Line<IngestedEvent>, ctx: AnnotateContext): Line => (line.kind === 'used' ? { ...line, event: line.event && annotateEvent(line.event, ctx) } : line);

/** Rows written to stdout per write: small enough to stop soon after the reader goes, large enough to be cheap. */
const BATCH = 200;

/**
 * JSON lines to stdout, annotated batch by batch. Resolves false when the reader has gone (`| head`): then nothing
 * more is annotated or written.
 */
async function streamJsonLines(lines: readonly Line<IngestedEvent>[], ctx: AnnotateContext, stdout: NodeJS.WriteStream): Promise<boolean> {
  for (let start = 0; start < lines.length; start += BATCH) {
    const batch = lines.slice(start, start + BATCH).map((line) => `${jsonLine(annotated(line, ctx))}\n`);
    if (!(await writeOrStop(stdout, batch.join('')))) return false;
  }
  return true;
}

const lineOf = (line: Line<IngestedEvent>): number => (line.kind === 'used' ? line.line : line.rejection.line);

/** Three decimals are plenty for a score, and keep the files diff-able. */
const rounded = (sentiment: Event['sentiment']): { label: string; score: number } =>
  sentiment ? { label: sentiment.label, score: Math.round(sentiment.score * 1000) / 1000 } : { label: 'neutral', score: 0 };

const codesOf = (event: Event | null): string[] => [...new Set((event?.annotations ?? []).filter((a) => a.by.kind !== 'context' && a.by.kind !== 'reading').map((a) => a.code))];

function jsonLine(line: Line): string {
  if (line.kind === 'rejected') {
    const { file, line: n, column, reason } = line.rejection;
    return JSON.stringify({ source: { file, line: n }, rejected: column ? `column ${column}: ${reason}` : reason });
  }
  const event = line.event;
  return JSON.stringify({
    source: { file: line.ingest.file, line: line.line },
    kind: event?.kind ?? line.ingest.preset.kind,
    rating: event?.rating ?? null,
    customer: event?.who ?? null,
    at: event?.at?.toISOString() ?? null,
    channel: event?.channel ?? null,
    direction: event?.direction ?? null,
    text: event?.text ?? null,
    amount: event?.amount ?? null,
    orderId: event?.orderId ?? null,
    messageId: event?.messageId ?? null,
    replyTo: event?.replyTo ?? null,
    author: event?.author ?? null,
    lang: event?.lang ?? 'other',
    sentiment: rounded(event?.sentiment ?? null),
    codes: codesOf(event),
    annotations: (event?.annotations ?? []).map(({ code, quote, by, confidence, source }) => ({ code, quote, by, confidence, source })),
  });
}

/**
 * CSV for R, pandas or a spreadsheet (UTF-8 with BOM, formulas neutralised: report/csv.ts): the input columns plus
 * kind, rating, rating_scale, lang, sentiment, sentiment_score and one 0/1 column per code. A rejected row keeps its
 * place with its reason in `rejected` and its raw text in `raw`, nothing else.
 */
function csvTable(lines: readonly Line[], codeIds: readonly string[]): string {
  const header = [...new Set(lines.flatMap((l) => (l.kind === 'used' ? l.ingest.header : [])))];
  const rows = lines.map((l) => {
    if (l.kind === 'rejected') {
      const { file, line, column, reason, raw } = l.rejection;
      return [...header.map(() => ''), file, line, '', '', '', '', '', '', ...codeIds.map(() => ''), column ? `column ${column}: ${reason}` : reason, raw];
    }
    const byName = new Map(l.ingest.header.map((h, i) => [h, l.fields[i] ?? '']));
    const codes = new Set(codesOf(l.event));
    const sentiment = rounded(l.event?.sentiment ?? null);
    const rating = l.event?.rating;
    const record = [l.event?.kind ?? '', rating?.value ?? '', rating?.scale ?? ''];
    return [...header.map((h) => byName.get(h) ?? ''), l.ingest.file, l.line, ...record, l.event?.lang ?? 'other', sentiment.label, sentiment.score, ...codeIds.map((id) => (codes.has(id) ? 1 : 0)), '', ''];
  });
  const columns = [...header, 'source_file', 'source_line', 'kind', 'rating', 'rating_scale', 'lang', 'sentiment', 'sentiment_score', ...codeIds, 'rejected', 'raw'];
  return csvFile([columns, ...rows]);
}

export async function runAnnotate(files: string[], flags: AnnotateFlags): Promise<number> {
  const toStdout = flags.out === '-';
  const term = terminal(flags.quiet || flags.json || toStdout);
  // What a user codebook leaves out of thick's judgements is said here too, not only by analyze.
  const codebookWarnings: string[] = [];
  const codebook = activeCodebook(flags.codebook, codebookWarnings);
  const model = activeModel(flags.model);
  // Only the text matters here: a bad date or number in another column is read as empty, with a warning.
  const options = ingestOptionsFrom(flags);
  const ingests = ingestAll(files, { ...options, lenient: true, keepFields: true }, (file) => term.step(`reading ${file}`));
  for (const ingest of ingests) {
    if (!['messages', 'social', 'tickets', 'notes', 'reviews'].includes(ingest.preset.kind) && ingest.mapping.text === undefined) {
      term.warn(`${ingest.file}: no text column found (read as ${ingest.preset.id}); use --map text=<Column>`);
    }
  }
  const ctx: AnnotateContext = { codebook: compileCodebook(codebook), contextEvents: [], model, allCodes: flags.allCodes };
  term.step('annotating');
  const lines = rowsInOrder(ingests, options.brandHandles);
  if (toStdout) {
    // The reader went away: what it read was what it wanted; the summary and warnings go unsaid, exit 0.
    if (!(await streamJsonLines(lines, ctx, process.stdout))) return 0;
  } else {
    const all = lines.map((line) => annotated(line, ctx));
    const codeIds = codebook.codes.filter((c) => flags.allCodes || !c.experimental).map((c) => c.id);
    writeFileSync(flags.out, flags.out.endsWith('.csv') ? csvTable(all, codeIds) : all.map((line) => `${jsonLine(line)}\n`).join(''));
  }

  const rows = ingests.reduce((sum, i) => ({ read: sum.read + i.rows.read, used: sum.used + i.rows.used, rejected: sum.rejected + i.rows.rejected }), { read: 0, used: 0, rejected: 0 });
  const warnings = [...codebookWarnings, ...ingests.flatMap((i) => i.warnings)];
  if (flags.json && !toStdout) {
    const files = ingests.map((i) => ({ file: i.file, encoding: i.encoding, delimiter: i.delimiter, preset: i.preset.id, rows: i.rows }));
    const rejected = ingests.flatMap((i) => i.rejected).map(rejectionJson);
    process.stdout.write(`${JSON.stringify({ rows, files, warnings, rejected, out: flags.out }, null, 2)}\n`);
  } else term.done(`${rows.used} rows annotated to ${flags.out} (${rows.rejected} rejected)`);
  // Not an error: `json: true` in a config file is meant for analyze and must not stop a quick `thick annotate x.csv`.
  if (flags.json && toStdout) term.warn('--json: the annotated lines go to stdout, so no run summary is printed; write them to a file with -o to get one');
  for (const warning of warnings) term.warn(warning);
  warnRejections(term, ingests.flatMap((i) => i.rejected));
  return 0;
}
