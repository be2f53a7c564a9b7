// The checks behind the option table's `schema` entries: zod and the parsers a run reads its values with. Loaded by
// settings.ts when a command runs, never for --version or --help, which only show the table (cli-options.ts).

import { z } from 'zod';
import { PRESETS, presetById } from '../ingest/presets/index.js';
import { ruleProblem } from './fail-on.js';
import { parseAsOf, parseDateWindow, parseMapFlags, parseShard, UsageError } from './options.js';
import { parseWhen } from './window.js';

const text = (what: string) => z.string({ error: `expected ${what}` }).refine((s) => s.trim() !== '', { error: `expected ${what}, not an empty value` });
const wholeNumber = (min: number, unit: string, example: string) => {
  const error = `expected a whole number${unit ? ` of ${unit}` : ''}, at least ${min}, e.g. ${example}`;
  return z.preprocess((value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value), z.number({ error }).int({ error }).min(min, { error }));
};
const oneOf = (choices: readonly [string, ...string[]]) => z.enum(choices, { error: `expected one of ${choices.join(', ')}` });
const flag = z.boolean({ error: 'expected true or false' });

/**
 * A value the run reads with a parser of its own (a date, a window, --map): checked by that same parser here, so a
 * bad one from a config file or a variable is refused before anything is read and named by where it came from, not
 * as a flag nobody typed. The parser's message starts with the flag and the value; settings.ts puts the source there.
 */
const readBy = (what: string, parse: (value: string) => unknown) =>
  text(what).superRefine((value, ctx) => {
    try {
      parse(value);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message.replace(/^--[a-z-]+ (?:"(?:[^"\\]|\\.)*"|[^:]*): /, '') });
    }
  });

/** What a table entry's `schema` is built from: the schema makers above and the parsers they check values with. */
export const OPTION_CHECKS = {
  text,
  wholeNumber,
  oneOf,
  flag,
  readBy,
  parseAsOf,
  parseDateWindow,
  parseMapFlags,
  parseWhen,
  parseShard,
  ruleProblem,
  presetById,
  PRESET_IDS: PRESETS.map((preset) => preset.id).join(', '),
};
export type OptionChecks = typeof OPTION_CHECKS;
