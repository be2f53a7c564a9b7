import { describe, expect, it } from 'vitest';
import type { Event } from '../model.js';
import type { AnnotateContext } from './annotator.js';
import { trainModel } from './classifier.js';
import { annotateEvent } from './index.js';
import { modelSentimentAnnotator } from './model-sentiment.js';
import { makeEvent } from '../test-support.js';

const event = (text: string | null): Event => makeEvent({ who: { crmId: '1' }, customerKey: '1', text, lang: 'en', at: null });

// "great" is positive to the built-in lexicon; this user's data says it is negative (irony in their domain).
const model = trainModel(
  [
    { text: 'great, late again', label: 'negative' }, { text: 'oh great, broken again', label: 'negative' },
    { text: 'just great, again', label: 'negative' }, { text: 'great delay', label: 'negative' },
    { text: 'the box is here', label: 'neutral' }, { text: 'the box came on monday', label: 'neutral' },
    { text: 'the box is blue', label: 'neutral' }, { text: 'a box of beans', label: 'neutral' },
  ],
  { epochs: 40 },
);

describe('modelSentimentAnnotator', () => {
  it('does nothing without a model, or for events without text or with a sentiment already', () => {
    const ctx = { model: null } as unknown as AnnotateContext;
    expect(modelSentimentAnnotator(event('great'), ctx)).toEqual({});
    expect(modelSentimentAnnotator(event('  '), { model } as unknown as AnnotateContext)).toEqual({});
    expect(modelSentimentAnnotator({ ...event('great'), sentiment: { label: 'neutral', score: 0 } }, { model } as unknown as AnnotateContext)).toEqual({});
  });

  it("labels with the model, and the built-in analyser then leaves the event alone", () => {
    const ctx = { model, codebook: { codes: [] }, contextEvents: [] } as unknown as AnnotateContext;
    const addition = modelSentimentAnnotator(event('great, again'), ctx);
    expect(addition.sentiment?.label).toBe('negative');
    expect(addition.sentiment!.score).toBeLessThan(0);
  });

  it('is registered before the built-in analyser, so the model wins in annotateEvent', async () => {
    const { ANNOTATORS } = await import('./index.js');
    const { sentimentAnnotator } = await import('./sentiment.js');
    expect(ANNOTATORS.indexOf(modelSentimentAnnotator)).toBe(ANNOTATORS.indexOf(sentimentAnnotator) - 1);
    const ctx = { model, codebook: { codes: [] }, contextEvents: [] } as unknown as AnnotateContext;
    const without = annotateEvent(event('great, again'), { ...ctx, model: null }, ANNOTATORS.slice(0, 3));
    const withModel = annotateEvent(event('great, again'), ctx, ANNOTATORS.slice(0, 3));
    expect(without.sentiment?.label).not.toBe('negative');
    expect(withModel.sentiment?.label).toBe('negative');
  });
});
