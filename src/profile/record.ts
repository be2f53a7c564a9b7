// thick's data as text and back: a shard's files (cli/shard.ts) and its manifest, read again by `thick merge`,
// which writes the whole run's outputs from them exactly as one unsharded run writes them. So the round trip must
// lose nothing an output reads: dates stay Dates, and numbers JSON cannot spell (NaN, ±Infinity, -0) stay what they
// were. jsonText is how every JSON file thick writes is spelled.

/** Marks a value JSON has no spelling for; no key of thick's data or of a customer's is this. */
const TAG = '$thick';

type Tagged = { [TAG]: 'date'; ms: number | null } | { [TAG]: 'number'; n: string };

/** JSON.stringify's replacer: `this[key]` is the value before Date's toJSON turned it into a string. */
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (original instanceof Date) return { [TAG]: 'date', ms: Number.isNaN(original.getTime()) ? null : original.getTime() } satisfies Tagged;
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return { [TAG]: 'number', n: Object.is(value, -0) ? '-0' : String(value) } satisfies Tagged;
  return value;
}

/** A tagged value as it was; anything else as it is, its parts restored in place. */
function restored(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restored(value[i]);
    return value;
  }
  const object = value as Record<string, unknown>;
  if (TAG in object) {
    const tagged = object as Tagged;
    if (tagged[TAG] === 'date') return new Date(tagged.ms ?? Number.NaN);
    if (tagged[TAG] === 'number') return tagged.n === '-0' ? -0 : Number(tagged.n);
  }
  for (const key in object) object[key] = restored(object[key]);
  return object;
}

/**
 * What JSON.stringify leaves raw: DEL, the C1 controls (U+0080–U+009F; U+009B alone is a terminal's CSI) and U+2028 /
 * U+2029, line breaks to older JavaScript and to editors. JSON's own syntax is ASCII without them, so each can only
 * stand inside a string, where \uXXXX is the same character to every JSON reader.
 */
const RAW_IN_JSON = /[\x7f-\x9f\u2028\u2029]/g;
const escapedCode = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON.stringify's replacer, as it calls it. */
type Replacer = (this: Record<string, unknown>, key: string, value: unknown) => unknown;

/**
 * A value as JSON text, as JSON.stringify writes it (indented by `indent` spaces when given) but with every control
 * character escaped, so a customer's ESC, DEL or C1 in a file thick writes never reaches a terminal that `cat`s it
 * or a tool that reads it raw. The text parses back to the very same data: characters are escaped, never changed.
 * Every JSON thick writes goes through it (profiles.jsonl, annotate's lines, the --json summaries, shard files).
 */
export function jsonText(value: unknown, indent?: number, replacer?: Replacer): string {
  return JSON.stringify(value, replacer, indent).replace(RAW_IN_JSON, escapedCode);
}

/** Any of thick's data as JSON text that `parseData` reads back the same (Dates and odd numbers kept). */
export const dataText = (value: unknown): string => jsonText(value, undefined, replacer);
// A walk over the parsed value rather than JSON.parse's reviver: a merge reads millions of values, and the reviver's
// call per value took a third of its reading time.
export const parseData = (text: string): unknown => restored(JSON.parse(text));
