// A CSV/TSV reader that never loses a record: every non-blank record after the header ends up
// either in `rows` (as many fields as the header) or in `rejected` (with its physical line and
// a reason), including records broken by a quote that never closes.
//
// Why a tokenizer of our own instead of csv-parse: csv-parse stops at an unclosed quote
// ("Quote Not Closed") and drops everything after it, and its line info points at where a
// record ends. Here a record keeps the line it starts on, and the reader resumes after a bad quote.
//
// Quoting rules (RFC 4180 as Excel writes it, read leniently):
// - a quote opens a quoted field only as the field's first character; elsewhere it is text;
// - inside a quoted field, "" is one quote, and delimiters and line breaks are text;
// - a quoted field ends at its closing quote; if text other than spaces follows it before the next
//   delimiter, the quote was not a quoting one and the field is read as plain text, quotes
//   included (`"Hi" she said` stays as written, and a stray quote cannot swallow later lines);
// - line breaks: CRLF, LF, and a lone CR (old Mac exports).

import type { Rejection } from '../model.js';
import { progressTicker, type OnProgress } from '../progress.js';
import { decode, delimiterCode, sniffDelimiter, type Delimiter, type Encoding } from './sniff.js';
import { ownText } from './text.js';

export interface TableRow {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
  /** The record's original text, without its line break (for rejected.csv and evidence). */
  raw: string;
}

export interface Table {
  file: string;
  encoding: Encoding;
  /** 'none' for a one-column file: every record is one field, read whole (quotes still respected). */
  delimiter: Delimiter;
  /** Lines of a mostly-UTF-8 file that had to be read as Windows-1252 (see `decode`); empty otherwise. */
  fallbackLines: number[];
  /** Header cells, trimmed. */
  header: string[];
  /** 1-based line of the header (first non-blank record); 0 when the file has no header. */
  headerLine: number;
  /** Records with exactly header.length fields. */
  rows: TableRow[];
  /** Records that could not be read as a row, with the reason. */
  rejected: Rejection[];
}

export interface ReadTableOptions {
  /** Use this delimiter instead of sniffing one (e.g. from a --delimiter flag). */
  delimiter?: Delimiter;
  /**
   * Pad every row that is short of fields with empty strings instead of rejecting it (for
   * exporters that drop trailing empty cells). Off by default: a short row may have lost a
   * field in the middle, and padding would shift its values into the wrong columns.
   */
  padShortRows?: boolean;
  /** Hears how many bytes are split into records, every so many records (progress.ts). */
  onProgress?: OnProgress;
}

/**
 * Read a delimited text table.
 * - Header: the first non-blank record, cells trimmed. No header (empty file) → no columns, no rows.
 * - Blank records (every field empty or whitespace, e.g. an empty line or Excel's `;;;`) are not
 *   records: neither rows nor rejected.
 * - A record with fields beyond the header's count is a row if all extra fields are empty (a trailing
 *   delimiter loses nothing); a record short of fields is a row only if the missing columns have
 *   no header name (or `padShortRows`); it is padded with "". Every other mismatch is rejected
 *   with `expected N fields, found M`.
 * - A quote that never closes rejects its record (from its start up to the end of the line with
 *   the quote) naming line and column, and reading resumes on the next line.
 * Throws (naming the file) when the bytes are not text, or when the header itself is broken.
 */
export function readTable(bytes: Uint8Array, file: string, options: ReadTableOptions = {}): Table {
  refuseBinary(bytes, file);
  const { text, encoding, fallbackLines = [] } = decode(bytes);
  const table = openTable(text, file, encoding, fallbackLines, options);
  const pad = options.padShortRows === true;
  // Progress in bytes, estimated from the characters read so far (a line break counted as one): the row total is
  // known only at the end.
  const tick = progressTicker(options.onProgress, { stage: 'read', unit: 'bytes', total: bytes.length, file }, 1);
  const bytesPerChar = text.length > 0 ? bytes.length / text.length : 0;
  let records = 0;
  let chars = 0;
  for (const record of readRecords(text, table.delimiter)) {
    takeRecord(table, record, pad);
    chars += record.raw.length + 1;
    if (++records % 4096 === 0) tick(Math.min(bytes.length - 1, Math.round(chars * bytesPerChar)));
  }
  tick(bytes.length);
  return table;
}

/** Throws, naming the file, when the bytes are plainly a binary format (a workbook, an archive). */
export function refuseBinary(bytes: Uint8Array, file: string): void {
  const notText = binaryReason(bytes);
  if (notText) throw new Error(`${file}: not a text table (${notText})`);
}

/**
 * A table with no record read yet, its delimiter sniffed on `text` (the whole text, or a streamed file's first part).
 * Throws (naming the file) when the text is mostly control characters.
 */
export function openTable(text: string, file: string, encoding: Encoding, fallbackLines: number[], options: ReadTableOptions = {}): Table {
  const controls = controlCharacterShare(text);
  if (controls > 0.01) {
    throw new Error(`${file}: not a text table (${Math.round(controls * 100)}% control characters; binary file?)`);
  }
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  return { file, encoding, delimiter, fallbackLines, header: [], headerLine: 0, rows: [], rejected: [] };
}

/** Put one record in the table: the header, a row, a rejection with its reason, or nothing (a blank record). */
export function takeRecord(table: Table, record: TextRecord, padShortRows: boolean): void {
  const file = table.file;
  if (record.kind === 'unterminated') {
    const where = `line ${record.quoteLine}, column ${record.quoteColumn}`;
    if (table.headerLine === 0) {
      throw new Error(`${file}: ${where}: unterminated quote in the header row`);
    }
    table.rejected.push({
      file,
      line: record.line,
      column: record.quoteColumn,
      reason: `unterminated quote: the quoted field opened at ${where} is never closed`,
      raw: ownText(record.raw),
    });
    return;
  }
  if (isBlank(record.fields)) return;
  if (table.headerLine === 0) {
    // Copied: a cell kept for the run keeps the whole text it was cut from alive.
    table.header = record.fields.map((cell) => ownText(cell.trim()));
    table.headerLine = record.line;
    return;
  }
  const fields = fitToHeader(record.fields, table.header, padShortRows);
  if (fields) {
    table.rows.push({ line: record.line, fields, raw: record.raw });
  } else {
    const column = misfitColumn(record.fields.length, table.header.length);
    table.rejected.push({ file, line: record.line, column, reason: countReason(table.header.length, record), raw: ownText(record.raw) });
  }
}

function isBlank(fields: string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

/** The record's fields shaped to the header, or null when that would lose or invent data. */
function fitToHeader(fields: string[], header: string[], padShortRows: boolean): string[] | null {
  const n = header.length;
  if (fields.length === n) return fields;
  if (fields.length > n) {
    return fields.slice(n).every((f) => f.trim() === '') ? fields.slice(0, n) : null;
  }
  if (padShortRows || header.slice(fields.length).every((name) => name === '')) {
    return [...fields, ...new Array<string>(n - fields.length).fill('')];
  }
  return null;
}

/**
 * The column (field number, 1-based, as every other rejection names it) where a record's fields stop fitting the
 * header: the first field too many, or the first one missing.
 */
function misfitColumn(found: number, expected: number): number {
  return found > expected ? expected + 1 : found + 1;
}

function countReason(expected: number, record: FieldRecord): string {
  const base = `expected ${expected} fields, found ${record.fields.length}`;
  if (record.lastLine > record.line && record.spanningQuote) {
    const q = record.spanningQuote;
    return `${base} (the record runs from line ${record.line} to ${record.lastLine}: is the quote at line ${q.line}, column ${q.column} meant to be closed earlier?)`;
  }
  return base;
}

/** A reason when the bytes are plainly a binary format (checked before decoding). */
export function binaryReason(bytes: Uint8Array): string | null {
  const magic = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (magic([0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive, e.g. an .xlsx workbook; export it as CSV';
  if (magic([0xd0, 0xcf, 0x11, 0xe0])) return 'an old .xls workbook; export it as CSV';
  if (magic([0x25, 0x50, 0x44, 0x46])) return 'a PDF document';
  return null;
}

/** Share of control characters (other than tab, line breaks, form feed) in the first 8 KiB of text. */
function controlCharacterShare(text: string): number {
  const n = Math.min(text.length, 8192);
  if (n === 0) return 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls / n;
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

export interface FieldRecord {
  kind: 'fields';
  /** Physical line the record starts on. */
  line: number;
  /** Physical line the record ends on (greater than `line` when a quoted field holds line breaks). */
  lastLine: number;
  fields: string[];
  raw: string;
  /** The first quoted field that ran over a line break, for a hint when the field count is off. */
  spanningQuote: { line: number; column: number } | null;
}

export interface UnterminatedRecord {
  kind: 'unterminated';
  line: number;
  quoteLine: number;
  quoteColumn: number;
  raw: string;
}

export type TextRecord = FieldRecord | UnterminatedRecord;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Split text into records with their physical start lines. Yields one record per line break
 * outside quotes (blank ones included; the caller decides what blank means). A final line break
 * does not start another record.
 */
export function* readRecords(text: string, delimiter: Delimiter): Generator<TextRecord> {
  const d = delimiterCode(delimiter);
  const len = text.length;
  const at: Cursor = { i: 0, line: 1, lineStart: 0 };

  while (at.i < len) {
    const recordStart = at.i;
    const recordLine = at.line;
    const fields: string[] = [];
    let spanningQuote: FieldRecord['spanningQuote'] = null;
    let unterminated: Unterminated | null = null;

    for (;;) {
      let value: string;
      if (text.charCodeAt(at.i) === QUOTE) {
        const field = quotedField(text, at, d);
        if (field.kind === 'unterminated') {
          unterminated = field;
          break;
        }
        value = field.value;
        spanningQuote ??= field.spanning;
      } else {
        const start = at.i;
        at.i = scanUnquoted(text, at.i, d);
        value = text.slice(start, at.i);
      }
      fields.push(value);
      if (at.i < len && text.charCodeAt(at.i) === d) {
        at.i++;
        continue;
      }
      break;
    }

    if (unterminated) {
      // Reject from the record's start to the end of the line holding the quote; resume after it.
      let end = unterminated.lineStart;
      while (end < len && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
      yield { kind: 'unterminated', line: recordLine, quoteLine: unterminated.line, quoteColumn: unterminated.column, raw: text.slice(recordStart, end) };
      at.i = skipLineBreak(text, end);
      at.line = unterminated.line + 1;
      at.lineStart = at.i;
      continue;
    }

    const raw = text.slice(recordStart, at.i);
    const lastLine = at.line;
    if (at.i < len) {
      at.i = skipLineBreak(text, at.i);
      at.line++;
      at.lineStart = at.i;
    }
    yield { kind: 'fields', line: recordLine, lastLine, fields, raw, spanningQuote };
  }
}

/** Where the reader is: the index, its physical line and where that line starts. */
interface Cursor {
  i: number;
  line: number;
  lineStart: number;
}

/** A quote that never closes: where it opened, and where its line starts. */
interface Unterminated {
  kind: 'unterminated';
  line: number;
  column: number;
  lineStart: number;
}

/**
 * The quoted field that opens at the cursor, the cursor moved past it (and past padding spaces after the closing
 * quote). `spanning` names the quote when the field runs over a line break. Text after the closing quote means the
 * quote opened no quoted field (a naive writer's `"Hi" she said`, or a stray quote): the field is read as plain text
 * from the quote on, so it ends on its own line instead of swallowing the lines up to the next quote.
 */
function quotedField(text: string, at: Cursor, d: number): { kind: 'field'; value: string; spanning: FieldRecord['spanningQuote'] } | Unterminated {
  const len = text.length;
  const opened = { i: at.i, line: at.line, lineStart: at.lineStart, column: at.i - at.lineStart + 1 };
  at.i++;
  let value = '';
  let segment = at.i;
  let closed = false;
  let spans = false;
  while (at.i < len) {
    const c = text.charCodeAt(at.i);
    if (c === QUOTE) {
      if (text.charCodeAt(at.i + 1) === QUOTE) {
        value += text.slice(segment, at.i + 1);
        at.i += 2;
        segment = at.i;
        continue;
      }
      value += text.slice(segment, at.i);
      at.i++;
      closed = true;
      break;
    }
    if (c === LF || c === CR) {
      if (c === CR && text.charCodeAt(at.i + 1) === LF) at.i++;
      at.line++;
      at.lineStart = at.i + 1;
      spans = true;
    }
    at.i++;
  }
  if (!closed) return { kind: 'unterminated', line: opened.line, column: opened.column, lineStart: opened.lineStart };
  const stop = scanUnquoted(text, at.i, d);
  if (text.slice(at.i, stop).trim() !== '') {
    at.i = scanUnquoted(text, opened.i, d);
    at.line = opened.line;
    at.lineStart = opened.lineStart;
    return { kind: 'field', value: text.slice(opened.i, at.i), spanning: null };
  }
  at.i = stop; // spaces after a closing quote are padding, not data
  return { kind: 'field', value, spanning: spans ? { line: opened.line, column: opened.column } : null };
}

/** Index of the next delimiter or line break at or after `i` (or the end of the text). */
function scanUnquoted(text: string, i: number, d: number): number {
  const len = text.length;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === d || c === LF || c === CR) return i;
    i++;
  }
  return i;
}

export function skipLineBreak(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  if (c === LF) return i + 1;
  return i;
}
