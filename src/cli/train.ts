// `thick train <labeled.csv> -o model.json`: train a sentiment model on the user's own labelled texts, write it,
// and say honestly how good it is: k-fold cross-validated figures, next to the built-in analyser's on the same rows.

import { agreement } from '../annotate/agreement.js';
import { crossValidate, SENTIMENT_LABELS, trainModel } from '../annotate/classifier.js';
import { saveModel } from './resources.js';
import { SCALES } from '../rating-scales.js';
import { UsageError } from './options.js';
import { DataError, readStdinFirst } from './pipeline.js';
import { describeRows, readLabeled, thickLabels } from './eval.js';
import type { IngestFlags } from './analyze.js';
import { inputName } from './stdin.js';
import { terminal } from './terminal.js';
import { rejectionJson, warnRejections } from './rejections.js';
import { jsonText } from '../profile/record.js';

export interface TrainFlags extends IngestFlags {
  out: string;
  folds: string;
  seed: string;
  json?: boolean;
  quiet?: boolean;
}

function wholeNumber(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} ${value}: expected a whole number ≥ ${min}`);
  return n;
}

const fixed = (x: number) => x.toFixed(3);
const seconds = (ms: number) => Math.round(ms) / 1000;

export async function runTrain(path: string, flags: TrainFlags): Promise<number> {
  // `-` is standard input, read before the spinner starts (stdin.ts) and named <stdin> in what is printed.
  readStdinFirst([path]);
  const file = inputName(path);
  const term = terminal(flags.quiet || flags.json);
  const k = wholeNumber('--folds', flags.folds, 2);
  const seed = wholeNumber('--seed', flags.seed, 0);
  term.step(`reading ${file}`);
  const labeled = readLabeled(path, flags);
  const examples = labeled.examples;
  const present = SENTIMENT_LABELS.filter((l) => examples.some((e) => e.label === l));
  if (present.length < 2) {
    throw new DataError(`${file}: found ${present.length ? `only "${present[0]}" labels` : 'no labelled rows'}; training needs at least two of negative, neutral, positive`);
  }
  if (examples.length < k) throw new DataError(`${file}: ${examples.length} labelled rows cannot be split into ${k} folds; use --folds with a smaller number`);

  term.step(`training on ${examples.length} rows`);
  let started = performance.now();
  const model = trainModel(examples, { seed });
  const trainMs = performance.now() - started;
  const bytes = saveModel(model, flags.out);

  term.step(`${k}-fold cross-validation`);
  started = performance.now();
  const cv = crossValidate(examples, k, seed);
  const cvMs = performance.now() - started;
  const builtIn = agreement(examples.map((e) => e.label), thickLabels(examples, null), [...SENTIMENT_LABELS]);
  term.done(`model written to ${flags.out}`);

  const run: TrainRun = { file, out: flags.out, labeled, model, bytes, k, seed, cv, builtIn, trainMs, cvMs };
  if (flags.json) process.stdout.write(trainJson(run));
  else {
    process.stdout.write(trainText(run));
    warnRejections(term, labeled.rejected);
  }
  return 0;
}

/** What one training run found, for the two ways of printing it. */
interface TrainRun {
  file: string;
  out: string;
  labeled: ReturnType<typeof readLabeled>;
  model: ReturnType<typeof trainModel>;
  bytes: number;
  k: number;
  seed: number;
  cv: ReturnType<typeof crossValidate>;
  builtIn: ReturnType<typeof agreement>;
  trainMs: number;
  cvMs: number;
}

function trainJson(run: TrainRun): string {
  const { labeled, model, cv, builtIn } = run;
  const summary = {
    file: run.file,
    columns: labeled.columns,
    labelsFrom: labeled.ratingScale ? { rating: labeled.ratingScale, mapping: SCALES[labeled.ratingScale].labels } : 'labels',
    rows: labeled.rows,
    model: { file: run.out, bytes: run.bytes, features: Object.keys(model.features).length, labels: model.labels, trainedOn: model.trainedOn, trainSeconds: seconds(run.trainMs) },
    crossValidation: {
      k: run.k,
      seed: run.seed,
      meanMacroF1: cv.meanMacroF1,
      meanAccuracy: cv.meanAccuracy,
      meanKappa: cv.meanKappa,
      foldMacroF1: cv.folds.map((f) => f.macroF1),
      foldSizes: cv.folds.map((f) => f.n),
      pooled: cv.pooled,
      seconds: seconds(run.cvMs),
    },
    builtIn: { macroF1: builtIn.macroF1, accuracy: builtIn.accuracy, kappa: builtIn.kappa },
    rejected: labeled.rejected.map(rejectionJson),
  };
  return `${jsonText(summary, 2)}\n`;
}

function trainText(run: TrainRun): string {
  const { cv, builtIn } = run;
  return [
    `${run.file}: ${describeRows(run.labeled)}`,
    `model     ${run.out}: ${Object.keys(run.model.features).length} features, ${(run.bytes / 1024).toFixed(1)} kB, trained in ${seconds(run.trainMs).toFixed(2)} s`,
    '',
    `${run.k}-fold cross-validation (stratified, seed ${run.seed}; ${seconds(run.cvMs).toFixed(2)} s):`,
    `  macro-F1  ${fixed(cv.meanMacroF1)}   per fold: ${cv.folds.map((f) => fixed(f.macroF1)).join(' ')}`,
    `  accuracy  ${fixed(cv.meanAccuracy)}`,
    `  kappa     ${fixed(cv.meanKappa)}`,
    `built-in analyser on the same rows: macro-F1 ${fixed(builtIn.macroF1)}, accuracy ${fixed(builtIn.accuracy)}, kappa ${fixed(builtIn.kappa)}`,
    '',
  ].join('\n');
}
