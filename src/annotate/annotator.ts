import type { Annotation, ContextEvent, Event, Lang, Maker } from '../model.js';
import type { SentimentModel } from './classifier.js';
import type { CompiledCodebook } from './codebook.js';
import { detectLanguage, inOtherLanguage } from './language.js';

/** What every annotator may consult; built once per run. */
export interface AnnotateContext {
  codebook: CompiledCodebook;
  contextEvents: readonly ContextEvent[];
  /** A user-trained sentiment model (`--model`); when set it replaces the built-in analyser. */
  model?: SentimentModel | null;
  /** Also emit codes the codebook marks experimental (`--all-codes`); by default they stay out of every output. */
  allCodes?: boolean;
}

/** What an annotator adds to an event. Annotators run in registry order and see what earlier ones added. */
export interface Addition {
  lang?: Event['lang'];
  sentiment?: Event['sentiment'];
  annotations?: Annotation[];
}

/**
 * Who made an annotation, one object per kind and id for the whole run: a run of a million records holds over a
 * million annotations, and a Maker each was some 50 MB of identical little objects. Makers are never changed.
 */
const makers = new Map<string, Maker>();
export function maker(kind: Maker['kind'], id: string): Maker {
  const key = `${kind}\u0000${id}`;
  let made = makers.get(key);
  if (!made) {
    made = Object.freeze({ kind, id });
    makers.set(key, made);
  }
  return made;
}

/** One annotator: one small pure function from an event to what it adds. Registered in annotate/index.ts. */
export type Annotator = (event: Readonly<Event>, ctx: AnnotateContext) => Addition;


/**
 * The language the German and English word rules (codes, sentiment, readings) read an event's text in: its own
 * language when known, else the detected one; null for a text written in a language thick does not read (another
 * language, not merely too short to tell), whose words those rules would only misread.
 */
export function wordRulesLanguage(event: Readonly<Event>): Lang | null {
  const text = event.text ?? '';
  const lang = event.lang ?? detectLanguage(text);
  return lang === 'other' && inOtherLanguage(text) ? null : lang;
}
