// A sentiment classifier that users train on their own labelled texts (`thick train`), for when the
// built-in lexicon analyser does not fit their domain well enough.
//
// Multinomial logistic regression (softmax) trained by AdaGrad SGD with L2, over
// - sparse text features: folded words, Porter stems, word bigrams within a clause, words in the scope of a
//   negator, emoji, emoticons, "!" and "?" — L2-normalised per text so long texts do not dominate;
// - dense features from the built-in analyser (score, its positive/negative call): a small training set then
//   starts from the lexicon's judgement and only has to learn where the user's domain differs.
// Classes are weighted inversely to their frequency, because thick reports macro-F1 and feedback data is
// usually skewed (most of it complaints).
//
// Everything is deterministic: features are sorted, SGD order comes from a seeded PRNG, weights are rounded
// before they leave trainModel, so the same examples and options give a byte-identical model file.

import { z } from 'zod';
import { byCodePoint } from '../collation.js';
import type { Lang, SentimentLabel } from '../model.js';
import { agreement, type Agreement } from './agreement.js';
import { detectLanguage } from './language.js';
import { scoreSentiment } from './sentiment.js';
import { isNegator, negatorsOf, stem, tokenize } from './text/index.js';

export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];
export const MODEL_KIND = 'thick-sentiment-logreg';
export const MODEL_VERSION = 1;

export interface Example {
  text: string;
  label: SentimentLabel;
  /** Detected from the text when missing. */
  lang?: Lang;
}

export interface TrainOptions {
  /** Passes over the training set. */
  epochs: number;
  /** AdaGrad base learning rate. */
  learningRate: number;
  /** L2 penalty per update on the weights a text touches. */
  l2: number;
  /** A feature must occur in at least this many training texts to be learnt. */
  minCount: number;
  /** After training, keep at most this many sparse features (largest weights first). */
  maxFeatures: number;
  /** Weight classes inversely to their frequency (better macro-F1 on skewed data). */
  balanced: boolean;
  /** Seed of the PRNG that orders the SGD passes. */
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 10,
  learningRate: 0.1,
  l2: 1e-4,
  minCount: 2,
  maxFeatures: 20_000,
  balanced: true,
  seed: 1,
};

/** Dense features, in this order: always 1, the built-in score, and the built-in call as two 0/1 flags. */
export const DENSE_FEATURES = ['bias', 'lexiconScore', 'lexiconPositive', 'lexiconNegative'] as const;
type DenseName = (typeof DENSE_FEATURES)[number];

/** A trained model as written to disk: plain JSON, one weight per label for every feature. */
export interface SentimentModel {
  version: typeof MODEL_VERSION;
  kind: typeof MODEL_KIND;
  labels: SentimentLabel[];
  dense: Record<DenseName, number[]>;
  /** Sparse feature → weights (one per label), keys sorted. */
  features: Record<string, number[]>;
  options: TrainOptions;
  trainedOn: { n: number; labels: Partial<Record<SentimentLabel, number>>; languages: Partial<Record<Lang, number>> };
}

export interface Prediction {
  label: SentimentLabel;
  /** P(positive) − P(negative): −1 … +1, comparable to the built-in analyser's score. */
  score: number;
  /** Probability of the predicted label. */
  confidence: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Features

// A negator's scope (the next few words of the clause) gets its own features: "nicht pünktlich" is not
// "pünktlich". The bigrams catch what the negator list misses.
const NEGATION_SCOPE = 3;
const MIN_STEM_WORD = 4;

interface Prepared {
  /** Sparse feature names, unique, sorted. */
  sparse: string[];
  dense: number[];
  label: SentimentLabel;
}

/** Short words and words with digits or foreign letters are their own feature: stems only merge inflections. */
function stemOf(word: string, lang: Lang): string {
  if (word.length < MIN_STEM_WORD || /[^a-z]/.test(word)) return word;
  return stem(word, lang === 'de' ? 'de' : 'en');
}


/** The sparse features of one text (unique, sorted). */
export function textFeatures(text: string, lang: Lang): string[] {
  const features = new Set<string>();
  let previous: string | null = null;
  let negLeft = 0;
  const negators = negatorsOf(lang);
  for (const token of tokenize(text)) {
    if (token.kind === 'stop') {
      previous = null;
      negLeft = 0;
      continue;
    }
    // "@airline" opens most tweets; like links, numbers and addresses it says nothing about feeling.
    if (token.kind === 'mention' || token.kind === 'url' || token.kind === 'email' || token.kind === 'number' || token.kind === 'entity') continue;
    let unit: string;
    if (token.kind === 'word') {
      const word = token.folded;
      unit = word;
      features.add(`w:${word}`);
      const stem = stemOf(word, lang);
      if (stem !== word) features.add(`s:${stem}`);
      if (negLeft > 0) {
        features.add(`n:${stem}`);
        negLeft--;
      }
      if (isNegator(negators, word)) negLeft = NEGATION_SCOPE;
    } else {
      unit = token.norm;
      features.add(`t:${unit}`);
    }
    if (previous !== null) features.add(`b:${previous} ${unit}`);
    previous = unit;
  }
  return [...features].sort(byCodePoint);
}

function denseFeatures(text: string, lang: Lang): number[] {
  const builtIn = scoreSentiment(text, lang);
  return [1, builtIn.score, builtIn.label === 'positive' ? 1 : 0, builtIn.label === 'negative' ? 1 : 0];
}

/**
 * Each sparse feature of a text counts 1/√n, n = all its features (known to the model or not), so a long text
 * does not outweigh a short one. Counting unknown features too keeps training and prediction on the same scale
 * however many rare features were pruned from the model.
 */
function textWeight(features: number): number {
  return features ? 1 / Math.sqrt(features) : 0;
}

function prepare(example: Example): Prepared {
  const lang = example.lang ?? detectLanguage(example.text);
  return { sparse: textFeatures(example.text, lang), dense: denseFeatures(example.text, lang), label: example.label };
}

// ---------------------------------------------------------------------------------------------------------------
// PRNG and shuffling

/** mulberry32: a tiny seeded PRNG, so shuffles and folds are the same on every run and machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

// ---------------------------------------------------------------------------------------------------------------
// Training

const round = (x: number): number => {
  const r = Math.round(x * 1e3) / 1e3;
  return r === 0 ? 0 : r; // no "-0" in the file
};

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c]! - max);
    sum += z[c]!;
  }
  for (let c = 0; c < z.length; c++) z[c] = z[c]! / sum;
}

function countBy<K extends string>(keys: readonly K[]): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const key of [...keys].sort(byCodePoint)) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/** A training text as SGD sees it: vocabulary indices, the weight each sparse feature counts with, dense features, class. */
interface Row {
  indices: number[];
  value: number;
  dense: number[];
  y: number;
}

/** Features seen in at least minCount texts, sorted so indices do not depend on input order. */
function vocabularyOf(data: readonly Prepared[], minCount: number): string[] {
  const documentFrequency = new Map<string, number>();
  for (const d of data) for (const f of d.sparse) documentFrequency.set(f, (documentFrequency.get(f) ?? 0) + 1);
  return [...documentFrequency].filter(([, n]) => n >= minCount).map(([f]) => f).sort(byCodePoint);
}

function rowsOf(data: readonly Prepared[], vocabulary: readonly string[], labels: readonly SentimentLabel[]): Row[] {
  const featureIndex = new Map(vocabulary.map((f, i) => [f, i]));
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  return data.map((d) => {
    const indices = d.sparse.map((f) => featureIndex.get(f)).filter((i): i is number => i !== undefined);
    return { indices, value: textWeight(d.sparse.length), dense: d.dense, y: labelIndex.get(d.label)! };
  });
}

/**
 * Weights after AdaGrad SGD with L2: dense block first (D × K), then sparse (V × K). Rows are visited in an order
 * shuffled by the seeded PRNG; classes are weighted inversely to their frequency when `balanced`.
 */
function sgd(rows: readonly Row[], K: number, features: number, options: TrainOptions): Float64Array {
  const D = DENSE_FEATURES.length;
  const classWeight = Array.from({ length: K }, (_, c) => rows.filter((r) => r.y === c).length).map((n) => (options.balanced ? rows.length / (K * n) : 1));
  const weights = new Float64Array((D + features) * K);
  const squares = new Float64Array(weights.length).fill(1e-8);
  const update = (offset: number, x: number, gradient: Float64Array) => {
    for (let c = 0; c < K; c++) {
      const w = offset * K + c;
      const g = gradient[c]! * x + options.l2 * weights[w]!;
      squares[w]! += g * g;
      weights[w]! -= (options.learningRate * g) / Math.sqrt(squares[w]!);
    }
  };
  const random = seededRandom(options.seed);
  const order = rows.map((_, i) => i);
  const z = new Float64Array(K);
  const gradient = new Float64Array(K);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const row = rows[i]!;
      scoresInto(z, weights, row, K);
      softmaxInPlace(z);
      for (let c = 0; c < K; c++) gradient[c] = (z[c]! - (c === row.y ? 1 : 0)) * classWeight[row.y]!;
      for (let d = 0; d < D; d++) update(d, row.dense[d]!, gradient);
      for (const f of row.indices) update(D + f, row.value, gradient);
    }
  }
  return weights;
}

/** The raw class scores of one row under the current weights. */
function scoresInto(z: Float64Array, weights: Float64Array, row: Row, K: number): void {
  const D = DENSE_FEATURES.length;
  for (let c = 0; c < K; c++) {
    let s = 0;
    for (let d = 0; d < D; d++) s += weights[d * K + c]! * row.dense[d]!;
    for (const f of row.indices) s += weights[(D + f) * K + c]! * row.value;
    z[c] = s;
  }
}

/** Rounded weights as the model file holds them; keeps the features that matter most (largest weight spread). */
function modelWeights(weights: Float64Array, vocabulary: readonly string[], K: number, maxFeatures: number): Pick<SentimentModel, 'dense' | 'features'> {
  const D = DENSE_FEATURES.length;
  const weightsOf = (offset: number) => Array.from({ length: K }, (_, c) => round(weights[offset * K + c]!));
  const dense = Object.fromEntries(DENSE_FEATURES.map((name, d) => [name, weightsOf(d)])) as Record<DenseName, number[]>;
  // Drop the features rounding made all-zero.
  const kept = vocabulary
    .map((name, f) => ({ name, w: weightsOf(D + f) }))
    .filter((f) => f.w.some((w) => w !== 0))
    .map((f) => ({ ...f, spread: Math.max(...f.w) - Math.min(...f.w) }))
    .sort((a, b) => b.spread - a.spread || byCodePoint(a.name, b.name))
    .slice(0, maxFeatures)
    .sort((a, b) => byCodePoint(a.name, b.name));
  return { dense, features: Object.fromEntries(kept.map((f) => [f.name, f.w])) };
}

function trainPrepared(data: readonly Prepared[], options: TrainOptions, languages: Partial<Record<Lang, number>>): SentimentModel {
  if (data.length === 0) throw new Error('cannot train a model on no examples');
  const labels = SENTIMENT_LABELS.filter((label) => data.some((d) => d.label === label));
  if (labels.length < 2) throw new Error(`cannot train a model on one label only (${labels.join(', ')}); label at least two of negative, neutral, positive`);
  const vocabulary = vocabularyOf(data, options.minCount);
  const weights = sgd(rowsOf(data, vocabulary, labels), labels.length, vocabulary.length, options);
  return {
    version: MODEL_VERSION,
    kind: MODEL_KIND,
    labels,
    ...modelWeights(weights, vocabulary, labels.length, options.maxFeatures),
    options,
    trainedOn: { n: data.length, labels: countBy(data.map((d) => d.label)), languages },
  };
}

/** Train a model on labelled texts. Same examples and options → the same model, byte for byte once serialised. */
export function trainModel(examples: readonly Example[], options: Partial<TrainOptions> = {}): SentimentModel {
  const full: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const langs = examples.map((e) => e.lang ?? detectLanguage(e.text));
  const prepared = examples.map((e, i) => prepare({ ...e, lang: langs[i] }));
  return trainPrepared(prepared, full, countBy(langs));
}

// ---------------------------------------------------------------------------------------------------------------
// Prediction

const lookups = new WeakMap<SentimentModel, Map<string, number[]>>();

function lookupOf(model: SentimentModel): Map<string, number[]> {
  let lookup = lookups.get(model);
  if (!lookup) {
    lookup = new Map(Object.entries(model.features));
    lookups.set(model, lookup);
  }
  return lookup;
}

function predictPrepared(model: SentimentModel, sparse: readonly string[], dense: readonly number[]): Prediction {
  const K = model.labels.length;
  const lookup = lookupOf(model);
  const known = sparse.map((f) => lookup.get(f)).filter((w): w is number[] => w !== undefined);
  const value = textWeight(sparse.length);
  const z = new Float64Array(K);
  for (let c = 0; c < K; c++) {
    let s = 0;
    DENSE_FEATURES.forEach((name, d) => (s += model.dense[name][c]! * dense[d]!));
    for (const w of known) s += w[c]! * value;
    z[c] = s;
  }
  softmaxInPlace(z);
  let best = 0;
  for (let c = 1; c < K; c++) if (z[c]! > z[best]!) best = c;
  const p = (label: SentimentLabel) => {
    const i = model.labels.indexOf(label);
    return i < 0 ? 0 : z[i]!;
  };
  return { label: model.labels[best]!, score: Math.max(-1, Math.min(1, p('positive') - p('negative'))), confidence: z[best]! };
}

/**
 * Classify one text. Only features the model kept count, so unseen words are simply ignored (the vector is
 * normalised over the known ones, as in training where rare features were not part of the vocabulary).
 */
export function predict(model: SentimentModel, text: string, lang: Lang): Prediction {
  return predictPrepared(model, textFeatures(text, lang), denseFeatures(text, lang));
}

// ---------------------------------------------------------------------------------------------------------------
// Cross-validation

export interface CrossValidation {
  k: number;
  seed: number;
  /** Agreement of each fold's held-out predictions with the gold labels. */
  folds: Agreement[];
  meanMacroF1: number;
  meanAccuracy: number;
  meanKappa: number;
  /** Every row predicted once, by the model that did not see it. */
  pooled: Agreement;
}

/**
 * Stratified fold assignment: each label's rows are shuffled (seeded) and dealt round-robin, continuing the deal
 * across labels, so every fold gets each label in proportion and fold sizes differ by at most one.
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): number[] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`folds: expected a whole number ≥ 2, got ${k}`);
  if (labels.length < k) throw new Error(`cannot split ${labels.length} rows into ${k} folds`);
  const random = seededRandom(seed);
  const fold = new Array<number>(labels.length).fill(-1);
  let next = 0;
  for (const label of [...new Set(labels)].sort(byCodePoint)) {
    const rows = shuffle(labels.flatMap((l, i) => (l === label ? [i] : [])), random);
    for (const i of rows) {
      fold[i] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}

/** k-fold cross-validation: train on k−1 folds, predict the held-out one, for each fold. */
export function crossValidate(examples: readonly Example[], k = 5, seed = 1, options: Partial<TrainOptions> = {}): CrossValidation {
  const full: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, seed, ...options };
  const prepared = examples.map(prepare); // text features do not depend on the fold, only the vocabulary does
  const fold = stratifiedFolds(examples.map((e) => e.label), k, seed);
  const labels = SENTIMENT_LABELS.filter((l) => examples.some((e) => e.label === l));
  const predicted = new Array<SentimentLabel>(examples.length);
  const folds: Agreement[] = [];
  for (let f = 0; f < k; f++) {
    const train = prepared.filter((_, i) => fold[i] !== f);
    const model = trainPrepared(train, full, {});
    const held = prepared.flatMap((p, i) => (fold[i] === f ? [i] : []));
    for (const i of held) predicted[i] = predictPrepared(model, prepared[i]!.sparse, prepared[i]!.dense).label;
    folds.push(agreement(held.map((i) => prepared[i]!.label), held.map((i) => predicted[i]!), labels));
  }
  const mean = (pick: (a: Agreement) => number) => folds.reduce((s, a) => s + pick(a), 0) / folds.length;
  return {
    k,
    seed,
    folds,
    meanMacroF1: mean((a) => a.macroF1),
    meanAccuracy: mean((a) => a.accuracy),
    meanKappa: mean((a) => a.kappa),
    pooled: agreement(prepared.map((p) => p.label), predicted, labels),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Files

/** A model file that cannot be read or is not a thick model; the message names the file and the bad key. */
export class ModelError extends Error {
  override name = 'ModelError';
}

const labelSchema = z.enum(['negative', 'neutral', 'positive']);
const weightList = z.array(z.number().finite(), { error: 'expected an array of numbers' });

const modelSchema = z
  .strictObject({
    version: z.literal(MODEL_VERSION, { error: `expected ${MODEL_VERSION} (this thick reads model version ${MODEL_VERSION})` }),
    kind: z.literal(MODEL_KIND, { error: `expected "${MODEL_KIND}"` }),
    labels: z.array(labelSchema).min(2, 'expected at least two labels'),
    dense: z.strictObject(Object.fromEntries(DENSE_FEATURES.map((name) => [name, weightList])) as Record<DenseName, typeof weightList>),
    features: z.record(z.string(), weightList),
    options: z.strictObject({
      epochs: z.number().int().nonnegative(),
      learningRate: z.number().positive(),
      l2: z.number().nonnegative(),
      minCount: z.number().int().positive(),
      maxFeatures: z.number().int().positive(),
      balanced: z.boolean(),
      seed: z.number().int(),
    }),
    trainedOn: z.strictObject({
      n: z.number().int().nonnegative(),
      labels: z.partialRecord(labelSchema, z.number().int().nonnegative()),
      languages: z.partialRecord(z.enum(['de', 'en', 'other']), z.number().int().nonnegative()),
    }),
  })
  .superRefine((model, ctx) => {
    if (new Set(model.labels).size !== model.labels.length) ctx.addIssue({ code: 'custom', path: ['labels'], message: 'duplicate label' });
    const K = model.labels.length;
    const check = (path: string[], w: number[]) => {
      if (w.length !== K) ctx.addIssue({ code: 'custom', path, message: `expected ${K} weights (one per label), got ${w.length}` });
    };
    for (const name of DENSE_FEATURES) check(['dense', name], model.dense[name]);
    for (const [name, w] of Object.entries(model.features)) check(['features', name], w);
  });

function formatPath(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(top level)';
}

/** Validate parsed JSON as a model; `file` names it in errors such as `m.json: features.gut: expected 3 weights …`. */
export function parseModel(data: unknown, file: string): SentimentModel {
  const result = modelSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem${result.error.issues.length > 2 ? 's' : ''})` : '';
    throw new ModelError(`${file}: not a thick sentiment model: ${formatPath(issue.path)}: ${issue.message}${more}`);
  }
  return result.data as SentimentModel;
}

/** The model as written to disk: compact JSON plus a final newline. */
export function serialiseModel(model: SentimentModel): string {
  return `${JSON.stringify(model)}\n`;
}
