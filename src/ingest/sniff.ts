// Byte decoding and delimiter sniffing: the first two guesses every input file needs.
// Both work on the data alone, so a German Excel export (Windows-1252, ';') and a US tool's
// UTF-8 comma file are read without any flags.

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Delimiter = ',' | ';' | '\t' | '|';

/** In order of preference when two candidates explain the data equally well. */
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/**
 * Decode a file's bytes. Order of evidence: a byte-order mark; then UTF-16 without a BOM
 * (NUL bytes in every other position); then strict UTF-8; else Windows-1252, which is what
 * German Excel writes for "CSV (Trennzeichen-getrennt)". The BOM is never part of the text.
 */
export function decode(bytes: Uint8Array): { text: string; encoding: Encoding } {
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
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
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
 * order `,` `;` tab `|`. A file that no candidate splits (one column) is read as ','.
 */
export function sniffDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; score: number; columns: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = sampleFieldCounts(text, delimiter, SNIFF_RECORDS);
    const columns = counts[0];
    if (columns === undefined || columns < 2) continue;
    const rest = counts.slice(1);
    const score = rest.length === 0 ? 1 : rest.filter((n) => n === columns).length / rest.length;
    if (!best || score > best.score || (score === best.score && columns > best.columns)) {
      best = { delimiter, score, columns };
    }
  }
  return best?.delimiter ?? ',';
}

/**
 * Field counts of the first `limit` non-blank records under one delimiter, with the same quote
 * rules as the table reader (a quote opens a field only at its start; "" is a literal quote).
 */
export function sampleFieldCounts(text: string, delimiter: Delimiter, limit: number): number[] {
  const d = delimiter.charCodeAt(0);
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
