// `thick eval <labeled.csv>`: how well does thick's sentiment (built-in, or a trained --model) agree with the
// labels a person gave? Prints accuracy, macro-F1, per-class figures, Cohen's kappa and the confusion matrix.

import { agreement, type Agreement } from '../annotate/agreement.js';
import { predict, SENTIMENT_LABELS, type Example, type SentimentModel } from '../annotate/classifier.js';
import { detectLanguage } from '../annotate/language.js';
import { scoreSentiment } from '../annotate/sentiment.js';
import { normaliseHeader } from '../ingest/preset.js';
import { SYNONYMS } from '../ingest/synonyms.js';
import type { FileIngest } from '../ingest/index.js';
import type { Lang, Rejection, SentimentLabel } from '../model.js';
import { ingestOptionsFrom, type IngestFlags } from './analyze.js';
import { UsageError } from './options.js';
import { activeModel, ingestAll } from './pipeline.js';
import { terminal } from './terminal.js';

// Label spellings people and data sets use; compared lower-cased and trimmed.
const LABEL_SPELLINGS: Record<string, SentimentLabel> = {
  negative: 'negative', neg: 'negative', negativ: 'negative', '-1': 'negative', '-': 'negative',
  neutral: 'neutral', neu: 'neutral', '0': 'neutral',
  positive: 'positive', pos: 'positive', positiv: 'positive', '1': 'positive', '+1': 'positive', '+': 'positive',
};

/** "Negativ", "neg", "-1" → negative; null for a label thick does not know. */
export function normaliseLabel(value: string): SentimentLabel | null {
  return LABEL_SPELLINGS[value.trim().toLowerCase()] ?? null;
}

export interface LabeledRow extends Example {
  lang: Lang;
  line: number;
}

export interface LabeledFile {
  file: string;
  ingest: FileIngest;
  /** Header of the text and label columns, for the summary. */
  columns: { text: string; label: string };
  examples: LabeledRow[];
  /** Rows the ingest layer rejected plus rows without text or with an unknown label. */
  rejected: Rejection[];
  rows: { read: number; used: number; rejected: number };
}

/** The label column: --map label=… (already in the mapping), else the first header matching a label synonym. */
function labelColumn(ingest: FileIngest): number | undefined {
  if (ingest.mapping.label !== undefined) return ingest.mapping.label;
  const taken = new Set(Object.values(ingest.mapping));
  const headers = ingest.header.map(normaliseHeader);
  for (const name of SYNONYMS.label) {
    const index = headers.findIndex((h, i) => h === normaliseHeader(name) && !taken.has(i));
    if (index >= 0) return index;
  }
  return undefined;
}

/**
 * Read a labelled file through the ingest layer (generic preset unless --preset or a mapping file says otherwise),
 * and pair every row's text with its normalised label. Rows without text or with an unknown label are rejected
 * with the reason, so read = used + rejected holds as in `thick analyze`.
 */
export function readLabeled(file: string, flags: IngestFlags): LabeledFile {
  const options = ingestOptionsFrom(flags);
  const [ingest] = ingestAll([file], { ...options, preset: options.preset ?? 'generic', keepFields: true });
  if (!ingest) throw new UsageError(`${file}: nothing to read`);
  const textIndex = ingest.mapping.text;
  if (textIndex === undefined) {
    throw new UsageError(`${file}: no text column found among ${ingest.header.join(', ')}; name it with --map text=<Column>`);
  }
  const labelIndex = labelColumn(ingest);
  if (labelIndex === undefined) {
    throw new UsageError(
      `${file}: no label column found among ${ingest.header.join(', ')} (looked for label, sentiment, polarity, Stimmung); name it with --map label=<Column>`,
    );
  }

  const examples: LabeledRow[] = [];
  const rejected: Rejection[] = [...ingest.rejected];
  for (const row of ingest.used) {
    const reject = (reason: string, column: number) => rejected.push({ file, line: row.line, column: column + 1, reason, raw: row.fields.join(',') });
    const text = row.events.find((e) => e.text?.trim())?.text ?? '';
    const rawLabel = row.fields[labelIndex]?.trim() ?? '';
    const label = normaliseLabel(rawLabel);
    if (!text.trim()) reject('no text', textIndex);
    else if (!rawLabel) reject('no label', labelIndex);
    else if (!label) reject(`unknown label "${rawLabel}" (expected negative, neutral or positive)`, labelIndex);
    else examples.push({ text, label, lang: detectLanguage(text), line: row.line });
  }
  rejected.sort((a, b) => a.line - b.line);
  return {
    file,
    ingest,
    columns: { text: ingest.header[textIndex]!, label: ingest.header[labelIndex]! },
    examples,
    rejected,
    rows: { read: ingest.rows.read, used: examples.length, rejected: rejected.length },
  };
}

export function labelCounts(examples: readonly { label: SentimentLabel }[]): Record<SentimentLabel, number> {
  const counts = { negative: 0, neutral: 0, positive: 0 };
  for (const e of examples) counts[e.label]++;
  return counts;
}

/** thick's call on each row: the trained model when given, else the built-in analyser (as `thick annotate`). */
export function thickLabels(examples: readonly LabeledRow[], model: SentimentModel | null): SentimentLabel[] {
  return examples.map((e) => (model ? predict(model, e.text, e.lang) : scoreSentiment(e.text, e.lang)).label);
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const fixed = (x: number, digits = 3) => x.toFixed(digits);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n');
}

/** Accuracy, macro-F1, kappa, the per-class table and the confusion matrix, as plain aligned text. */
export function formatAgreement(result: Agreement, indent = ''): string {
  const perClass = [
    ['class', 'precision', 'recall', 'F1', 'support'],
    ...result.confusion.labels.map((l) => {
      const c = result.perClass[l]!;
      return [l, fixed(c.precision), fixed(c.recall), fixed(c.f1), String(c.support)];
    }),
  ];
  const confusion = [
    ['gold \\ thick', ...result.confusion.labels],
    ...result.confusion.labels.map((l, i) => [l, ...result.confusion.matrix[i]!.map(String)]),
  ];
  const lines = [
    `accuracy  ${fixed(result.accuracy)}`,
    `macro-F1  ${fixed(result.macroF1)}`,
    `kappa     ${fixed(result.kappa)}`,
    '',
    table(perClass),
    '',
    'confusion (rows: gold label, columns: thick)',
    table(confusion),
  ];
  return lines.map((line) => (line ? indent + line : line)).join('\n');
}

export function describeRows(labeled: LabeledFile): string {
  const { rows } = labeled;
  const counts = labelCounts(labeled.examples);
  return (
    `${rows.read} rows read, ${rows.used} used, ${rows.rejected} rejected; ` +
    `labels (column "${labeled.columns.label}"): ${SENTIMENT_LABELS.map((l) => `${l} ${counts[l]}`).join(', ')}`
  );
}

const rejectionJson = (r: Rejection) => ({ file: r.file, line: r.line, column: r.column ?? null, reason: r.reason });

export interface EvalFlags extends IngestFlags {
  model?: string;
  json?: boolean;
  quiet?: boolean;
}

export async function runEval(file: string, flags: EvalFlags): Promise<number> {
  const term = terminal(flags.quiet || flags.json);
  const model = activeModel(flags.model);
  term.step(`reading ${file}`);
  const labeled = readLabeled(file, flags);
  term.step(`annotating ${labeled.examples.length} rows`);
  const gold = labeled.examples.map((e) => e.label);
  const result = agreement(gold, thickLabels(labeled.examples, model), [...SENTIMENT_LABELS]);
  const analyser = model
    ? { kind: 'model', file: flags.model!, trainedOn: model.trainedOn.n }
    : { kind: 'built-in' };
  term.done(`${labeled.examples.length} rows compared`);

  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          file,
          preset: labeled.ingest.preset.id,
          columns: labeled.columns,
          rows: labeled.rows,
          analyser,
          labels: labelCounts(labeled.examples),
          ...result,
          rejected: labeled.rejected.map(rejectionJson),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const by = model ? `trained model ${flags.model} (${model.trainedOn.n} training rows)` : 'built-in analyser';
    process.stdout.write(
      [
        `${file}: ${describeRows(labeled)}`,
        `sentiment by the ${by}`,
        '',
        formatAgreement(result),
        '',
      ].join('\n'),
    );
    for (const r of labeled.rejected.slice(0, 20)) term.warn(`${r.file}:${r.line}${r.column ? `:${r.column}` : ''}: ${r.reason}`);
    if (labeled.rejected.length > 20) term.warn(`… and ${labeled.rejected.length - 20} more rejected rows`);
  }
  return 0;
}
