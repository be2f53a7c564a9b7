import { closeSync, createReadStream, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { annotateEvent, unannotated, type AnnotateContext } from '../annotate/index.js';
import { compileCodebook } from '../annotate/codebook.js';
import { ingestFile, startIngest, type FileIngest, type FileReader, type IngestOptions } from '../ingest/index.js';
import { assumedColumns, contradiction, settleNotes, type AssumedColumn } from '../ingest/assumed.js';
import { notStreamable, openInput, SAMPLE_BYTES, tableParts, type Opened } from '../ingest/stream.js';
import type { Table } from '../ingest/table.js';
import type { Event, IngestedEvent, Rejection } from '../model.js';
import { ingestOptionsFrom, type IngestFlags } from './analyze.js';
import { linkRun } from '../pipeline.js';
import { jsonText } from '../profile/record.js';
import { LINK_PASSES } from '../ingest/link.js';
import { passTicker, progressTicker, type OnProgress } from '../progress.js';
import { activeCodebook, activeModel, distinctInputs, ingestError, unreadable } from './pipeline.js';
import { hintTerminal, inputName, isStdin } from './stdin.js';
import { terminal, type Terminal } from './terminal.js';
import { rejectionJson, warnRejections } from './rejections.js';
import { writeOrStop } from './stdio.js';
import { csvCell, csvFile } from '../report/csv.js';

export interface AnnotateFlags extends IngestFlags {
  out: string;
  codebook?: string;
  json?: boolean;
  model?: string;
  quiet?: boolean;
  allCodes?: boolean;
}

type Line = { kind: 'used'; ingest: FileIngest; line: number; fields: readonly string[]; event: Event | null; raw?: string } | { kind: 'rejected'; rejection: Rejection };

/**
 * Every input row in input order: used rows with their own record (annotated by `annotated`), rejected rows with the
 * reason. Records are linked first, as in analyze, so a post addressed to the brand is a conversation here too and
 * every code's conditions see the same record in both commands.
 */
function rowsInOrder(ingests: readonly FileIngest[], brandHandles: ReadonlySet<string>, onProgress?: OnProgress): Line[] {
  const records = ingests.reduce((n, i) => n + i.events.length + i.contacts.length, 0);
  const { linked } = linkRun(ingests, brandHandles, passTicker(onProgress, { stage: 'link', unit: 'records', total: records }, LINK_PASSES));
  const byId = new Map(linked.events.map((e) => [e.id, e]));
  return ingests.flatMap((ingest) => linesOf(ingest, ingest.rejected, (event) => byId.get(event.id) ?? event));
}

/** A file's used rows and the given rejected rows as lines, in line order; `linked` gives a record as linked. */
function linesOf(ingest: FileIngest, rejected: readonly Rejection[], linked: (event: IngestedEvent) => IngestedEvent = (event) => event): Line[] {
  const used: Line[] = ingest.used.map((u) => {
    const found = ownRecord(u.events);
    // Unread until `annotated` reads it (and the line written as is when nothing does): no language, no sentiment.
    return { kind: 'used', ingest, line: u.line, fields: u.fields, event: found ? unannotated(linked(found)) : null, raw: u.raw };
  });
  const rejections: Line[] = rejected.map((rejection) => ({ kind: 'rejected', rejection }));
  return [...used, ...rejections].sort((a, b) => lineOf(a) - lineOf(b));
}

/** The customer's record, not the brand's reply written beside it in the same row. */
function ownRecord(events: readonly IngestedEvent[]): IngestedEvent | undefined {
  const own = events.filter((e) => e.direction !== 'outbound');
  return own.find((e) => e.text) ?? own[0] ?? events[0];
}

/** A row with its record annotated: done row by row as it is written, so a reader who stops early costs no more. */
const annotated = (line: Line, ctx: AnnotateContext): Line => (line.kind === 'used' && line.event ? { ...line, event: annotateEvent(line.event, ctx) } : line);

/** Rows written to stdout per write: small enough to stop soon after the reader goes, large enough to be cheap. */
const BATCH = 200;

/**
 * JSON lines to stdout, annotated batch by batch. Resolves false when the reader has gone (`| head`): then nothing
 * more is annotated or written.
 */
async function streamJsonLines(lines: readonly Line[], ctx: AnnotateContext, stdout: NodeJS.WritableStream): Promise<boolean> {
  for (let start = 0; start < lines.length; start += BATCH) {
    const batch = lines.slice(start, start + BATCH).map((line) => `${jsonLine(annotated(line, ctx))}\n`);
    if (!(await writeOrStop(stdout, batch.join('')))) return false;
  }
  return true;
}

const lineOf = (line: Line): number => (line.kind === 'used' ? line.line : line.rejection.line);

/** Three decimals are plenty for a score, and keep the files diff-able. */
const rounded = (sentiment: Event['sentiment']): { label: string; score: number } =>
  sentiment ? { label: sentiment.label, score: Math.round(sentiment.score * 1000) / 1000 } : { label: 'neutral', score: 0 };

const codesOf = (event: Event | null): string[] => [...new Set((event?.annotations ?? []).filter((a) => a.by.kind !== 'context' && a.by.kind !== 'reading').map((a) => a.code))];

function jsonLine(line: Line): string {
  if (line.kind === 'rejected') {
    const { file, line: n, column, reason } = line.rejection;
    return jsonText({ source: { file, line: n }, rejected: column ? `column ${column}: ${reason}` : reason });
  }
  const event = line.event;
  return jsonText({
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
  return csvFile([csvColumns(header, codeIds), ...lines.map((l) => csvRow(l, header, codeIds))]);
}

const csvColumns = (header: readonly string[], codeIds: readonly string[]): string[] => [
  ...header,
  'source_file',
  'source_line',
  'kind',
  'rating',
  'rating_scale',
  'lang',
  'sentiment',
  'sentiment_score',
  ...codeIds,
  'rejected',
  'raw',
];

function csvRow(l: Line, header: readonly string[], codeIds: readonly string[]): (string | number)[] {
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
}

/** Where annotate gets its inputs and writes its lines; tests pass streams they control. */
export interface AnnotateIo {
  /** An input's bytes as they come; default: the file, or standard input for `-`. */
  open?: (file: string) => AsyncIterable<Uint8Array>;
  stdout?: NodeJS.WritableStream;
  /** How much of each input settles how it is read (ingest/stream.ts SAMPLE_BYTES). */
  sampleBytes?: number;
  /** Where messages and progress go, made for the run's quietness (tests hand in a terminal over a stream of their own). */
  terminal?: (quiet: boolean) => Terminal;
}

/** The run's resources and choices, loaded once at the edge. */
interface AnnotateRun {
  flags: AnnotateFlags;
  options: IngestOptions & { brandHandles: ReadonlySet<string> };
  ctx: AnnotateContext;
  codeIds: string[];
  term: Terminal;
  stdout: NodeJS.WritableStream;
  sampleBytes: number;
}

export async function runAnnotate(files: string[], flags: AnnotateFlags, io: AnnotateIo = {}): Promise<number> {
  const toStdout = flags.out === '-';
  // Lines to stdout: a terminal there shows them, so nothing else is drawn (no progress), only warnings and errors.
  const term = (io.terminal ?? terminal)(flags.quiet || flags.json || toStdout);
  // What a user codebook leaves out of thick's judgements is said here too, not only by analyze.
  const codebookWarnings: string[] = [];
  const codebook = activeCodebook(flags.codebook, codebookWarnings);
  const model = activeModel(flags.model);
  // Only the text matters here: a bad date or number in another column is read as empty, with a warning.
  const ingestOptions = ingestOptionsFrom(flags);
  const run: AnnotateRun = {
    flags,
    options: { ...ingestOptions, lenient: true, keepFields: true },
    ctx: { codebook: compileCodebook(codebook), contextEvents: [], model, allCodes: flags.allCodes },
    codeIds: codebook.codes.filter((c) => flags.allCodes || !c.experimental).map((c) => c.id),
    term,
    stdout: io.stdout ?? process.stdout,
    sampleBytes: io.sampleBytes ?? SAMPLE_BYTES,
  };
  const inputs = await openInputs(files, run.sampleBytes, io.open ?? defaultOpen, term);
  try {
    const settled = await settleInputs(inputs, run);
    // Said now, before memory grows, and not again at the end; the --json summary lists it too.
    const said = 'whole' in settled && settled.whole !== null ? [settled.whole] : [];
    for (const warning of said) term.warn(warning);
    const ingests = 'streamed' in settled ? await annotateStreaming(settled.streamed, run) : await annotateWhole(inputs, run);
    if (ingests === null) return 0; // the reader of stdout went away: what it read was what it wanted, exit 0
    summarise(ingests, codebookWarnings, said, run);
    return 0;
  } finally {
    await Promise.all(inputs.map((input) => input.opened.rest.return?.()));
  }
}

function warnNoTextColumn(ingests: readonly FileIngest[], term: Terminal): void {
  for (const ingest of ingests) {
    if (!['messages', 'social', 'tickets', 'notes', 'reviews'].includes(ingest.preset.kind) && ingest.mapping.text === undefined) {
      term.warn(`${ingest.file}: no text column found (read as ${ingest.preset.id}); use --map text=<Column>`);
    }
  }
}

/** The run summary (--json) or the one-line result, then every warning (but those `said` already) and rejection on stderr. */
function summarise(ingests: readonly FileIngest[], codebookWarnings: readonly string[], said: readonly string[], run: AnnotateRun): void {
  const { flags, term } = run;
  const toStdout = flags.out === '-';
  const rows = ingests.reduce((sum, i) => ({ read: sum.read + i.rows.read, used: sum.used + i.rows.used, rejected: sum.rejected + i.rows.rejected }), { read: 0, used: 0, rejected: 0 });
  const warnings = [...codebookWarnings, ...ingests.flatMap((i) => i.warnings)];
  if (flags.json && !toStdout) {
    const files = ingests.map((i) => ({ file: i.file, encoding: i.encoding, delimiter: i.delimiter, preset: i.preset.id, rows: i.rows }));
    const rejected = ingests.flatMap((i) => i.rejected).map(rejectionJson);
    run.stdout.write(`${jsonText({ rows, files, warnings: [...said, ...warnings], rejected, out: flags.out }, 2)}\n`);
  } else term.done(`${rows.used} rows annotated to ${flags.out} (${rows.rejected} rejected)`);
  // Not an error: `json: true` in a config file is meant for analyze and must not stop a quick `thick annotate x.csv`.
  if (flags.json && toStdout) term.warn('--json: the annotated lines go to stdout, so no run summary is printed; write them to a file with -o to get one');
  for (const warning of warnings) term.warn(warning);
  warnRejections(term, ingests.flatMap((i) => i.rejected));
}

// ---------------------------------------------------------------------------------------------
// Reading the inputs

/** One input as named (once: a path given twice is read once), its sample read. */
interface Input {
  file: string;
  name: string;
  opened: Opened;
  /** Chunks read after the sample while the run may still read its inputs whole (then they are needed again). */
  tap: { seen: Uint8Array[] | null };
  /** "given more than once", said after the file's own warnings. */
  warnings: string[];
}

const defaultOpen = (file: string): AsyncIterable<Uint8Array> => {
  if (!isStdin(file)) return createReadStream(file);
  hintTerminal();
  return process.stdin;
};

/** An input's chunks; a read error names the input, as readInput does. */
async function* chunksOf(file: string, open: (file: string) => AsyncIterable<Uint8Array>, input: { seen: Uint8Array[] | null }): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of open(file)) {
      input.seen?.push(chunk);
      yield chunk;
    }
  } catch (error) {
    throw unreadable(file, error);
  }
}

/** Open every input in the order given, each read once, and read its sample. */
async function openInputs(files: readonly string[], sampleBytes: number, open: (file: string) => AsyncIterable<Uint8Array>, term: Terminal): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const { file, repeated } of distinctInputs(files)) {
    term.step(`reading ${inputName(file)}`);
    // The sample is kept anyway; what comes after it is kept only until the run knows it streams (settleInputs).
    const tap: { seen: Uint8Array[] | null } = { seen: null };
    const opened = await openInput(chunksOf(file, open, tap), sampleBytes);
    tap.seen = [];
    inputs.push({ file, name: inputName(file), opened, tap, warnings: repeated });
  }
  return inputs;
}

// ---------------------------------------------------------------------------------------------
// Today's way: every input read whole, linked as one run, then annotated

/** Read every input to its end, ingest, link and annotate them as one run (as analyze does); null if stdout's reader left. */
async function annotateWhole(inputs: readonly Input[], run: AnnotateRun): Promise<FileIngest[] | null> {
  const ingests: FileIngest[] = [];
  for (const input of inputs) {
    const chunks = [input.opened.sample, ...(input.tap.seen ?? [])];
    input.tap.seen = null;
    for (let next = await input.opened.rest.next(); !next.done; next = await input.opened.rest.next()) chunks.push(next.value);
    // Read whole, as analyze reads: the stage read counts its bytes, then its rows.
    const ingest = ingestWhole(Buffer.concat(chunks), input.name, { ...run.options, onProgress: run.term.progress });
    ingest.warnings.push(...input.warnings);
    ingests.push(ingest);
  }
  warnNoTextColumn(ingests, run.term);
  run.term.step('annotating');
  const lines = rowsInOrder(ingests, run.options.brandHandles, run.term.progress);
  if (run.flags.out === '-') {
    if (!(await streamJsonLines(lines, run.ctx, run.stdout))) return null;
  } else {
    // No progress goes with stdout (the terminal is quiet then); to a file, the rows annotated are counted.
    const tick = progressTicker(run.term.progress, { stage: 'annotate', unit: 'rows', total: lines.length });
    const all = lines.map((line, i) => {
      tick(i + 1);
      return annotated(line, run.ctx);
    });
    writeFileSync(run.flags.out, run.flags.out.endsWith('.csv') ? csvTable(all, run.codeIds) : all.map((line) => `${jsonLine(line)}\n`).join(''));
  }
  return ingests;
}

function ingestWhole(bytes: Uint8Array, name: string, options: IngestOptions): FileIngest {
  try {
    return ingestFile(bytes, name, options);
  } catch (error) {
    throw ingestError(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Streaming: each input's layout settled on its sample, then its rows annotated and written as they are read

/** A streamed input: the reader its sample settled, and the tables of its later rows. */
interface Streamed {
  input: Input;
  reader: FileReader;
  /** Date columns whose order the sample did not prove, and the number columns (ingest/assumed.ts). */
  assumed: AssumedColumn[];
  parts: AsyncGenerator<Table>;
}

/** Every input settled on its sample, or the run read whole, with why (null where nothing is lost: all are small). */
type Settled = { streamed: Streamed[] } | { whole: string | null };

/**
 * Settle every input on its sample, or read the run whole as before: when an input is not UTF-8, or its sample holds
 * no row to use, or the samples hold a customer's public post or reply (whether it awaits the brand's answer rests on
 * rows anywhere in the run: linking, ingest/link.ts), or the inputs all ended within their sample (nothing to gain).
 */
async function settleInputs(inputs: readonly Input[], run: AnnotateRun): Promise<Settled> {
  if (inputs.every((input) => input.opened.ended)) return { whole: null };
  const streamed: Streamed[] = [];
  for (const input of inputs) {
    const settled = await settleInput(input, run);
    if (typeof settled === 'string') return { whole: wholeWarning(input.name, settled, inputs.length) };
    streamed.push(settled);
  }
  for (const { input } of streamed) input.tap.seen = null;
  return { streamed };
}

/** A user with a huge input must know memory will grow with it, and which file and what in it is why. */
const wholeWarning = (name: string, why: string, inputs: number): string =>
  `${name}: read whole, not streamed (${why}), so ${inputs > 1 ? 'every input of the run is read whole and ' : ''}memory grows with the size of the input${inputs > 1 ? 's' : ''}`;

/** One input settled on its sample: its reader and the rest of its parts; or why it cannot be streamed. */
async function settleInput(input: Input, run: AnnotateRun): Promise<Streamed | string> {
  const encoding = notStreamable(input.opened.sample);
  if (encoding !== null) return encoding;
  const sample = `its first ${sizeOf(run.sampleBytes)}`;
  const parts = tableParts(input.opened, input.name);
  const first = await nextPart(parts);
  if (!first || first.header.length === 0) return `${sample} holds no header`;
  const reader = startReader(first, run.options);
  reader.readRows(first.rows);
  const used = reader.result.used;
  if (used.length === 0) return `${sample} holds no row to use`;
  const linked = used.find((u) => needsTheRun(ownRecord(u.events)));
  if (linked) {
    const what = ownRecord(linked.events)?.kind === 'post' ? "a customer's public post" : "a customer's reply to another message";
    return `${sample} holds ${what} (line ${linked.line}); whether it awaits the brand's answer rests on rows anywhere in the run, so the run is linked as a whole`;
  }
  return { input, reader, parts, assumed: assumedColumns(first, reader.result) };
}

async function nextPart(parts: AsyncGenerator<Table>): Promise<Table | null> {
  try {
    const next = await parts.next();
    return next.done ? null : next.value;
  } catch (error) {
    throw ingestError(error);
  }
}

function startReader(table: Table, options: IngestOptions): FileReader {
  try {
    return startIngest(table, options);
  } catch (error) {
    throw ingestError(error);
  }
}

/**
 * A customer's public post, or their reply to another message: linking the whole run decides whether it awaits the
 * brand's answer (a later brand reply to it, another customer as the author of what it answers), which some codes
 * and the sentiment of "you" read.
 */
const needsTheRun = (event: IngestedEvent | undefined): boolean => event !== undefined && event.direction === 'inbound' && (event.kind === 'post' || event.replyTo !== null);

/** Annotate and write every input's rows as they are read; the inputs as ingested, or null if stdout's reader left. */
async function annotateStreaming(streamed: readonly Streamed[], run: AnnotateRun): Promise<FileIngest[] | null> {
  warnNoTextColumn(streamed.map((s) => s.reader.result), run.term);
  run.term.step('annotating');
  const header = [...new Set(streamed.flatMap((s) => s.reader.result.header))];
  const sink = openSink(run, header);
  try {
    const ingests: FileIngest[] = [];
    for (const file of streamed) {
      const ingest = await streamFile(file, sink, run);
      if (!ingest) return null;
      ingests.push(ingest);
    }
    sink.close();
    return ingests;
  } catch (error) {
    sink.abort();
    throw error;
  }
}

/** One input's rows, part by part: ingested, annotated, written; its FileIngest at the end, or null if stdout's reader left. */
async function streamFile({ input, reader, parts, assumed }: Streamed, sink: Sink, run: AnnotateRun): Promise<FileIngest | null> {
  const ingest = reader.result;
  let written = 0; // rejections already written
  // How many rows there are is known only at the end of the stream: the count and its pace, batch by batch.
  const tick = progressTicker(run.term.progress, { stage: 'annotate', unit: 'rows', total: null, file: input.name }, 1);
  let annotatedRows = 0;
  const writePart = async (): Promise<boolean> => {
    const lines = linesOf(ingest, ingest.rejected.slice(written));
    written = ingest.rejected.length;
    // Handed over to `lines`: memory holds one part of the file at a time.
    ingest.used.length = 0;
    ingest.events.length = 0;
    ingest.contacts.length = 0;
    ingest.contextEvents.length = 0;
    // Annotated and written batch by batch, so the first lines are out soon and a reader who stops costs little more.
    for (let start = 0; start < lines.length; start += BATCH) {
      const batch = lines.slice(start, start + BATCH).map((line) => settledLine(line, run.ctx, run.sampleBytes));
      ingest.rejected.push(...batch.flatMap((line) => (line.kind === 'rejected' && 'late' in line ? [line.rejection] : [])));
      written = ingest.rejected.length;
      if (!(await sink.write(batch))) return false;
      tick((annotatedRows += batch.length));
    }
    return true;
  };
  if (!(await writePart())) return null;
  for (let part = await nextPart(parts); part; part = await nextPart(parts)) {
    const contradicting = part.rows.map((row) => contradiction(row, assumed, ingest.file, sizeOf(run.sampleBytes)));
    const rejected = [...part.rejected, ...contradicting.filter((r): r is Rejection => r !== null)];
    ingest.rejected.push(...rejected);
    ingest.rows.read += rejected.length;
    reader.readRows(part.rows.filter((_, i) => contradicting[i] === null));
    if (!(await writePart())) return null;
  }
  settleNotes(assumed, ingest.warnings);
  const done = reader.finish();
  done.warnings.push(...input.warnings);
  return done;
}

/** A line annotated; a late row whose reading needs the whole run (needsTheRun) is rejected unless it reads the same either way. */
function settledLine(line: Line, ctx: AnnotateContext, sampleBytes: number): Line | LateRejection {
  if (line.kind !== 'used' || !needsTheRun(line.event ?? undefined)) return annotated(line, ctx);
  const asConversation = annotated({ ...line, event: { ...line.event!, expectsReply: true, peerReply: false } }, ctx);
  const asNot = annotated({ ...line, event: { ...line.event!, expectsReply: false, peerReply: false } }, ctx);
  if (jsonLine(asConversation) === jsonLine(asNot)) return asConversation;
  const event = line.event!;
  const ingest = line.ingest;
  const column = event.kind === 'post' ? ingest.mapping.text : (ingest.mapping.replyTo ?? ingest.mapping.text);
  const what = event.kind === 'post' ? 'a public post' : `a reply to message ${column === undefined ? event.replyTo : line.fields[column]}`;
  return {
    kind: 'rejected',
    late: true,
    rejection: {
      file: ingest.file,
      line: line.line,
      column: column === undefined ? undefined : column + 1,
      reason:
        `${what} after the first ${sizeOf(sampleBytes)} of the file, which held none: whether it awaits the brand's answer rests on ` +
        'rows anywhere in the run, so it cannot be read while streaming; thick annotate reads a run whole when a file starts with such rows',
      raw: line.raw ?? line.fields.join(ingest.delimiter === 'none' ? '' : ingest.delimiter),
    },
  };
}

const sizeOf = (bytes: number): string => (bytes >= 1 << 20 ? `${bytes / (1 << 20)} MiB` : bytes >= 1024 ? `${bytes / 1024} KiB` : `${bytes} bytes`);

type LateRejection = Extract<Line, { kind: 'rejected' }> & { late: true };


// ---------------------------------------------------------------------------------------------
// Writing

/** Where streamed lines go: stdout, or a file built aside and renamed into place when complete. */
interface Sink {
  /** Write the lines; false when stdout's reader has gone. */
  write(lines: readonly Line[]): Promise<boolean>;
  close(): void;
  abort(): void;
}

function openSink(run: AnnotateRun, header: readonly string[]): Sink {
  const { out } = run.flags;
  if (out === '-') return { write: (lines) => writeOrStop(run.stdout, lines.map((line) => `${jsonLine(line)}\n`).join('')), close: () => {}, abort: () => {} };
  const aside = join(dirname(out), `.${basename(out)}.thick-partial`);
  const fd = openSync(aside, 'w');
  const csv = out.endsWith('.csv');
  if (csv) writeSync(fd, `\uFEFF${csvColumns(header, run.codeIds).map(csvCell).join(',')}\n`);
  const text = (line: Line): string => (csv ? csvRow(line, header, run.codeIds).map(csvCell).join(',') : jsonLine(line));
  return {
    write: async (lines) => {
      if (lines.length > 0) writeSync(fd, `${lines.map((line) => `${text(line)}\n`).join('')}`);
      return true;
    },
    close: () => {
      closeSync(fd);
      renameSync(aside, out);
    },
    abort: () => {
      closeSync(fd);
      rmSync(aside, { force: true });
    },
  };
}
