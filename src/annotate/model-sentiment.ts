// Sentiment from a user-trained model (`thick train`, then `--model model.json`). Registered just before the
// built-in sentimentAnnotator: when a model is given it labels the event first, and the built-in analyser,
// which only scores events without a sentiment, leaves it alone. Without a model it does nothing.

import type { Annotator } from './annotator.js';
import { predict } from './classifier.js';

export const modelSentimentAnnotator: Annotator = (event, ctx) => {
  if (!ctx.model || event.sentiment !== null || !event.text || !event.text.trim()) return {};
  const { label, score } = predict(ctx.model, event.text, event.lang ?? 'other');
  return { sentiment: { label, score } };
};
