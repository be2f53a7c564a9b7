import { describe, expect, it } from 'vitest';
import { agreement } from './agreement.js';

describe('agreement', () => {
  // Hand-computed example, three classes, 10 items:
  //            predicted: neg neu pos
  //   gold neg             3   1   0   (4)
  //   gold neu             1   3   1   (5)
  //   gold pos             0   0   1   (1)
  //   column sums          4   4   2
  const gold = ['neg', 'neg', 'neg', 'neg', 'neu', 'neu', 'neu', 'neu', 'neu', 'pos'];
  const pred = ['neg', 'neg', 'neg', 'neu', 'neg', 'neu', 'neu', 'neu', 'pos', 'pos'];
  const a = agreement(gold, pred, ['neg', 'neu', 'pos']);

  it('counts the confusion matrix with gold as rows', () => {
    expect(a.n).toBe(10);
    expect(a.confusion).toEqual({
      labels: ['neg', 'neu', 'pos'],
      matrix: [
        [3, 1, 0],
        [1, 3, 1],
        [0, 0, 1],
      ],
    });
  });

  it('computes accuracy, per-class precision/recall/F1 and macro-F1', () => {
    expect(a.accuracy).toBeCloseTo(0.7, 10);
    expect(a.perClass.neg).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75, support: 4 });
    expect(a.perClass.neu!.precision).toBeCloseTo(0.75, 10);
    expect(a.perClass.neu!.recall).toBeCloseTo(0.6, 10);
    expect(a.perClass.neu!.f1).toBeCloseTo(2 / 3, 10); // 2·0.75·0.6 / 1.35
    expect(a.perClass.pos).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
    expect(a.macroF1).toBeCloseTo((0.75 + 2 / 3 + 2 / 3) / 3, 10);
  });

  it("computes Cohen's kappa", () => {
    // expected agreement = (4·4 + 5·4 + 1·2) / 100 = 0.38; kappa = (0.7 − 0.38) / 0.62
    expect(a.kappa).toBeCloseTo(0.32 / 0.62, 10);
  });

  it('gives kappa 1 and macro-F1 1 for perfect agreement, and kappa 0 at chance', () => {
    const perfect = agreement(['a', 'b', 'a'], ['a', 'b', 'a']);
    expect(perfect.kappa).toBe(1);
    expect(perfect.macroF1).toBe(1);
    // Two raters who agree exactly as often as chance predicts: p_o = 0.5, p_e = 0.5.
    const chance = agreement(['a', 'a', 'b', 'b'], ['a', 'b', 'a', 'b']);
    expect(chance.kappa).toBeCloseTo(0, 10);
  });

  it('counts a class nobody predicted with precision 0, not NaN', () => {
    const r = agreement(['x', 'y'], ['x', 'x'], ['x', 'y']);
    expect(r.perClass.y).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(r.perClass.x!.precision).toBe(0.5);
    expect(Number.isNaN(r.macroF1)).toBe(false);
  });

  it('uses the sorted union of labels when none are given', () => {
    expect(agreement(['b', 'a'], ['c', 'a']).confusion.labels).toEqual(['a', 'b', 'c']);
  });

  it('handles one label everywhere and no items', () => {
    expect(agreement(['a', 'a'], ['a', 'a']).kappa).toBe(1);
    const empty = agreement([], [], ['a', 'b']);
    expect(empty).toMatchObject({ n: 0, accuracy: 0, macroF1: 0, kappa: 0 });
  });

  it('rejects mismatched lengths and unknown labels with a precise message', () => {
    expect(() => agreement(['a'], ['a', 'b'])).toThrow('gold has 1 labels but predicted has 2');
    expect(() => agreement(['a', 'z'], ['a', 'a'], ['a', 'b'])).toThrow('gold label "z" at item 2 is not one of a, b');
    expect(() => agreement(['a'], ['q'], ['a'])).toThrow('predicted label "q" at item 1');
    expect(() => agreement(['a'], ['a'], ['a', 'a'])).toThrow('duplicate label');
  });
});
