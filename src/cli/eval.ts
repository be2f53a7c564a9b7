// `thick eval <labeled.csv>`: how well does thick's sentiment (built-in, or a trained --model) agree with the
// labels a person gave? Prints accuracy, macro-F1, per-class figures, Cohen's kappa and the confusion matrix.

import { agreement, type Agreement } from '../annotate/agreement.js';
import { predict, SENTIMENT_LABELS, type Example, type SentimentModel } from '../annotate/classifier.js';
import { detectLanguage, languageVerdict } from '../annotate/language.js';
import { scoreSentiment } from '../annotate/sentiment.js';
import { normaliseHeader } from '../ingest/preset.js';
import { detectRatingColumn, parseRating } from '../ingest/ratings.js';
import { ratingTone, SCALES } from '../rating-scales.js';
import { SYNONYMS } from '../ingest/synonyms.js';
import type { FileIngest } from '../ingest/index.js';
import type { Lang, RatingScale, Rejection, SentimentLabel } from '../model.js';
import { ingestOptionsFrom, type IngestFlags } from './analyze.js';
import { UsageError } from './options.js';
import { activeModel, ingestAll, readStdinFirst } from './pipeline.js';
import { inputName } from './stdin.js';
import { terminal } from './terminal.js';
import { rejectionJson, warnRejections } from './rejections.js';
import { jsonText } from '../profile/record.js';

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
  /** When the labels come from a rating column: its scale, read by the stated mapping (SCALES[scale].labels). */
  ratingScale: RatingScale | null;
  examples: LabeledRow[];
  /** Rows the ingest layer rejected plus rows without text or with an unknown label. */
  rejected: Rejection[];
  rows: { read: number; used: number; rejected: number };
}

/** Where each row's label comes from: a sentiment label column, or a rating column read by a stated mapping. */
type LabelSource = { index: number; scale: RatingScale | null };

/** Values a sentiment label column holds; any other number (2, 5, 9) means the column is a rating. */
const LABEL_NUMBERS = new Set(['-1', '0', '1', '+1']);

/**
 * The label column: --map label=… (already in the mapping), else the first header matching a label synonym, else
 * the file's rating column (stars, NPS, CSAT, thumbs: `--map rating=Score` or found by its header). A label column
 * holding numbers beyond -1/0/1 is a rating column too (`--map label=Score` on 1–5 stars).
 */
function labelSource(ingest: FileIngest): LabelSource | undefined {
  const taken = new Set(Object.values(ingest.mapping));
  const headers = ingest.header.map(normaliseHeader);
  let index = ingest.mapping.label;
  for (const name of index === undefined ? SYNONYMS.label : []) {
    const found = headers.findIndex((h, i) => h === normaliseHeader(name) && !taken.has(i));
    if (found >= 0) {
      index = found;
      break;
    }
  }
  if (index === undefined) return ingest.rating && ingest.mapping.rating !== undefined ? { index: ingest.mapping.rating, scale: ingest.rating.scale } : undefined;
  const values = ingest.used.map((row) => row.fields[index]?.trim() ?? '').filter((v) => v !== '');
  const numbers = values.filter((v) => /^[+-]?\d+(?:[.,]\d+)?$/.test(v));
  if (numbers.length === 0 || numbers.every((v) => LABEL_NUMBERS.has(v))) return { index, scale: null };
  const column = detectRatingColumn(ingest.header[index] ?? '', values);
  return { index, scale: column.ok ? column.scale : 'stars5' };
}

/** A row's gold label from its cell: a sentiment label, or a rating by its scale's mapping; else why not. */
function goldLabel(raw: string, scale: RatingScale | null): { label: SentimentLabel } | { reason: string } {
  if (scale === null) {
    const label = normaliseLabel(raw);
    return label ? { label } : { reason: `unknown label "${raw}" (expected negative, neutral or positive)` };
  }
  const rating = parseRating(raw, scale);
  if (!rating.ok) return { reason: `rating: ${rating.reason}` };
  // The same bands every judgement reads a rating by (src/rating-scales.ts), so calibrating on ratings measures that.
  return rating.value ? { label: ratingTone(rating.value) } : { reason: 'no rating' };
}

/**
 * Read a labelled file through the ingest layer (the preset annotate would choose, else the generic one),
 * and pair every row's text with its normalised label. Only the text and the label are required, so other columns
 * are read leniently, as `thick annotate` reads them (an odd date elsewhere costs no row). Rows without text or with
 * an unknown label are rejected with the reason, so read = used + rejected holds as in `thick analyze`.
 */
export function readLabeled(file: string, flags: IngestFlags): LabeledFile {
  const options = ingestOptionsFrom(flags);
  const read = (preset: typeof options.preset) => ingestAll([file], { ...options, preset, keepFields: true, lenient: true })[0];
  // The preset annotate would choose, so a review's title and body are read as one text in both; the generic preset
  // when that preset finds no text (a labelled sample can look like a contacts export).
  if (options.preset !== undefined) return labeledFrom(inputName(file), read(options.preset));
  let detected: ReturnType<typeof read>;
  try {
    detected = read(undefined);
  } catch {
    detected = undefined; // a header no preset knows: the generic preset asks for --map text=<Column>
  }
  return labeledFrom(inputName(file), detected?.mapping.text !== undefined ? detected : read('generic'));
}

/** A labelled file's rows paired with their normalised labels (see readLabeled). */
function labeledFrom(file: string, ingest: FileIngest | undefined): LabeledFile {
  if (!ingest) throw new UsageError(`${file}: nothing to read`);
  const textIndex = ingest.mapping.text;
  if (textIndex === undefined) {
    throw new UsageError(`${file}: no text column found among ${ingest.header.join(', ')}; name it with --map text=<Column>`);
  }
  const source = labelSource(ingest);
  if (source === undefined) {
    throw new UsageError(
      `${file}: no label or rating column found among ${ingest.header.join(', ')} (looked for label, sentiment, polarity, Stimmung, ` +
        'rating, stars, score, NPS, CSAT …); name it with --map label=<Column> or --map rating=<Column>',
    );
  }

  const examples: LabeledRow[] = [];
  const rejected: Rejection[] = [...ingest.rejected];
  for (const row of ingest.used) {
    const reject = (reason: string, column: number) => rejected.push({ file, line: row.line, column: column + 1, reason, raw: row.fields.join(',') });
    const text = row.events.find((e) => e.direction !== 'outbound' && e.text?.trim())?.text ?? '';
    const raw = row.fields[source.index]?.trim() ?? '';
    const gold = raw ? goldLabel(raw, source.scale) : null;
    if (!text.trim()) reject('no text', textIndex);
    else if (!gold) reject(source.scale ? 'no rating' : 'no label', source.index);
    else if ('reason' in gold) reject(gold.reason, source.index);
    else examples.push({ text, label: gold.label, lang: detectLanguage(text), line: row.line });
  }
  rejected.sort((a, b) => a.line - b.line);
  return {
    file,
    ingest,
    columns: { text: ingest.header[textIndex]!, label: ingest.header[source.index]! },
    ratingScale: source.scale,
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

/** How ratings were read as labels, e.g. `rating column "Score" (1–5 stars: 1–2 negative, 3 neutral, 4–5 positive)`. */
export function ratingMapping(labeled: LabeledFile): string | null {
  if (!labeled.ratingScale) return null;
  const scale = SCALES[labeled.ratingScale];
  return `the rating column "${labeled.columns.label}" (${scale.name}; ${scale.labels})`;
}

export function describeRows(labeled: LabeledFile): string {
  const { rows } = labeled;
  const counts = labelCounts(labeled.examples);
  const from = ratingMapping(labeled);
  const labels = from ? `labels from ${from}` : `labels (column "${labeled.columns.label}")`;
  return `${rows.read} rows read, ${rows.used} used, ${rows.rejected} rejected; ${labels}: ${SENTIMENT_LABELS.map((l) => `${l} ${counts[l]}`).join(', ')}`;
}


export interface EvalFlags extends IngestFlags {
  model?: string;
  json?: boolean;
  quiet?: boolean;
}

/** From this share of texts in another language on, eval says its figures say little about the built-in analyser. */
const FOREIGN_WARNING = 0.2;

/** Texts in another language ("Produto de qualidade"), not texts with nothing to tell by ("ok", 👍, "10"). */
function foreignShare(examples: readonly LabeledRow[]): { n: number; share: number } {
  const n = examples.filter((e) => e.lang === 'other' && languageVerdict(e.text) === 'foreign').length;
  return { n, share: examples.length === 0 ? 0 : n / examples.length };
}

export async function runEval(path: string, flags: EvalFlags): Promise<number> {
  // `-` is standard input, read before the spinner starts (stdin.ts) and named <stdin> in what is printed.
  readStdinFirst([path]);
  const file = inputName(path);
  const term = terminal(flags.quiet || flags.json);
  const model = activeModel(flags.model);
  term.step(`reading ${file}`);
  const labeled = readLabeled(path, flags);
  term.step(`annotating ${labeled.examples.length} rows`);
  const gold = labeled.examples.map((e) => e.label);
  const result = agreement(gold, thickLabels(labeled.examples, model), [...SENTIMENT_LABELS]);
  const analyser = model
    ? { kind: 'model', file: flags.model!, trainedOn: model.trainedOn.n }
    : { kind: 'built-in' };
  term.done(`${labeled.examples.length} ${labeled.examples.length === 1 ? 'row' : 'rows'} compared`);

  if (flags.json) {
    process.stdout.write(
      `${jsonText(
        {
          file,
          preset: labeled.ingest.preset.id,
          columns: labeled.columns,
          labelsFrom: labeled.ratingScale ? { rating: labeled.ratingScale, mapping: SCALES[labeled.ratingScale].labels } : 'labels',
          rows: labeled.rows,
          analyser,
          labels: labelCounts(labeled.examples),
          ...result,
          rejected: labeled.rejected.map(rejectionJson),
        },
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
    warnRejections(term, labeled.rejected);
  }
  const unread = foreignShare(labeled.examples);
  if (!model && unread.share >= FOREIGN_WARNING) {
    term.warn(
      `${file}: ${unread.n} of ${labeled.examples.length} texts are in a language the built-in analyser does not read (it reads German and English), ` +
        'so it leaves them without a tone and these figures say little; a model trained on them (thick train) can read them',
    );
  }
  return 0;
}
