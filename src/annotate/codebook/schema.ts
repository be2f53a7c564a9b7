// The codebook as written down: its schema (validated with zod, with messages that name the key path), parsing it
// from YAML or JSON text, and merging a user's codebook into the default one (files are read in cli/resources.ts). The pattern
// semantics are documented at the top of annotate/codebook.ts.

import { YAMLError } from 'yaml';
import { yamlData } from '../../yaml-data.js';
import { z } from 'zod';
import { patternTokens } from './pattern.js';

const CODE_ID = /^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/;
const CATEGORY = /^[a-z][a-z0-9-]*$/;

/** A schema-level message for a wrong type only; other issues (unknown keys…) keep their own message. */
const typeError =
  (message: string) =>
  (issue: { code?: string }): string | undefined =>
    issue.code === 'invalid_type' ? message : undefined;

const stringList = z.array(z.string().min(1, 'expected a non-empty string'), { error: 'expected array of strings' });

const PatternsSchema = z.strictObject(
  {
    words: stringList.optional(),
    stems: z
      .strictObject({ de: stringList.optional(), en: stringList.optional() }, { error: typeError('expected an object with de and/or en lists') })
      .optional(),
    phrases: stringList.optional(),
    regex: stringList.optional(),
    exclude: stringList.optional(),
    exclude_regex: stringList.optional(),
  },
  { error: typeError('expected an object with words, stems, phrases, regex, exclude and/or exclude_regex') },
);

/** Patterns of a conditional rule: what a text must contain; exclusions stay code-wide. */
const RulePatternsSchema = PatternsSchema.pick({ words: true, stems: true, phrases: true, regex: true });

const TONES = ['negative', 'neutral', 'positive'] as const;
const KINDS = ['order', 'message', 'ticket', 'post', 'review', 'survey', 'note'] as const;

const conditionKeys = {
  conversation: z.boolean({ error: 'expected true or false' }).optional(),
  kinds: z.array(z.enum(KINDS), { error: `expected a list of record kinds (${KINDS.join(', ')})` }).optional(),
  tone: z.union([z.enum(TONES), z.array(z.enum(TONES))], { error: `expected ${TONES.join(', ')} or a list of them` }).optional(),
  rated: z.boolean({ error: 'expected true or false' }).optional(),
};

/**
 * What a record must be for a hit to count: a second signal beside the words. All given keys must hold.
 * conversation: the record is (true) or is not (false) a conversation the customer opened with the brand;
 * kinds: its record kind is one of these; tone: the writer's own verdict (the rating's tone when rated, else the
 * text's sentiment label) is one of these; rated: it carries (true) or lacks (false) a rating; not: a record this
 * (flat) condition describes is excluded ("not: { rated: true, tone: positive }": anything but a good rating).
 */
const ConditionSchema = z.strictObject(
  {
    ...conditionKeys,
    not: z.strictObject(conditionKeys, { error: typeError('expected an object with conversation, kinds, tone and/or rated') }).optional(),
  },
  { error: typeError('expected an object with conversation, kinds, tone, rated and/or not') },
);
export type Condition = z.infer<typeof ConditionSchema>;

const RuleSchema = z.strictObject({
  when: ConditionSchema,
  /** Without patterns the condition alone is the evidence (a 1–2★ review with words of its own is a complaint). */
  patterns: RulePatternsSchema.optional(),
});

/** Code ids, or "<category>.*" for every other code of a category. */
const codeRefs = z.array(z.string().regex(/^[a-z][a-z0-9-]*\.(?:\*|[a-z0-9][a-z0-9-]*)$/, 'expected a code id or "<category>.*"'), {
  error: 'expected array of strings',
});

const CodeSchema = z.strictObject({
  id: z.string().regex(CODE_ID, 'expected "<category>.<name>" in lower case, e.g. pain.waiting'),
  category: z.string().regex(CATEGORY, 'expected a lower-case word, e.g. pain'),
  label: z.strictObject({ en: z.string().min(1, 'expected a non-empty label'), de: z.string().min(1, 'expected a non-empty label') }),
  description: z.string().min(1, 'expected a one-sentence description'),
  patterns: PatternsSchema,
  negatable: z.boolean({ error: 'expected true or false' }).optional(),
  /** Every hit of the code, implied ones included, needs this. */
  when: ConditionSchema.optional(),
  /** Further patterns that count only when their condition holds. */
  rules: z.array(RuleSchema, { error: 'expected a list of rules, each with when and patterns' }).optional(),
  /** Kept out of reports and annotate output unless --all-codes: measured too imprecise to show by default. */
  experimental: z.boolean({ error: 'expected true or false' }).optional(),
  /** An implied hit (see implied_by) also needs this. */
  implied_when: ConditionSchema.optional(),
  implied_by: codeRefs.optional(),
  /** Codes whose own evidence rules this one out in the same text (a text without content is no praise). */
  ruled_out_by: codeRefs.optional(),
});

type IssueSink = z.RefinementCtx;
type Path = (string | number)[];
type Patterns = z.infer<typeof PatternsSchema>;

/** Ids are unique and start with their category. */
function checkId(code: { id: string; category: string }, i: number, seen: Map<string, number>, ctx: IssueSink): void {
  const first = seen.get(code.id);
  if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['codes', i, 'id'], message: `duplicate id "${code.id}" (also codes[${first}])` });
  else seen.set(code.id, i);
  if (!code.id.startsWith(`${code.category}.`)) {
    ctx.addIssue({ code: 'custom', path: ['codes', i, 'id'], message: `"${code.id}" does not start with its category "${code.category}."` });
  }
}

/** A word entry is one token without wildcards; a stem entry is one token. */
function checkWordsAndStems(patterns: Patterns, at: Path, ctx: IssueSink): void {
  patterns.words?.forEach((word, j) => {
    if (patternTokens(word).length !== 1 || word.includes('*')) {
      ctx.addIssue({ code: 'custom', path: [...at, 'words', j], message: `"${word}" is not a single word; put it under phrases` });
    }
  });
  for (const lang of ['de', 'en'] as const) {
    patterns.stems?.[lang]?.forEach((stem, j) => {
      if (patternTokens(stem).length !== 1) ctx.addIssue({ code: 'custom', path: [...at, 'stems', lang, j], message: `"${stem}" is not a single word stem` });
    });
  }
}

/** A phrase has words and starts with one; a regular expression compiles. */
function checkPhrasesAndRegexes(patterns: Patterns, at: Path, ctx: IssueSink): void {
  for (const key of ['phrases', 'exclude'] as const) {
    patterns[key]?.forEach((phrase, j) => {
      if (patternTokens(phrase).length === 0) {
        ctx.addIssue({ code: 'custom', path: [...at, key, j], message: `"${phrase}" has no words` });
      } else if (/^\s*\*(?:\s|$)/.test(phrase)) {
        ctx.addIssue({ code: 'custom', path: [...at, key, j], message: `"${phrase}" starts with "*"; start with a word` });
      }
    });
  }
  for (const key of ['regex', 'exclude_regex'] as const) {
    patterns[key]?.forEach((source, j) => {
      try {
        new RegExp(source, 'giu');
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: [...at, key, j], message: `invalid regular expression: ${(err as Error).message}` });
      }
    });
  }
}

const CodebookSchema = z
  .strictObject({
    version: z.literal(1, { error: 'expected 1' }),
    /** With --codebook: true replaces the default codebook instead of extending it. */
    replace: z.boolean({ error: 'expected true or false' }).optional(),
    codes: z.array(CodeSchema, { error: 'expected a list of codes' }),
  })
  .superRefine((codebook, ctx) => {
    const seen = new Map<string, number>();
    codebook.codes.forEach((code, i) => {
      checkId(code, i, seen, ctx);
      checkWordsAndStems(code.patterns, ['codes', i, 'patterns'], ctx);
      checkPhrasesAndRegexes(code.patterns, ['codes', i, 'patterns'], ctx);
      code.rules?.forEach((rule, j) => {
        if (!rule.patterns) return;
        checkWordsAndStems(rule.patterns, ['codes', i, 'rules', j, 'patterns'], ctx);
        checkPhrasesAndRegexes(rule.patterns, ['codes', i, 'rules', j, 'patterns'], ctx);
      });
      code.implied_by?.forEach((ref, j) => {
        if (ref === code.id) ctx.addIssue({ code: 'custom', path: ['codes', i, 'implied_by', j], message: 'a code cannot imply itself' });
      });
      code.ruled_out_by?.forEach((ref, j) => {
        if (ref === code.id) ctx.addIssue({ code: 'custom', path: ['codes', i, 'ruled_out_by', j], message: 'a code cannot rule itself out' });
      });
    });
  });

export type Codebook = z.infer<typeof CodebookSchema>;
export type Code = Codebook['codes'][number];

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Messages for the generic zod issues; schema-level messages (e.g. "expected array of strings") take precedence. */
function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${describeValue(issue.input)}`;
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  }
  return undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(top level)';
}

/**
 * Parse and validate a codebook. `file` names it in error messages. JSON when the file name ends in .json,
 * YAML otherwise (YAML also reads JSON). Throws an Error naming the file and each bad key path, e.g.
 * `codebook.yaml: codes[3].patterns.words: expected array of strings`.
 */
export function parseCodebook(text: string, file: string): Codebook {
  let data: unknown;
  if (/\.json$/i.test(file)) {
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new Error(`${file}: invalid JSON: ${(err as Error).message}`);
    }
  } else {
    try {
      data = yamlData(text);
    } catch (err) {
      if (err instanceof YAMLError) {
        const pos = err.linePos?.[0];
        const where = pos ? `:${pos.line}:${pos.col}` : '';
        throw new Error(`${file}${where}: invalid YAML: ${err.message.split('\n')[0]}`);
      }
      throw err;
    }
  }
  const result = CodebookSchema.safeParse(data, { error: issueMessage });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${issue.message}`);
    throw new Error(lines.join('\n'));
  }
  return result.data;
}

export function mergeCodebooks(base: Codebook, extra: Codebook): Codebook {
  const extraById = new Map(extra.codes.map((code) => [code.id, code]));
  const baseIds = new Set(base.codes.map((code) => code.id));
  return {
    version: 1,
    codes: [...base.codes.map((code) => extraById.get(code.id) ?? code), ...extra.codes.filter((code) => !baseIds.has(code.id))],
  };
}
