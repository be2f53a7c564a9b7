import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SentimentLabel } from '../model.js';
import {
  crossValidate,
  ModelError,
  predict,
  serialiseModel,
  stratifiedFolds,
  textFeatures,
  trainModel,
  type Example,
} from './classifier.js';
import { loadModel, saveModel } from '../cli/resources.js';

// A toy domain where the built-in lexicon knows nothing: the label is carried by made-up words only.
const TOY: Example[] = [
  ...['zorp', 'zorp blip', 'blip zorp', 'zorp zorp', 'blip', 'blip blip zorp'].map((t) => ({ text: `the parcel was ${t}`, label: 'positive' as const })),
  ...['grelk', 'grelk vunt', 'vunt grelk', 'vunt', 'grelk grelk', 'vunt vunt'].map((t) => ({ text: `the parcel was ${t}`, label: 'negative' as const })),
  ...['quib', 'quib plonk', 'plonk', 'plonk quib', 'quib quib', 'plonk plonk'].map((t) => ({ text: `the parcel was ${t}`, label: 'neutral' as const })),
].map((e) => ({ ...e, lang: 'en' as const }));

const tempDir = () => mkdtempSync(join(tmpdir(), 'thick-classifier-'));

describe('trainModel and predict', () => {
  it('learns a separable toy set, including texts it has not seen', () => {
    const model = trainModel(TOY, { epochs: 30 });
    for (const example of TOY) expect(predict(model, example.text, 'en').label).toBe(example.label);
    expect(predict(model, 'honestly, zorp!', 'en').label).toBe('positive');
    expect(predict(model, 'vunt and grelk again', 'en').label).toBe('negative');
    expect(predict(model, 'plonk', 'en').label).toBe('neutral');
  });

  it('gives a score in -1…1 that leans with the label, and the confidence of the label', () => {
    const model = trainModel(TOY, { epochs: 30 });
    const good = predict(model, 'zorp blip', 'en');
    const bad = predict(model, 'grelk vunt', 'en');
    expect(good.score).toBeGreaterThan(0.3);
    expect(bad.score).toBeLessThan(-0.3);
    for (const p of [good, bad]) {
      expect(Math.abs(p.score)).toBeLessThanOrEqual(1);
      expect(p.confidence).toBeGreaterThan(1 / 3);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('uses the built-in analyser as a feature: words the toy set never saw still carry their lexicon sentiment', () => {
    const examples: Example[] = [
      { text: 'terrible awful broken', label: 'negative' },
      { text: 'horrible useless rude', label: 'negative' },
      { text: 'wonderful great lovely', label: 'positive' },
      { text: 'excellent amazing fantastic', label: 'positive' },
      { text: 'the box arrived on tuesday', label: 'neutral' },
      { text: 'my order number is here', label: 'neutral' },
    ];
    const model = trainModel(examples, { epochs: 40, minCount: 1 });
    expect(predict(model, 'absolutely disgusting', 'en').label).toBe('negative');
    expect(predict(model, 'brilliant, I love it', 'en').label).toBe('positive');
  });

  it('is deterministic: the same examples give a byte-identical model', () => {
    expect(serialiseModel(trainModel(TOY))).toBe(serialiseModel(trainModel(TOY)));
  });

  it('records what it was trained on and keeps only features seen in at least minCount texts', () => {
    const model = trainModel(TOY);
    expect(model.labels).toEqual(['negative', 'neutral', 'positive']);
    expect(model.trainedOn).toEqual({ n: 18, labels: { negative: 6, neutral: 6, positive: 6 }, languages: { en: 18 } });
    expect(Object.keys(model.features)).toContain('w:zorp');
    expect(Object.keys(model.features)).toContain('b:blip zorp'); // in two texts
    expect(Object.keys(model.features)).not.toContain('b:zorp zorp'); // in one text only
    expect(Object.keys(model.features)).toEqual([...Object.keys(model.features)].sort());
  });

  it('refuses to train on fewer than two labels', () => {
    expect(() => trainModel(TOY.filter((e) => e.label === 'positive'))).toThrow(/at least two/);
    expect(() => trainModel([])).toThrow(/no examples/);
  });
});

describe('textFeatures', () => {
  it('folds German spelling, adds stems, bigrams within a clause and negated words, and skips @mentions', () => {
    const features = textFeatures('@bahn Nicht pünktlich. Züge fahren', 'de');
    expect(features).toContain('w:puenktlich');
    expect(features).toContain('b:nicht puenktlich');
    expect(features).toContain('n:puenktlich');
    expect(features).toContain('s:fahr'); // Porter stem of "fahren"
    expect(features).not.toContain('b:puenktlich zuege'); // the full stop ends the clause
    expect(features.some((f) => f.includes('@'))).toBe(false);
  });
});

describe('stratifiedFolds and crossValidate', () => {
  const labels: SentimentLabel[] = [
    ...Array<SentimentLabel>(23).fill('negative'),
    ...Array<SentimentLabel>(11).fill('neutral'),
    ...Array<SentimentLabel>(7).fill('positive'),
  ];

  it('puts every row in exactly one fold, with each label spread evenly and fold sizes within one', () => {
    const k = 5;
    const fold = stratifiedFolds(labels, k, 7);
    expect(fold).toHaveLength(labels.length);
    expect(fold.every((f) => Number.isInteger(f) && f >= 0 && f < k)).toBe(true);
    const sizes = Array.from({ length: k }, (_, f) => fold.filter((x) => x === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const label of ['negative', 'neutral', 'positive']) {
      const perFold = Array.from({ length: k }, (_, f) => fold.filter((x, i) => x === f && labels[i] === label).length);
      expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
    }
  });

  it('is seeded: the same seed gives the same folds, another seed other folds', () => {
    expect(stratifiedFolds(labels, 5, 3)).toEqual(stratifiedFolds(labels, 5, 3));
    expect(stratifiedFolds(labels, 5, 3)).not.toEqual(stratifiedFolds(labels, 5, 4));
  });

  it('rejects fold counts that cannot work', () => {
    expect(() => stratifiedFolds(labels, 1, 1)).toThrow(/≥ 2/);
    expect(() => stratifiedFolds(['a', 'b'], 5, 1)).toThrow(/cannot split 2 rows into 5 folds/);
  });

  it('predicts every row once, held out, and averages the folds', () => {
    const cv = crossValidate(TOY, 3, 1, { epochs: 30 });
    expect(cv.folds).toHaveLength(3);
    expect(cv.folds.reduce((n, f) => n + f.n, 0)).toBe(TOY.length);
    expect(cv.pooled.n).toBe(TOY.length);
    expect(cv.meanMacroF1).toBeCloseTo(cv.folds.reduce((s, f) => s + f.macroF1, 0) / 3, 10);
    expect(cv.meanMacroF1).toBeGreaterThan(0.8); // the toy set is separable on held-out rows too
    expect(crossValidate(TOY, 3, 1, { epochs: 30 })).toEqual(cv);
  });
});

describe('saveModel and loadModel', () => {
  it('round-trips a model through its file', () => {
    const dir = tempDir();
    const model = trainModel(TOY);
    const bytes = saveModel(model, join(dir, 'm.json'));
    expect(bytes).toBeGreaterThan(100);
    const loaded = loadModel(join(dir, 'm.json'));
    expect(loaded).toEqual(model);
    expect(predict(loaded, 'zorp', 'en')).toEqual(predict(model, 'zorp', 'en'));
  });

  const broken = (change: (model: Record<string, any>) => void): string => {
    const dir = tempDir();
    const model = JSON.parse(serialiseModel(trainModel(TOY))) as Record<string, any>;
    change(model);
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify(model));
    return path;
  };

  it('names the file and the bad key', () => {
    const wrongWeights = broken((m) => (m.features['w:zorp'] = [1, 2]));
    expect(() => loadModel(wrongWeights)).toThrow(ModelError);
    expect(() => loadModel(wrongWeights)).toThrow(`${wrongWeights}: not a thick sentiment model: features.w:zorp: expected 3 weights (one per label), got 2`);
    expect(() => loadModel(broken((m) => (m.labels = ['negative', 'happy'])))).toThrow(/bad\.json: .*labels\.1:/);
    expect(() => loadModel(broken((m) => (m.version = 2)))).toThrow(/bad\.json: .*version: expected 1/);
    expect(() => loadModel(broken((m) => (m.dense.bias = 'x')))).toThrow(/dense\.bias: expected an array of numbers/);
    expect(() => loadModel(broken((m) => (m.extra = true)))).toThrow(/\(top level\).*extra/);
    expect(() => loadModel(broken((m) => delete m.trainedOn))).toThrow(/trainedOn/);
  });

  it('says when the file is missing or not JSON', () => {
    const dir = tempDir();
    expect(() => loadModel(join(dir, 'nope.json'))).toThrow(/nope\.json: cannot read model \(no such file\)/);
    writeFileSync(join(dir, 'x.json'), '{ not json');
    expect(() => loadModel(join(dir, 'x.json'))).toThrow(/x\.json: not valid JSON/);
  });
});
