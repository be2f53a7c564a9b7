// Reading a table as its bytes arrive (thick annotate): decoded and split into records part by part, with the same
// tokenizer as a whole file (table.ts: csv-parse stops at an unclosed quote, ours rejects the record and goes on), so
// every record, line number and rejection is the one a whole-file read gives.
//
// What a whole-file read decides from all of a file (encoding, delimiter, the layout and column facts in ingest/index.ts)
// is decided here on its first part, the sample: the first SAMPLE_BYTES of the file, cut at a line break. See
// `streamable` for when a file is read whole instead, and cli/annotate.ts for what the run does then.

import { decode, decodeStrayBytes, type Delimiter } from './sniff.js';
import { binaryReason, openTable, readRecords, skipLineBreak, takeRecord, type Table, type TextRecord } from './table.js';

/**
 * How much of a file settles how all of it is read. 1 MiB is some 5,000 to 10,000 rows of a CRM or social export:
 * far more than the 50 records the delimiter is sniffed on, and enough for a date column to show a day past the 12th
 * (which settles day-first or month-first) and for a number column to show its decimal separator, while every file
 * of a run costs no more than that much memory before its first row is written.
 */
export const SAMPLE_BYTES = 1 << 20;

/** The first bytes of an input and the rest to come; `ended` when the sample is the whole input (then `rest` is empty). */
export interface Opened {
  sample: Uint8Array;
  ended: boolean;
  rest: AsyncIterator<Uint8Array>;
}

/** Read the sample of an input: its first `bytes` bytes, or all of it if shorter. */
export async function openInput(chunks: AsyncIterable<Uint8Array>, bytes = SAMPLE_BYTES): Promise<Opened> {
  const source = chunks[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let size = 0;
  while (size < bytes) {
    const next = await source.next();
    if (next.done) return { sample: Buffer.concat(parts), ended: true, rest: source };
    parts.push(next.value);
    size += next.value.length;
  }
  const all = Buffer.concat(parts);
  return { sample: all.subarray(0, bytes), ended: false, rest: after(all.subarray(bytes), source) };
}

/** `source` with `first` put back in front of it (the part of a chunk the sample did not take). */
function after(first: Uint8Array, source: AsyncIterator<Uint8Array>): AsyncIterator<Uint8Array> {
  let pending = first.length > 0 ? first : null;
  return {
    next: async () => {
      if (!pending) return source.next();
      const value = pending;
      pending = null;
      return { done: false, value };
    },
    return: async () => (source.return ? source.return() : { done: true, value: undefined }),
  };
}

/**
 * Why a file cannot be read part by part with the result of a whole read, or null when it can: text in UTF-8 (a BOM
 * or not) as far as the sample shows. UTF-16 and Windows-1252 files, a sample with stray bytes (whose file a whole
 * read may decide is Windows-1252 throughout) and binary files are read whole, as before.
 */
export function notStreamable(sample: Uint8Array): string | null {
  if (binaryReason(sample) !== null) return 'it is not a text table';
  const decoded = decode(sample.subarray(0, lastBreak(sample)));
  if (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be') return 'it is in UTF-16, not UTF-8';
  if (sample.includes(0)) return 'it is not a text table';
  if (decoded.encoding === 'windows-1252') return 'it is in Windows-1252, not UTF-8';
  // A whole read decides whether stray bytes make the whole file Windows-1252.
  if (decoded.encoding === 'utf-8' && (decoded.fallbackLines ?? []).length > 0) return 'its first part has bytes that are not UTF-8';
  return null;
}

const LF = 0x0a;
const CR = 0x0d;

const hasBom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** Length of the bytes up to and including the last complete line break (a CR last might be the start of a CRLF). */
function lastBreak(bytes: Uint8Array): number {
  const lf = bytes.lastIndexOf(LF);
  if (lf >= 0) return lf + 1;
  const cr = bytes.subarray(0, bytes.length - 1).lastIndexOf(CR);
  return cr + 1;
}

/** Physical line breaks in `bytes`: LF, CRLF, and a lone CR, as the table reader counts them. */
export function countBreaks(bytes: Uint8Array): number {
  let breaks = 0;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) breaks++;
  for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 1)) if (bytes[i + 1] !== LF) breaks++;
  return breaks;
}

/**
 * The text of UTF-8 bytes (a BOM dropped), in pieces that each end with a line break (the last one may not). As in a
 * whole read of a mostly UTF-8 file, a line that is not valid UTF-8 keeps its valid sequences and reads each stray
 * byte as Windows-1252; its line number goes to `fallbackLines`. With a BOM, bad bytes become U+FFFD, as in a whole read.
 */
export async function* textPieces(opened: Opened, fallbackLines: number[]): AsyncGenerator<string> {
  const bom = hasBom(opened.sample);
  const utf8 = new TextDecoder('utf-8', { fatal: !bom, ignoreBOM: true });
  let carry = bom ? opened.sample.subarray(3) : opened.sample;
  let line = 1;
  const piece = (bytes: Uint8Array): string => {
    const text = decodeLines(bytes, utf8, line, fallbackLines);
    line += countBreaks(bytes);
    return text;
  };
  for (;;) {
    const cut = lastBreak(carry);
    if (cut > 0) {
      yield piece(carry.subarray(0, cut));
      carry = carry.subarray(cut);
    }
    const next = await opened.rest.next();
    if (next.done) break;
    carry = carry.length > 0 ? Buffer.concat([carry, next.value]) : next.value;
  }
  if (carry.length > 0) yield piece(carry);
}

/** Bytes of whole lines as text; line by line, with stray bytes read as Windows-1252, only when they are not UTF-8. */
function decodeLines(bytes: Uint8Array, utf8: TextDecoder, firstLine: number, fallbackLines: number[]): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const parts: string[] = [];
    let line = firstLine;
    let start = 0;
    while (start < bytes.length) {
      let end = start;
      while (end < bytes.length && bytes[end] !== LF && bytes[end] !== CR) end++;
      const content = bytes.subarray(start, end);
      try {
        parts.push(utf8.decode(content));
      } catch {
        parts.push(decodeStrayBytes(content));
        fallbackLines.push(line);
      }
      const breakLength = end >= bytes.length ? 0 : bytes[end] === CR && bytes[end + 1] === LF ? 2 : 1;
      parts.push(Buffer.from(bytes.subarray(end, end + breakLength)).toString('latin1'));
      start = end + breakLength;
      line++;
    }
    return parts.join('');
  }
}

/** The records of `text` that nothing after it can change, with their line numbers in the file; the rest is left over. */
export interface Settled {
  records: TextRecord[];
  /** Text of the records not settled yet: the last one, unless the input has ended, and any after an open quote. */
  rest: string;
  /** The file's line number where `rest` starts. */
  restLine: number;
}

/**
 * Split `text` (starting at line `firstLine` of the file) into records. Unless the input has `ended`, a record is
 * settled only once a line break follows it: the last record may go on in the next piece, and a quote still open at
 * the end may close there (then the records after it are one field), so both wait.
 */
export function settledRecords(text: string, delimiter: Delimiter, firstLine: number, ended: boolean): Settled {
  const records: TextRecord[] = [];
  let pos = 0;
  let line = firstLine;
  for (const record of readRecords(text, delimiter)) {
    const end = pos + record.raw.length;
    const next = skipLineBreak(text, end);
    if (!ended && (record.kind === 'unterminated' || next === end)) break;
    records.push(shifted(record, firstLine - 1));
    pos = next;
    line = firstLine + (record.kind === 'fields' ? record.lastLine : record.quoteLine);
  }
  return { records, rest: text.slice(pos), restLine: line };
}

/** A record read from a piece that starts `by` lines into the file, with the file's line numbers. */
function shifted(record: TextRecord, by: number): TextRecord {
  if (record.kind === 'unterminated') return { ...record, line: record.line + by, quoteLine: record.quoteLine + by };
  const quote = record.spanningQuote;
  return { ...record, line: record.line + by, lastLine: record.lastLine + by, spanningQuote: quote ? { ...quote, line: quote.line + by } : null };
}

/**
 * A streamed file's tables, in order: the first holds the header and the sample's records (what the layout is settled
 * on), each later one the records of the next piece, under the same header. `fallbackLines` of the first grows as
 * later pieces find stray bytes. Throws, as readTable does, for control characters or a broken header.
 */
export async function* tableParts(opened: Opened, file: string, delimiter?: Delimiter): AsyncGenerator<Table> {
  const fallbackLines: number[] = [];
  let first: Table | null = null;
  let rest = '';
  let line = 1;
  // After a quote that stays open, wait until the text has doubled before reading it again: a file with a quote
  // that never closes is read to its end (as a whole read does) without reading it again piece by piece.
  let waitFor = 0;
  const part = (records: TextRecord[]): Table => {
    const table: Table = { ...first!, rows: [], rejected: [] };
    for (const record of records) takeRecord(table, record, false);
    if (table.headerLine !== first!.headerLine) Object.assign(first!, { header: table.header, headerLine: table.headerLine });
    return table;
  };
  const encoding = hasBom(opened.sample) ? 'utf-8-bom' : 'utf-8';
  for await (const piece of textPieces(opened, fallbackLines)) {
    first ??= openTable(piece, file, encoding, fallbackLines, { delimiter });
    rest += piece;
    if (rest.length < waitFor) continue;
    const settled = settledRecords(rest, first.delimiter, line, false);
    waitFor = settled.records.length === 0 ? rest.length * 2 : 0;
    ({ rest, restLine: line } = settled);
    if (settled.records.length > 0) yield part(settled.records);
  }
  first ??= openTable('', file, encoding, fallbackLines, { delimiter });
  yield part(settledRecords(rest, first.delimiter, line, true).records);
}
