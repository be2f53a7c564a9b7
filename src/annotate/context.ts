import { maker, type Annotator } from './annotator.js';

/**
 * World events from the notes file (a strike, a price increase) annotate every customer event inside their window,
 * so a spike of complaints is read next to what was happening at the time.
 */
export const contextAnnotator: Annotator = (event, ctx) => {
  // The customer's own doings only: their messages and orders, not the brand's replies or analysts' notes.
  if (!event.at || event.direction !== 'inbound' || event.customerKey === null) return {};
  const time = event.at.getTime();
  const annotations = ctx.contextEvents
    .filter((context) => context.from.getTime() <= time && time <= context.until.getTime())
    .map((context) => ({
      code: 'context',
      quote: context.note,
      source: context.source,
      by: maker('context', context.author ?? 'analyst'),
      confidence: 1,
    }));
  return annotations.length > 0 ? { annotations } : {};
};
