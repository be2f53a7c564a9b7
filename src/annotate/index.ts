import type { Event, IngestedEvent } from '../model.js';
import { PROGRESS_EVERY, progressTicker, type OnProgress } from '../progress.js';
import type { AnnotateContext, Annotator } from './annotator.js';
import { codebookAnnotator } from './codebook.js';
import { contextAnnotator } from './context.js';
import { languageAnnotator } from './language.js';
import { modelSentimentAnnotator } from './model-sentiment.js';
import { readingsAnnotator } from './readings.js';
import { sentimentAnnotator } from './sentiment.js';

export type { AnnotateContext, Annotator } from './annotator.js';

/**
 * Every annotator, in the order they run: later ones may read what earlier ones added (sentiment needs lang, and
 * readings negate by it). A trained model (ctx.model) labels sentiment before the built-in analyser, which then
 * skips the event.
 */
export const ANNOTATORS: readonly Annotator[] = [languageAnnotator, modelSentimentAnnotator, sentimentAnnotator, codebookAnnotator, readingsAnnotator, contextAnnotator];

/**
 * What annotation starts from, and what a record no annotator reads (another shard's) stays: an ingested event with
 * nothing read yet but the analyst's codes from the input, which come first among its annotations. An event
 * annotated before (a test running a few annotators over a prepared event) keeps what it has.
 */
export function unannotated(event: IngestedEvent | Event): Event {
  if ('annotations' in event) return { ...event, annotations: [...event.annotations] };
  // Most records carry no analyst codes: one plain copy (the rest pattern below is slower).
  if (event.analystCodes === undefined) return { lang: null, sentiment: null, annotations: [], ...event };
  const { analystCodes, ...read } = event;
  return { ...read, lang: null, sentiment: null, annotations: [...analystCodes] };
}

/**
 * Run all annotators over one ingested event; returns the annotated event, the input is left alone. The copy is made
 * once and each annotator's addition is written into it, not a fresh copy per annotator.
 */
export function annotateEvent(event: IngestedEvent | Event, ctx: AnnotateContext, annotators: readonly Annotator[] = ANNOTATORS): Event {
  const current = unannotated(event);
  for (const annotator of annotators) {
    const addition = annotator(current, ctx);
    current.lang = addition.lang !== undefined ? addition.lang : current.lang;
    current.sentiment = addition.sentiment !== undefined ? addition.sentiment : current.sentiment;
    if (addition.annotations) current.annotations.push(...addition.annotations);
  }
  return current;
}

/**
 * How many events pass between two reports of annotating: fewer than PROGRESS_EVERY, because a run's first events
 * are annotated ten times slower than the rest (the matcher's caches fill, its code warms up). At 100k events the
 * first 256 took 0.4-0.5 s, a freeze of the line just after it appeared; 32 take about a tenth of a second, and the
 * few thousand reports more cost nothing beside annotating.
 */
export const ANNOTATE_EVERY = PROGRESS_EVERY / 8;

/** Annotate every event; `onProgress` hears how many are done every ANNOTATE_EVERY events (progress.ts). */
export function annotateEvents(events: readonly IngestedEvent[], ctx: AnnotateContext, onProgress?: OnProgress): Event[] {
  const tick = progressTicker(onProgress, { stage: 'annotate', unit: 'events', total: events.length }, ANNOTATE_EVERY);
  return events.map((event, i) => {
    const annotated = annotateEvent(event, ctx);
    tick(i + 1);
    return annotated;
  });
}
