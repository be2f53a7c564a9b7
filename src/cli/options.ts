import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FIELD_NAMES, fieldNamed } from '../ingest/preset.js';
import type { Overrides } from '../ingest/mapping.js';
import { parseDate } from '../ingest/dates.js';
import { yamlData } from '../yaml-data.js';
import { UsageError } from './errors.js';

export { UsageError };

/** `--map field=Column`, repeatable; the column name may itself contain '='. */
export function parseMapFlags(flags: readonly string[]): Overrides {
  const overrides: Overrides = {};
  for (const flag of flags) {
    for (const pair of flag.split(/,(?=[A-Za-z]+=)/)) {
      const at = pair.indexOf('=');
      if (at <= 0 || at === pair.length - 1) throw new UsageError(`--map ${pair}: expected field=Column, e.g. --map text=Kommentar`);
      const name = pair.slice(0, at).trim();
      const field = fieldNamed(name);
      if (!field) throw new UsageError(`--map ${pair}: unknown field "${name}"; known fields: ${FIELD_NAMES.join(', ')}`);
      overrides[field] = pair.slice(at + 1).trim();
    }
  }
  return overrides;
}

/**
 * `--placeholder <name>`, repeatable. An empty name would be a placeholder for every row without an author, which
 * is not what anyone means: it is a usage error, as is a name of spaces only.
 */
export function parsePlaceholders(values: readonly string[]): string[] {
  for (const value of values) {
    if (value.trim() === '') throw new UsageError(`--placeholder ${JSON.stringify(value)}: expected an author name that identifies nobody, e.g. --placeholder "Kunde"`);
  }
  return [...values];
}

const mappingFileSchema = z.strictObject({
  columns: z.partialRecord(z.enum(FIELD_NAMES as [string, ...string[]]), z.string().min(1)).optional(),
  preset: z.string().optional(),
});
export interface MappingFile {
  columns?: Overrides;
  preset?: string;
}

/** A mapping file (JSON or YAML): `{ columns: { text: "Kommentar" }, preset: "social" }`; errors name the bad key. */
export function loadMappingFile(path: string): MappingFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: cannot read mapping file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = path.endsWith('.json') ? JSON.parse(text) : yamlData(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
  const result = mappingFileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const hint = issue.path[0] === 'columns' ? `; known fields: ${FIELD_NAMES.join(', ')}` : '';
    throw new UsageError(`${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}${hint}`);
  }
  // Older field names (satisfaction) are read as the field they now are (rating).
  const columns = result.data.columns && Object.fromEntries(Object.entries(result.data.columns).map(([name, column]) => [fieldNamed(name)!, column]));
  return { ...result.data, columns };
}

export function parseLang(value: string): 'en' | 'de' {
  if (value !== 'en' && value !== 'de') throw new UsageError(`--lang ${value}: expected en or de`);
  return value;
}

/** --as-of takes what the data may hold (ISO, 31.12.2024, …) and refuses impossible dates like the data does. */
export function parseAsOf(value: string): Date {
  const parsed = parseDate(value.trim());
  if (!parsed.ok) throw new UsageError(`--as-of ${JSON.stringify(value)}: ${parsed.reason}; expected a date like 2024-12-31`);
  return parsed.value;
}

/**
 * --dates FROM..UNTIL: the dates a run takes as plausible, both ends included; either end may be left open
 * ("1900-01-01.." or "..2100-12-31") and keeps its default. An end given as a day means the whole day.
 */
export function parseDateWindow(value: string): { from?: Date; until?: Date } {
  const usage = (why: string) => new UsageError(`--dates ${JSON.stringify(value)}: ${why}; expected FROM..UNTIL, e.g. --dates 1900-01-01..2100-12-31 (either end may be left open)`);
  const parts = value.trim().split('..');
  if (parts.length !== 2) throw usage('no ".." between the two dates');
  const [fromText, untilText] = parts.map((part) => part.trim()) as [string, string];
  if (fromText === '' && untilText === '') throw usage('neither end given');
  const read = (text: string, end: 'from' | 'until'): Date | undefined => {
    if (text === '') return undefined;
    const parsed = parseDate(text);
    if (!parsed.ok) throw usage(`${end}: ${parsed.reason}`);
    const bareDay = !/\d:\d/.test(text) && parsed.value.getUTCHours() === 0 && parsed.value.getUTCMinutes() === 0 && parsed.value.getUTCSeconds() === 0;
    return end === 'until' && bareDay ? new Date(parsed.value.getTime() + 86_399_999) : parsed.value;
  };
  const from = read(fromText, 'from');
  const until = read(untilText, 'until');
  if (from && until && from > until) throw usage('the window ends before it starts');
  return { ...(from ? { from } : {}), ...(until ? { until } : {}) };
}

/** A shard of a run (--shard i/n): 1-based, as vitest and Playwright count shards. */
export interface Shard {
  index: number;
  count: number;
}

/** `--shard 2/3`: shard 2 of 3; i from 1 to n. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard ${JSON.stringify(value)}: expected i/n with i from 1 to n, e.g. --shard 2/3`);
  return { index, count };
}
