// Byte decoding and delimiter sniffing: the first two guesses every input file needs.
// Both work on the data alone, so a German Excel export (Windows-1252, ';') and a US tool's
// UTF-8 comma file are read without any flags.

import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A field separator, or 'none' for a one-column file whose lines are read whole (commas in prose included). */
export type Delimiter = ',' | ';' | '\t' | '|' | 'none';

/** The candidates sniffing tries, in order of preference when two explain the data equally well. */
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/** The character code that separates fields; -1 (never a character) in one-column mode. */
export function delimiterCode(delimiter: Delimiter): number {
  return delimiter === 'none' ? -1 : delimiter.charCodeAt(0);
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  /**
   * 1-based physical lines of a mostly-UTF-8 file that were not valid UTF-8 and were read as
   * Windows-1252 instead (a stray byte from a copy-paste); absent when the whole file decoded one way.
   */
  fallbackLines?: number[];
}

/**
 * Decode a file's bytes. Order of evidence: a byte-order mark; then UTF-16 without a BOM
 * (NUL bytes in every other position); then strict UTF-8; then, for a file that is mostly UTF-8
 * but has a few bad bytes, UTF-8 line by line with Windows-1252 for the bad lines (see
 * `fallbackLines`); else Windows-1252, which is what German Excel writes for
 * "CSV (Trennzeichen-getrennt)". The BOM is never part of the text.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16, { ignoreBOM: true }).decode(bytes), encoding: utf16 };
  try {
    // ignoreBOM: there is none here (checked above); keeps a stray U+FEFF later in the file as data.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const mixed = isMostlyUtf8(bytes) ? decodeLineByLine(bytes) : null;
    if (mixed) return mixed;
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * The encoding `decode` reads the bytes in, when the bytes settle it without being decoded: a byte-order mark, UTF-16's
 * NUL bytes, or UTF-8 that is valid throughout. Null for the rest: UTF-8 with stray bytes and Windows-1252 are told
 * apart only by decoding them.
 */
export function plainEncoding(bytes: Uint8Array): Encoding | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return guessBomlessUtf16(bytes) ?? (isUtf8(bytes) ? 'utf-8' : null);
}

/**
 * True when the bytes hold at least one valid UTF-8 multi-byte sequence and no more invalid
 * bytes than valid sequences: a UTF-8 file with a stray Windows-1252 byte, not a Windows-1252
 * file (whose umlauts are invalid UTF-8, and only rarely form a valid pair by chance).
 */
export function isMostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      valid++;
      i += n;
    } else {
      invalid++;
      i++;
    }
  }
  return valid > 0 && invalid <= valid;
}

/** Length of the well-formed UTF-8 sequence starting at `i` (2–4), or 0 if there is none (RFC 3629). */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0; // no surrogates
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * UTF-8 per physical line (CRLF, LF or a lone CR end one, as in the table reader). In a line that
 * is not valid UTF-8, its valid sequences stay UTF-8 and each stray byte is read as Windows-1252
 * ("zurück" and a pasted "€" on one line both survive); the line's number is recorded. Null when
 * no valid line holds non-ASCII text: then nothing shows the file is UTF-8 at all.
 */
function decodeLineByLine(bytes: Uint8Array): Decoded | null {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const parts: string[] = [];
  const fallbackLines: number[] = [];
  let line = 1;
  let start = 0;
  let utf8Text = false;
  while (start <= bytes.length) {
    let end = start;
    while (end < bytes.length && bytes[end] !== LF && bytes[end] !== CR) end++;
    const content = bytes.subarray(start, end);
    try {
      parts.push(utf8.decode(content));
      utf8Text ||= content.some((b) => b >= 0x80);
    } catch {
      parts.push(decodeStrayBytes(content));
      fallbackLines.push(line);
    }
    if (end >= bytes.length) break;
    const breakLength = bytes[end] === CR && bytes[end + 1] === LF ? 2 : 1;
    parts.push(breakLength === 2 ? '\r\n' : String.fromCharCode(bytes[end]!));
    start = end + breakLength;
    line++;
  }
  return utf8Text ? { text: parts.join(''), encoding: 'utf-8', fallbackLines } : null;
}

/** UTF-8 where the bytes form valid sequences, Windows-1252 for every byte that does not. */
export function decodeStrayBytes(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let text = '';
  let run = 0; // start of the current run of valid UTF-8
  for (let i = 0; i < bytes.length; ) {
    const n = bytes[i]! < 0x80 ? 1 : utf8SequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    text += utf8.decode(bytes.subarray(run, i)) + decodeWindows1252(bytes.subarray(i, i + 1));
    i++;
    run = i;
  }
  return text + utf8.decode(bytes.subarray(run));
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, „, “, ”, –, …). Node 20.18.3+ and
 * 22.13+ decode TextDecoder('windows-1252') as Latin-1 (nodejs/node#60888), so those bytes would
 * become invisible control characters: map them here instead of trusting the runtime.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** Characters for bytes 0x80–0x9F; the five bytes Windows-1252 leaves undefined stay as they are. */
const WINDOWS_1252_HIGH: readonly string[] = [
  '\u20ac', '\x81', '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021',
  '\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', '\x8d', '\u017d', '\x8f',
  '\x90', '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014',
  '\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', '\x9d', '\u017e', '\u0178',
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * Text in UTF-16 that is mostly ASCII has a NUL in every other byte; plain 8-bit text has none.
 * Only decides when the pattern is unmistakable (most sampled pairs, and only on one side).
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(Math.floor(bytes.length / 2), 1024);
  if (pairs < 2 || bytes.length % 2 !== 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.6 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul === 0) return 'utf-16be';
  return null;
}

/** How many records the sniffer looks at; enough to see past a few odd lines, cheap on big files. */
const SNIFF_RECORDS = 50;

/**
 * Pick the delimiter that splits the sampled records most consistently. The header (first
 * non-blank record) is the reference: a candidate must split it into at least two columns, and
 * it scores by the share of the following records that have exactly as many fields. Quotes are
 * respected, so a ',' inside a quoted text does not count. Ties go to more columns, then to the
 * order `,` `;` tab `|`. A header that no candidate splits means a one-column file: 'none', so a
 * row like `hello, there, friend` is one value. A text without any record (empty) is read as ','.
 */
export function sniffDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; score: number; columns: number } | null = null;
  let hasHeader = false;
  for (const delimiter of DELIMITERS) {
    const counts = sampleFieldCounts(text, delimiter, SNIFF_RECORDS);
    const columns = counts[0];
    if (columns !== undefined) hasHeader = true;
    if (columns === undefined || columns < 2) continue;
    const rest = counts.slice(1);
    const score = rest.length === 0 ? 1 : rest.filter((n) => n === columns).length / rest.length;
    if (!best || score > best.score || (score === best.score && columns > best.columns)) {
      best = { delimiter, score, columns };
    }
  }
  return best?.delimiter ?? (hasHeader ? 'none' : ',');
}

/**
 * Field counts of the first `limit` non-blank records under one delimiter, with the same quote
 * rules as the table reader (a quote opens a field only at its start; "" is a literal quote).
 */
export function sampleFieldCounts(text: string, delimiter: Delimiter, limit: number): number[] {
  const d = delimiterCode(delimiter);
  const counts: number[] = [];
  let fields = 1;
  let fieldStart = true;
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < text.length && counts.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === QUOTE && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      blank = false;
    } else if (c === d) {
      fields++;
      fieldStart = true;
      blank = false;
    } else if (c === LF || c === CR) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      if (!blank) counts.push(fields);
      fields = 1;
      fieldStart = true;
      blank = true;
    } else {
      fieldStart = false;
      if (c !== SPACE && c !== TAB) blank = false;
    }
  }
  if (!blank && counts.length < limit) counts.push(fields);
  return counts;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
