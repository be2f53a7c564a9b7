// Reading a table as its bytes arrive (thick annotate): decoded and split into records part by part, with the same
// tokenizer as a whole file (table.ts: csv-parse stops at an unclosed quote, ours rejects the record and goes on), so
// every record, line number and rejection is the one a whole-file read gives.
//
// What a whole-file read decides from all of a file (encoding, delimiter, the layout and column facts in ingest/index.ts)
// is decided here on its first part, the sample: the first SAMPLE_BYTES of the file, cut at a line break. See
// `streamable` for when a file is read whole instead, and cli/annotate.ts for what the run does then.

import { constants } from 'node:buffer';
import { progressTicker } from '../progress.js';
import { decode, decodeStrayBytes, decodeWindows1252, plainEncoding, type Delimiter, type Encoding } from './sniff.js';
import { binaryReason, openTable, readRecords, readTable, refuseBinary, skipLineBreak, takeRecord, type ReadTableOptions, type Table, type TextRecord } from './table.js';

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
  let carry = bom ? opened.sample.subarray(3) : opened.sample;
  const piece = utf8Lines(bom, fallbackLines);
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

/**
 * A decoder of UTF-8 bytes given as whole lines, piece after piece, that counts the lines so that a stray byte names
 * its line in `fallbackLines` (with a BOM, bad bytes become U+FFFD instead, as in a whole read).
 */
function utf8Lines(bom: boolean, fallbackLines: number[]): (bytes: Uint8Array) => string {
  const utf8 = new TextDecoder('utf-8', { fatal: !bom, ignoreBOM: true });
  let line = 1;
  return (bytes) => {
    const text = decodeLines(bytes, utf8, line, fallbackLines);
    line += countBreaks(bytes);
    return text;
  };
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
  let records: RecordsInPieces | null = null;
  const part = (settled: TextRecord[]): Table => {
    const table: Table = { ...first!, rows: [], rejected: [] };
    for (const record of settled) takeRecord(table, record, false);
    if (table.headerLine !== first!.headerLine) Object.assign(first!, { header: table.header, headerLine: table.headerLine });
    return table;
  };
  const encoding = hasBom(opened.sample) ? 'utf-8-bom' : 'utf-8';
  for await (const piece of textPieces(opened, fallbackLines)) {
    first ??= openTable(piece, file, encoding, fallbackLines, { delimiter });
    records ??= new RecordsInPieces(first.delimiter);
    const settled = records.add(piece);
    if (settled.length > 0) yield part(settled);
  }
  first ??= openTable('', file, encoding, fallbackLines, { delimiter });
  yield part((records ?? new RecordsInPieces(first.delimiter)).end());
}

/**
 * The records of a text handed over in pieces that end at line breaks, each as a read of the whole text gives it. A
 * quote still open after `longestText` characters (the longest string V8 makes) is given up on: its record is read as
 * a quote that never closes (rejected up to the end of the quote's line), and reading goes on after that line, as a
 * whole read does when the quote is open at the end. A whole read could not hold the text either.
 */
export class RecordsInPieces {
  private rest = '';
  private line = 1;
  // After a quote that stays open, wait until the text has doubled before reading it again: a file with a quote
  // that never closes is read to its end (as a whole read does) without reading it again piece by piece.
  private waitFor = 0;

  constructor(
    private readonly delimiter: Delimiter,
    private readonly longestText: number = constants.MAX_STRING_LENGTH,
  ) {}

  /**
   * The records that `piece` settles (settledRecords); none while a quote opened in it or before stays open. A piece
   * ends at a line break or at the text's end (bytePieces cuts them so), as a record given up on resumes on its next line.
   */
  add(piece: string): TextRecord[] {
    let records: TextRecord[] = [];
    while (this.rest.length + piece.length > this.longestText) {
      // The lines of the piece that still fit go first: a quote that closes in them is read whole, not given up on.
      const room = this.longestText - this.rest.length;
      const fits = room > 0 ? piece.lastIndexOf('\n', room - 1) + 1 : 0;
      this.rest += piece.slice(0, fits);
      piece = piece.slice(fits);
      const settled = this.settle();
      records = records.concat(settled.length > 0 || fits > 0 ? settled : [this.openQuoteGivenUp()]);
    }
    this.rest += piece;
    if (this.rest.length < this.waitFor) return records;
    return records.concat(this.settle());
  }

  /** The records left once the text has ended. */
  end(): TextRecord[] {
    return settledRecords(this.rest, this.delimiter, this.line, true).records;
  }

  private settle(): TextRecord[] {
    const settled = settledRecords(this.rest, this.delimiter, this.line, false);
    this.waitFor = settled.records.length === 0 ? this.rest.length * 2 : 0;
    this.rest = settled.rest;
    this.line = settled.restLine;
    return settled.records;
  }

  /** The waiting record, whose quote has stayed open too long, as one that never closes; the rest from its next line. */
  private openQuoteGivenUp(): TextRecord {
    const first = readRecords(this.rest, this.delimiter).next();
    if (first.done || first.value.kind !== 'unterminated') {
      throw new Error(`line ${this.line}: a record longer than ${this.longestText.toLocaleString('en-US')} characters, more than thick can hold; split the line`);
    }
    const record = shifted(first.value, this.line - 1);
    this.rest = this.rest.slice(skipLineBreak(this.rest, first.value.raw.length));
    this.line += first.value.quoteLine;
    this.waitFor = 0;
    return record;
  }
}

/** When a file is read a piece at a time (readFileTable). */
export interface Pieces {
  /**
   * From what size on: past some 64 MB, a file's text as one string is as large as the file again (twice that once a
   * character needs two bytes in V8, e.g. "€" or "’").
   */
  from: number;
  /** Bytes decoded at a time, cut back to the last line break. */
  bytes: number;
  /** The longest string V8 makes: 2^29 - 24 characters. A text longer than that cannot be read whole at all. */
  longestText: number;
}

export const FILE_PIECES: Pieces = { from: 64 << 20, bytes: 16 << 20, longestText: constants.MAX_STRING_LENGTH };

/**
 * A file's table, with every row, rejection and line number a whole read (readTable) gives. A file of `pieces.from`
 * bytes or more whose encoding the bytes settle without decoding (a BOM, or valid UTF-8 throughout) is read in pieces,
 * with the same result (but for a file whose first 50 records do not fit its first piece: its delimiter is sniffed
 * on the records the piece holds). One too long for a string that is not (stray bytes, Windows-1252) is read in pieces with its
 * encoding settled on its first MiB, as `thick annotate` settles a streamed file's; one in UTF-16 cannot be read.
 */
export function readFileTable(bytes: Uint8Array, file: string, options: ReadTableOptions = {}, pieces = FILE_PIECES): Table {
  if (bytes.length < pieces.from) return readTable(bytes, file, options);
  refuseBinary(bytes, file);
  const plain = plainEncoding(bytes);
  if (plain === 'utf-8' || plain === 'utf-8-bom') return readInPieces(bytes, file, plain, options, pieces);
  // UTF-16 needs two bytes a character; the rest at most one.
  if (bytes.length / (plain === null ? 1 : 2) < pieces.longestText) return readTable(bytes, file, options);
  if (plain !== null) {
    throw new Error(`${file}: ${Math.round(bytes.length / 1e6)} MB in ${plain.toUpperCase()} is too long to read as one text; save it as UTF-8, which thick reads in pieces`);
  }
  return readInPieces(bytes, file, decode(bytes.subarray(0, lastBreak(bytes.subarray(0, SAMPLE_BYTES)) || SAMPLE_BYTES)).encoding, options, pieces);
}

/** A table read a piece at a time, in UTF-8 (stray bytes read as Windows-1252, line by line) or Windows-1252. */
function readInPieces(bytes: Uint8Array, file: string, encoding: Encoding, options: ReadTableOptions, pieces: Pick<Pieces, 'bytes' | 'longestText'>): Table {
  const fallbackLines: number[] = [];
  const bom = encoding === 'utf-8-bom';
  const decodePiece = encoding === 'windows-1252' ? decodeWindows1252 : utf8Lines(bom, fallbackLines);
  const tick = progressTicker(options.onProgress, { stage: 'read', unit: 'bytes', total: bytes.length, file }, 1);
  let table: Table | null = null;
  let records: RecordsInPieces | null = null;
  let read = bom ? 3 : 0;
  for (const piece of bytePieces(bytes, read, pieces.bytes)) {
    const text = decodePiece(piece);
    table ??= openTable(text, file, encoding, fallbackLines, options);
    records ??= new RecordsInPieces(table.delimiter, pieces.longestText);
    for (const record of records.add(text)) takeRecord(table, record, options.padShortRows === true);
    read += piece.length;
    tick(Math.min(bytes.length - 1, read));
  }
  table ??= openTable('', file, encoding, fallbackLines, options);
  for (const record of (records ?? new RecordsInPieces(table.delimiter)).end()) takeRecord(table, record, options.padShortRows === true);
  tick(bytes.length);
  return table;
}

/** `bytes` from `start` on, in pieces of about `size` bytes that each end with a line break (the last one may not). */
function* bytePieces(bytes: Uint8Array, start: number, size: number): Generator<Uint8Array> {
  while (start < bytes.length) {
    let end = start;
    let cut = start;
    // A line longer than `size` makes its piece longer.
    while (cut === start && end < bytes.length) {
      end = Math.min(end + size, bytes.length);
      cut = end === bytes.length ? end : start + lastBreak(bytes.subarray(start, end));
    }
    yield bytes.subarray(start, cut);
    start = cut;
  }
}
