import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRAND, DEMO, runThick, tempDir, type Run } from './helpers.js';

const EN = 'fixtures/labeled/feedback-en.csv';
const DE = 'fixtures/labeled/feedback-de.csv';
const BAD = 'fixtures/labeled/bad-labels.csv';
const LABELS = ['negative', 'neutral', 'positive'];

interface EvalJson {
  rows: { read: number; used: number; rejected: number };
  columns: { text: string; label: string };
  analyser: { kind: string };
  labels: Record<string, number>;
  n: number;
  accuracy: number;
  macroF1: number;
  kappa: number;
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  confusion: { labels: string[]; matrix: number[][] };
  rejected: { line: number; reason: string }[];
}

const evalJson = async (args: string[]): Promise<EvalJson> => {
  const run = await runThick(['eval', ...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as EvalJson;
};

/** Gold labels of the English fixture, in row order: the last field of each line. */
const goldOf = (file: string): string[] =>
  readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => line.slice(line.lastIndexOf(',') + 1));

/** The English fixture with positive and negative swapped: a model trained on it contradicts the built-in analyser. */
function contrarianFile(dir: string): string {
  const swapped = readFileSync(EN, 'utf8').replace(/,(positive|negative)$/gm, (_, l: string) => (l === 'positive' ? ',negative' : ',positive'));
  const path = join(dir, 'contrarian.csv');
  writeFileSync(path, swapped);
  return path;
}

describe('thick eval', () => {
  it('prints accuracy, macro-F1, kappa, per-class figures and the confusion matrix', async () => {
    const run = await runThick(['eval', EN]);
    expect(run.code).toBe(0);
    for (const heading of ['accuracy', 'macro-F1', 'kappa', 'precision', 'recall', 'support', 'confusion', 'gold \\ thick']) {
      expect(run.stdout).toContain(heading);
    }
    expect(run.stdout).toMatch(/90 rows read, 90 used, 0 rejected/);
    expect(run.stdout).toMatch(/negative 30, neutral 30, positive 30/);
    expect(run.stdout).toMatch(/built-in analyser/);
    for (const label of LABELS) expect(run.stdout).toMatch(new RegExp(`^${label}\\s+\\d\\.\\d{3}\\s+\\d\\.\\d{3}\\s+\\d\\.\\d{3}\\s+30$`, 'm'));
  });

  it('agrees with itself in JSON: the confusion matrix adds up to the rows and gives the accuracy', async () => {
    const result = await evalJson([EN]);
    expect(result.analyser.kind).toBe('built-in');
    expect(result.rows).toEqual({ read: 90, used: 90, rejected: 0 });
    expect(result.confusion.labels).toEqual(LABELS);
    const total = result.confusion.matrix.flat().reduce((a, b) => a + b, 0);
    const diagonal = result.confusion.matrix.reduce((a, row, i) => a + row[i]!, 0);
    expect(total).toBe(90);
    expect(result.accuracy).toBeCloseTo(diagonal / 90, 10);
    expect(result.macroF1).toBeGreaterThan(0.5); // the built-in analyser is far better than chance on plain feedback
  });

  it('reads a German semicolon file with a "Stimmung" column and positiv/negativ labels', async () => {
    const result = await evalJson([DE]);
    expect(result.columns).toEqual({ text: 'Kommentar', label: 'Stimmung' });
    expect(result.labels).toEqual({ negative: 30, neutral: 30, positive: 30 });
    expect(result.rows.rejected).toBe(0);
  });

  it('normalises label spellings and rejects rows without text or with an unknown label, with the reason', async () => {
    const run = await runThick(['eval', BAD]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/12 rows read, 8 used, 4 rejected/);
    expect(run.stderr).toContain(`${BAD}:7:2: unknown label "maybe" (expected negative, neutral or positive)`);
    expect(run.stderr).toContain(`${BAD}:13:2: unknown label "very bad"`);
    const result = await evalJson([BAD]);
    expect(result.rows).toEqual({ read: 12, used: 8, rejected: 4 });
    expect(result.labels).toEqual({ negative: 3, neutral: 2, positive: 3 }); // POS, +1, positiv / Negative, -1, neg / 0, Neutral
    expect(result.rejected.map((r) => [r.line, r.reason.split(' (')[0]])).toEqual([
      [7, 'unknown label "maybe"'],
      [8, 'no label'],
      [10, 'no text'],
      [13, 'unknown label "very bad"'],
    ]);
  });

  it('finds columns named by --map, and says which flag to use when it cannot find them', async () => {
    const dir = tempDir();
    const file = join(dir, 'survey.csv');
    writeFileSync(file, 'Satz,Urteil\nGreat beans,pos\nParcel lost,neg\nWhat is the price?,neu\n');
    const missing = await runThick(['eval', file]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--map text=<Column>');
    const noLabel = await runThick(['eval', file, '--map', 'text=Satz']);
    expect(noLabel.code).toBe(2);
    expect(noLabel.stderr).toMatch(/no label or rating column found among Satz, Urteil.*--map label=<Column> or --map rating=<Column>/);
    const result = await evalJson([file, '--map', 'text=Satz,label=Urteil']);
    expect(result.rows).toEqual({ read: 3, used: 3, rejected: 0 });
    expect(result.labels).toEqual({ negative: 1, neutral: 1, positive: 1 });
  });

  it('says when most texts are in a language the built-in analyser does not read', async () => {
    const dir = tempDir();
    const file = join(dir, 'avaliacoes.csv');
    writeFileSync(file, 'text,rating\nO produto chegou quebrado e atrasado,1\n"Muito bom, recomendo a loja",5\n"Entrega rápida, produto de qualidade",5\n');
    const run = await runThick(['eval', file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('3 of 3 texts are in a language the built-in analyser does not read');
    const english = await runThick(['eval', 'fixtures/presets/amazon-reviews.csv']);
    expect(english.stderr).not.toContain('does not read');
    // "ok", emoji and numbers are in no language at all: no warning about them.
    const short = join(dir, 'short.csv');
    writeFileSync(short, 'text,label\nok,neutral\n👍,positive\n👎,negative\n10,positive\n:),positive\nThe parcel came late.,negative\n');
    expect((await runThick(['eval', short])).stderr).not.toContain('does not read');
  });

  it('takes a rating column as the label when there is no label column, and prints the mapping it used', async () => {
    const run = await runThick(['eval', 'fixtures/presets/amazon-reviews.csv']);
    expect(run.code).toBe(0);
    // Stars 5, 4, 1, 2, 5, 3, 5.
    expect(run.stdout).toContain(
      'fixtures/presets/amazon-reviews.csv: 7 rows read, 7 used, 0 rejected; labels from the rating column "Score" (1–5 stars; 1–2 negative, 3 neutral, 4–5 positive): negative 2, neutral 1, positive 4',
    );
    // Read as annotate reads it: the review preset joins each review's title and body into one text.
    expect((await evalJson(['fixtures/presets/amazon-reviews.csv']) as EvalJson & { preset: string }).preset).toBe('amazon-reviews');
    const dir = tempDir();
    const nps = join(dir, 'nps.csv');
    writeFileSync(nps, 'Kommentar;NPS\nNie wieder, furchtbar;2\nGanz okay;7\nSuper, gerne wieder!;10\nHm;11\n');
    const json = await evalJson([nps]) as EvalJson & { labelsFrom: unknown };
    expect(json.labels).toEqual({ negative: 1, neutral: 1, positive: 1 });
    expect(json.labelsFrom).toEqual({ rating: 'nps', mapping: '0–6 negative (detractors), 7–8 neutral (passives), 9–10 positive (promoters)' });
    expect(json.rejected.map((r) => [r.line, r.reason])).toEqual([[5, 'rating: 11 is outside the NPS 0–10 scale']]);
    // --map label=<a rating column> reads it as ratings too, not "1" as positive.
    const stars = join(dir, 'stars.csv');
    writeFileSync(stars, 'text,stars\nawful,1\nmeh,3\ngreat,5\n');
    expect((await evalJson([stars, '--map', 'label=stars'])).labels).toEqual({ negative: 1, neutral: 1, positive: 1 });
  });

  it('exits 1 for a missing input and 2 for a missing or malformed model', async () => {
    expect((await runThick(['eval', 'fixtures/labeled/nope.csv'])).code).toBe(1);
    const missingModel = await runThick(['eval', EN, '--model', 'nope.json']);
    expect(missingModel.code).toBe(2);
    expect(missingModel.stderr).toContain('nope.json: cannot read model (no such file)');
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ version: 1, kind: 'something-else' }));
    const bad = await runThick(['eval', EN, '--model', join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: not a thick sentiment model: kind:/);
  });
});

describe('thick train', () => {
  let dir: string;
  let model: string;
  let run: Run;

  beforeAll(async () => {
    dir = tempDir();
    model = join(dir, 'model.json');
    run = await runThick(['train', EN, '-o', model]);
  });

  it('writes a model and prints the cross-validated figures next to the built-in analyser', () => {
    expect(run.code, run.stderr).toBe(0);
    const written = JSON.parse(readFileSync(model, 'utf8'));
    expect(written.kind).toBe('thick-sentiment-logreg');
    expect(written.trainedOn.n).toBe(90);
    expect(run.stdout).toMatch(/5-fold cross-validation \(stratified, seed 1/);
    expect(run.stdout).toMatch(/macro-F1\s+\d\.\d{3}\s+per fold:( \d\.\d{3}){5}\n/);
    expect(run.stdout).toMatch(/accuracy\s+\d\.\d{3}/);
    expect(run.stdout).toMatch(/kappa\s+-?\d\.\d{3}/);
    expect(run.stdout).toMatch(/built-in analyser on the same rows: macro-F1 \d\.\d{3}/);
    expect(run.stdout).toMatch(/\d+ features, [\d.]+ kB/);
  });

  it('is deterministic: training again gives a byte-identical model and the same figures', async () => {
    const again = join(dir, 'again.json');
    const second = await runThick(['train', EN, '-o', again, '--json']);
    expect(second.code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(model, 'utf8'));
    const third = JSON.parse((await runThick(['train', EN, '-o', again, '--json'])).stdout);
    const figures = JSON.parse(second.stdout);
    expect(third.crossValidation.foldMacroF1).toEqual(figures.crossValidation.foldMacroF1);
  });

  it('honours --folds and --seed, and every row is held out exactly once', async () => {
    const result = JSON.parse((await runThick(['train', DE, '-o', join(dir, 'de.json'), '--folds', '3', '--seed', '7', '--json'])).stdout);
    expect(result.crossValidation.k).toBe(3);
    expect(result.crossValidation.seed).toBe(7);
    expect(result.crossValidation.foldMacroF1).toHaveLength(3);
    expect(result.crossValidation.foldSizes).toEqual([30, 30, 30]);
    expect(result.crossValidation.pooled.n).toBe(90);
  });

  it('learns the labels it is given: on its own training rows it beats the built-in analyser', async () => {
    const trained = await evalJson([EN, '--model', model]);
    const builtIn = await evalJson([EN]);
    expect(trained.analyser.kind).toBe('model');
    expect(trained.macroF1).toBeGreaterThan(builtIn.macroF1);
  });

  it('trains on a rating column with --map rating=…, printing the mapping', async () => {
    const dir = tempDir();
    const file = join(dir, 'rated.csv');
    const rows = readFileSync(EN, 'utf8').trim().split('\n').slice(1).map((line) => {
      const label = line.slice(line.lastIndexOf(',') + 1);
      return `${line.slice(0, line.lastIndexOf(','))},${label === 'negative' ? 1 : label === 'neutral' ? 3 : 5}`;
    });
    writeFileSync(file, `id,text,Punkte\n${rows.join('\n')}\n`);
    const run = await runThick(['train', file, '--map', 'rating=Punkte', '-o', join(dir, 'model.json')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('labels from the rating column "Punkte" (1–5 stars; 1–2 negative, 3 neutral, 4–5 positive): negative 30, neutral 30, positive 30');
  });

  it('exits 2 on bad flags and 1 when the labels cannot train a model', async () => {
    expect((await runThick(['train', EN, '-o', join(dir, 'x.json'), '--folds', '1'])).code).toBe(2);
    expect((await runThick(['train', EN, '-o', join(dir, 'x.json'), '--seed', 'abc'])).code).toBe(2);
    expect((await runThick(['train', EN])).code).toBe(2); // -o is required
    const oneLabel = join(dir, 'one.csv');
    writeFileSync(oneLabel, 'text,label\nGreat,positive\nLovely,positive\nNice,positive\n');
    const run1 = await runThick(['train', oneLabel, '-o', join(dir, 'x.json')]);
    expect(run1.code).toBe(1);
    expect(run1.stderr).toContain('training needs at least two of negative, neutral, positive');
  });
});

describe('--model on annotate and analyze', () => {
  let dir: string;
  let contrarian: string;

  beforeAll(async () => {
    dir = tempDir();
    contrarian = join(dir, 'contrarian.json');
    expect((await runThick(['train', contrarianFile(dir), '-o', contrarian, '-q'])).code).toBe(0);
  });

  const sentiments = (file: string): { label: string; score: number }[] =>
    readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line).sentiment);

  it('annotate uses the model: its labels are the ones eval --model measures', async () => {
    const model = join(dir, 'model.json');
    expect((await runThick(['train', EN, '-o', model, '-q'])).code).toBe(0);
    expect((await runThick(['annotate', EN, '-o', join(dir, 'built-in.jsonl')])).code).toBe(0);
    expect((await runThick(['annotate', EN, '--model', model, '-o', join(dir, 'model.jsonl')])).code).toBe(0);
    const gold = goldOf(EN);
    const accuracy = (labels: string[]) => labels.filter((l, i) => l === gold[i]).length / gold.length;
    const withModel = sentiments(join(dir, 'model.jsonl')).map((s) => s.label);
    const builtIn = sentiments(join(dir, 'built-in.jsonl')).map((s) => s.label);
    expect(withModel).not.toEqual(builtIn);
    expect(accuracy(withModel)).toBeCloseTo((await evalJson([EN, '--model', model])).accuracy, 10);
    expect(accuracy(builtIn)).toBeCloseTo((await evalJson([EN])).accuracy, 10);
  });

  it('a model trained on swapped labels turns praise negative in annotate', async () => {
    expect((await runThick(['annotate', EN, '--model', contrarian, '-o', join(dir, 'contrarian.jsonl')])).code).toBe(0);
    const gold = goldOf(EN);
    const labels = sentiments(join(dir, 'contrarian.jsonl')).map((s) => s.label);
    const praised = labels.filter((_, i) => gold[i] === 'positive');
    expect(praised.filter((l) => l === 'negative').length).toBeGreaterThan(praised.length / 2);
  });

  it('analyze uses the model for the customers\' sentiment', async () => {
    const plain = tempDir();
    const withModel = tempDir();
    expect((await runThick(['analyze', ...DEMO, ...BRAND, '-o', plain, '-q'])).code).toBe(0);
    expect((await runThick(['analyze', ...DEMO, ...BRAND, '--model', contrarian, '-o', withModel, '-q'])).code).toBe(0);
    const means = (out: string): Map<string, number | null> =>
      new Map(
        readFileSync(join(out, 'profiles.jsonl'), 'utf8').trim().split('\n').map((line) => {
          const p = JSON.parse(line);
          return [p.id, p.sentiment.mean];
        }),
      );
    const before = means(plain);
    const after = means(withModel);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...before].filter(([id, mean]) => mean !== null && after.get(id) !== mean);
    expect(changed.length).toBeGreaterThan(before.size / 2);
  });

  it('analyze and annotate exit 2 on a model file that is not a model', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '[]');
    expect((await runThick(['annotate', EN, '--model', bad, '-o', join(dir, 'x.jsonl')])).code).toBe(2);
    expect((await runThick(['analyze', ...DEMO, '--model', bad, '-o', tempDir()])).code).toBe(2);
  });
});
