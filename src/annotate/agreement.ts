// Agreement between gold labels (a person's or a labelled data set's) and predicted labels
// (thick's annotator): accuracy, per-class precision/recall/F1, macro-F1, Cohen's kappa and the
// confusion matrix. Used to measure the annotators and to compare two analysts' codings.

import { byCodePoint } from '../collation.js';

export interface ClassAgreement {
  precision: number;
  recall: number;
  f1: number;
  /** How many gold items carry this label. */
  support: number;
}

export interface Agreement {
  n: number;
  accuracy: number;
  /** Unweighted mean of the per-class F1 over the labels. */
  macroF1: number;
  perClass: Record<string, ClassAgreement>;
  /** Cohen's kappa: agreement corrected for chance; 1 = perfect, 0 = chance level. */
  kappa: number;
  /** Rows are gold labels, columns predicted labels, both in `labels` order. */
  confusion: { labels: string[]; matrix: number[][] };
}

/** Precision, recall or F1 whose denominator is zero counts as 0 (the usual convention). */
function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/**
 * Compares gold and predicted labels item by item. `labels` fixes the classes and their order;
 * without it they are the labels seen in gold then predicted, sorted. A label outside an explicit
 * `labels` list is an error, so a typo cannot silently vanish from the figures.
 */
export function agreement(gold: string[], predicted: string[], labels?: string[]): Agreement {
  if (gold.length !== predicted.length) {
    throw new Error(`agreement: gold has ${gold.length} labels but predicted has ${predicted.length}`);
  }
  const classes = labels ? [...labels] : [...new Set([...gold, ...predicted])].sort(byCodePoint);
  if (new Set(classes).size !== classes.length) throw new Error(`agreement: duplicate label in ${classes.join(', ')}`);
  const index = new Map(classes.map((label, i) => [label, i]));
  const matrix = classes.map(() => classes.map(() => 0));

  for (let i = 0; i < gold.length; i++) {
    const g = index.get(gold[i]!);
    const p = index.get(predicted[i]!);
    if (g === undefined) throw new Error(`agreement: gold label "${gold[i]}" at item ${i + 1} is not one of ${classes.join(', ')}`);
    if (p === undefined) throw new Error(`agreement: predicted label "${predicted[i]}" at item ${i + 1} is not one of ${classes.join(', ')}`);
    matrix[g]![p]!++;
  }

  const n = gold.length;
  const rowSum = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const colSum = classes.map((_, c) => matrix.reduce((a, row) => a + row[c]!, 0));
  let correct = 0;
  const perClass: Record<string, ClassAgreement> = {};
  classes.forEach((label, c) => {
    const tp = matrix[c]![c]!;
    correct += tp;
    const precision = ratio(tp, colSum[c]!);
    const recall = ratio(tp, rowSum[c]!);
    perClass[label] = { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support: rowSum[c]! };
  });

  const accuracy = ratio(correct, n);
  const macroF1 = classes.length === 0 ? 0 : classes.reduce((a, l) => a + perClass[l]!.f1, 0) / classes.length;
  const expected = n === 0 ? 0 : classes.reduce((a, _, c) => a + rowSum[c]! * colSum[c]!, 0) / (n * n);
  // When chance agreement is already total (one class everywhere), kappa is 1 if observed agrees fully too.
  const kappa = expected === 1 ? (accuracy === 1 ? 1 : 0) : (accuracy - expected) / (1 - expected);

  return { n, accuracy, macroF1, perClass, kappa, confusion: { labels: classes, matrix } };
}
