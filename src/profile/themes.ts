// Themes across a run's customers: how many people and records carry each code, how far each moves the mean rating,
// where (product, channel, CRM stage) they gather, and the quotes that show them best. The loudest theme (most
// customers) is not always the costliest (the lowest ratings): both are measured, as CX tools such as Thematic do.
import { byCodePoint } from '../collation.js';
import { isCustomerVoice, isOwnRecord, isTheme, type Annotation, type Event, type EventKind, type Lang, type Maker, type Rating, type Source } from '../model.js';
import { byRecord } from './chronology.js';
import type { ProfiledCustomer } from './index.js';
import { noPasses, type Passes } from '../progress.js';
import { exactSum } from '../sum.js';
import { feltTone, onCommonScale, type CommonScale } from './ratings.js';

/**
 * One record someone said something in: a customer's own record (with words or a rating), or an analyst's note on
 * them. What the run overview reads of it, and no more: not the event with its every annotation, so that a run can
 * keep these for all its records while it lets their events go (docs/design/out-of-core-runs.md).
 */
export interface SaidRecord {
  /** The customer's key. */
  customer: string;
  /** The CRM stage of the customer's contact, when the contacts export has one. */
  crmStage: string | null;
  /** The theme codes on the record, each once, by code point. */
  codes: string[];
  /**
   * Of those, the codes its words name (or an analyst gave): not the ones a rule without patterns took from the record
   * itself ("a 1–2★ review with words is a complaint") or implied from such a code. A rating cannot explain itself,
   * so impact on the mean rating counts only these.
   */
  worded: string[];
  /** The record's rating on the run's common scale; null when unrated (notes never are rated). */
  rating: number | null;
  at: Date | null;
  kind: EventKind;
  /** A customer's own record (model.ts isOwnRecord), not an analyst's note. */
  own: boolean;
  channel: string;
  product: string | null;
  /** The rating as given, on its own scale. */
  given: Rating | null;
  lang: Lang | null;
  /** How strongly it feels, from its rating or else its words (ratings.ts feltTone): 0 to 1. */
  feeling: number;
  /** Whether it has words (not only a rating). */
  hasWords: boolean;
  /** The tone of the customer's words (sentiment score), where thick reads their language; else null. */
  tone: number | null;
  /** Per code of `codes`, in their order: the annotation that shows it, for the theme's examples. */
  hits: SaidHit[];
  /**
   * What breaks a tie between examples of equal score (chronology.ts byRecord, then time): kept with each record,
   * so that two records compare the same whichever part of a run they were met in.
   */
  tie: ExampleTie;
}

/** The record as chronology.ts byRecord compares it, and its time. */
export type ExampleTie = Pick<Event, 'kind' | 'direction' | 'text' | 'rating' | 'source' | 'at'>;

/** Where a record shows a theme: the quote (the annotation's, else the record's words), its source and who coded it. */
export interface SaidHit {
  quote: string;
  source: Source;
  by: Maker['kind'];
}

/**
 * A customer's said records: their own records and the analysts' notes on them, without their rating on the run's
 * common scale, which is known once every customer's ratings are counted (onScale).
 */
export function customerSaid(subject: ProfiledCustomer): SaidRecord[] {
  // "No content" (an "ok", a lone emoji) marks a record as saying nothing: it is no theme of the run.
  const theme = (code: string) => !subject.signals.is('notMeaningful', code);
  return subject.events
    .filter((event) => isOwnRecord(event) || event.kind === 'note')
    .map((event): SaidRecord => {
      const codes = [...new Set(event.annotations.filter(isTheme).map((a) => a.code))].filter(theme).sort(byCodePoint);
      return {
        customer: subject.profile.id,
        crmStage: subject.customer.contact?.crmStage?.trim() || null,
        codes,
        worded: wordedCodes(event).filter(theme),
        rating: null,
        at: event.at,
        kind: event.kind,
        own: isOwnRecord(event),
        channel: event.channel,
        product: event.product ?? null,
        given: event.rating,
        lang: event.lang,
        feeling: Math.abs(feltTone(event)?.score ?? 0),
        hasWords: Boolean(event.text?.trim()),
        tone: isCustomerVoice(event) && event.sentiment && event.lang !== 'other' ? event.sentiment.score : null,
        hits: codes.map((code) => saidHit(event, code)),
        tie: { kind: event.kind, direction: event.direction, text: event.text, rating: event.rating, source: event.source, at: event.at },
      };
    });
}

/** The records with their own ratings placed on the run's common scale (notes are never rated). */
export function onScale(records: SaidRecord[], scale: CommonScale | null): SaidRecord[] {
  if (scale) for (const record of records) if (record.given && record.own) record.rating = onCommonScale(record.given, scale);
  return records;
}

/**
 * Between examples of equal score: byRecord, then (records alike in all it compares) oldest first and by customer
 * id, so that no tie is left to the order the records came in.
 */
function byTie(a: SaidRecord, b: SaidRecord): number {
  const time = (tie: ExampleTie): number => tie.at?.getTime() ?? Infinity;
  return byRecord(a.tie, b.tie) || time(a.tie) - time(b.tie) || byCodePoint(a.customer, b.customer);
}

/** The first theme annotation of `code` on the event, as an example of the theme would quote it. */
function saidHit(event: Event, code: string): SaidHit {
  const annotation = event.annotations.find((a) => a.code === code && isTheme(a))!;
  return { quote: annotation.quote ?? event.text ?? '', source: annotation.source, by: annotation.by.kind };
}

/**
 * The theme codes a record's words name: every theme code but those whose only evidence is the record itself (a rule
 * id ending "/signal:…", see annotate/codebook/match.ts) or an implication of such a code ("/implied:<code>").
 */
export function wordedCodes(event: Event): string[] {
  const themes = event.annotations.filter(isTheme);
  const codes = [...new Set(themes.map((a) => a.code))];
  const derived = new Set<string>();
  const fromRecord = (a: Annotation): boolean => a.by.kind === 'rule' && (a.by.id.includes('/signal:') || derived.has(/\/implied:(.+)$/.exec(a.by.id)?.[1] ?? ''));
  // Implications chain (a pain implies a complaint, a complaint a response needed): repeat until nothing is added.
  for (let size = -1; size !== derived.size; ) {
    size = derived.size;
    for (const code of codes) if (themes.filter((a) => a.code === code).every(fromRecord)) derived.add(code);
  }
  return codes.filter((code) => !derived.has(code)).sort(byCodePoint);
}

/** How far a theme moves the run's mean rating: what the mean would be without the rated records that carry it. */
export interface ThemeImpact {
  /** Rated records whose words carry the theme (SaidRecord.worded). */
  n: number;
  /** Their mean rating; null when none of them is rated. */
  meanWith: number | null;
  /** The mean of the rated records without the theme; null when every rated record carries it. */
  meanWithout: number | null;
  /**
   * The mean of all rated records minus meanWithout: negative when the theme pulls the mean down (a costly theme),
   * positive when it lifts it; null with meanWithout.
   */
  impact: number | null;
}

/** A quote that shows a theme, with where it was said. */
export interface ThemeExample {
  quote: string;
  source: Source;
  at: Date | null;
  customer: string;
  kind: EventKind;
  rating: Rating | null;
  product: string | null;
  /** rule: the customer's own words as thick coded them; analyst: an analyst's note. */
  by: Maker['kind'];
}

export interface Theme {
  code: string;
  customers: number;
  records: number;
  /** Null when the run has no ratings. */
  impact: ThemeImpact | null;
  /** One or two of the most telling quotes, from different customers. */
  examples: ThemeExample[];
}

export const EXAMPLES_PER_THEME = 2;

/** A record that carries a theme, with the hit that shows it. */
interface ThemeHit {
  record: SaidRecord;
  hit: SaidHit;
  code: string;
}

/** Every theme of the run: most customers first, then most records, then by code. */
export function themesAcross(records: readonly SaidRecord[], passes: Passes = noPasses): Theme[] {
  const tallied = passes.next(1);
  const themes = hitsByTheme(records);
  const ratings = records.flatMap((record) => (record.rating === null ? [] : [record.rating]));
  tallied(1);
  // Sums rounded once (sum.ts), so they do not depend on the order the records come in.
  const all = ratings.length > 0 ? { n: ratings.length, sum: exactSum(ratings) } : null;
  // Choosing a theme's examples scores and sorts every record that has it: a few slow themes, each reported.
  const chosen = passes.next(themes.size, 1);
  return [...themes]
    .map(([code, hits], i) => {
      const customers = new Set(hits.map((h) => h.record.customer)).size;
      const theme = { code, customers, records: hits.length, impact: all && impactOf(wordedRatings(hits, code), all), examples: examplesOf(hits) };
      chosen(i + 1);
      return theme;
    })
    .sort((a, b) => b.customers - a.customers || b.records - a.records || byCodePoint(a.code, b.code));
}

/** The ratings of the records whose words carry the theme. */
const wordedRatings = (hits: readonly ThemeHit[], code: string): number[] => hits.flatMap(({ record }) => (record.rating !== null && record.worded.includes(code) ? [record.rating] : []));

function impactOf(themeRatings: readonly number[], all: { n: number; sum: number }): ThemeImpact | null {
  // Without a rated record of its own, leaving the theme out leaves the mean where it is.
  const rated = themeRatings.length;
  if (rated === 0) return { n: 0, meanWith: null, meanWithout: all.sum / all.n, impact: 0 };
  const sum = exactSum(themeRatings);
  const rest = all.n - rated;
  const meanWithout = rest > 0 ? (all.sum - sum) / rest : null;
  return { n: rated, meanWith: sum / rated, meanWithout, impact: meanWithout === null ? null : all.sum / all.n - meanWithout };
}

/**
 * How telling a quote is for its theme: the customer's own words naming it, then their words where the record gave
 * it (a 1★ review's first sentence for a complaint), then an analyst's note, then words thick does not read; then strong feeling (the rating's, else the text's); then a quote long enough to
 * say something, not a whole essay.
 */
function telling({ record, hit, code }: ThemeHit): number {
  const voice = hit.by === 'analyst' ? 1 : record.lang === 'other' ? 0 : record.worded.includes(code) ? 3 : 2;
  const text = hit.quote;
  const length = Math.min(1, text.trim().length / 80) - (text.length > 240 ? 0.5 : 0);
  return voice * 10 + record.feeling + length;
}

/** Words as a reader compares them: case, spacing and punctuation aside, so the same complaint sent twice is one. */
const wordsOf = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A hit as the choice of examples sees it: its quote, and that quote's words as a reader compares them. */
interface RankedHit {
  found: ThemeHit;
  quote: string;
  words: string;
}

/** A theme's hits with words, best first: the most telling, ties broken by what each record keeps (byTie). */
function rankedHits(hits: ThemeHit[]): RankedHit[] {
  const scored = hits.map((hit) => ({ hit, score: telling(hit) })).sort((a, b) => b.score - a.score || byTie(a.hit.record, b.hit.record));
  return scored.flatMap(({ hit: found }): RankedHit[] => {
    const quote = found.hit.quote.trim();
    const words = wordsOf(quote);
    return words ? [{ found, quote, words }] : [];
  });
}

function examplesOf(hits: ThemeHit[]): ThemeExample[] {
  return chooseExamples(exampleCandidates(rankedHits(hits)));
}

/** A hit that can no longer be an example: no words, so no choice of examples ranks it (rankedHits). */
const SPENT_HIT: SaidHit = Object.freeze({ quote: '', source: Object.freeze({ file: '', line: 0 }), by: 'rule' as const });
/** What a record none of whose hits can be an example keeps to break ties with: nothing, since it is never ranked. */
const SPENT_TIE: ExampleTie = Object.freeze({ kind: 'note' as const, direction: 'internal' as const, text: null, rating: null, source: SPENT_HIT.source, at: null });

/**
 * The records, with words only where a hit can still be a theme's example whatever records the rest of the run adds
 * (exampleCandidates): what a part of a run keeps of its records. Every other hit is SPENT_HIT (a hit without words
 * is never an example), a record with no hit left keeps no tie-break, and records alike share their lists of codes.
 * Counts, ratings and times stay; so the themes of the run are those of its records kept whole.
 */
export function keptForExamples(records: readonly SaidRecord[]): SaidRecord[] {
  const kept = new Set<SaidHit>();
  for (const hits of hitsByTheme(records).values()) for (const { found } of exampleCandidates(rankedHits(hits))) kept.add(found.hit);
  const lists = new Map<string, string[]>();
  const shared = (codes: string[]): string[] => {
    const key = codes.join('\u0000');
    const found = lists.get(key);
    if (found) return found;
    lists.set(key, codes);
    return codes;
  };
  return records.map((record) => {
    const hits = record.hits.map((hit) => (kept.has(hit) ? hit : SPENT_HIT));
    return { ...record, codes: shared(record.codes), worded: shared(record.worded), hits, tie: hits.some((hit) => hit !== SPENT_HIT) ? record.tie : SPENT_TIE };
  });
}

/** Each theme's hits: every record that carries the theme, with the hit that shows it, in the records' order. */
function hitsByTheme(records: readonly SaidRecord[]): Map<string, ThemeHit[]> {
  const hits = new Map<string, ThemeHit[]>();
  for (const record of records) {
    for (const [k, code] of record.codes.entries()) {
      const theme = hits.get(code) ?? [];
      theme.push({ record, hit: record.hits[k]!, code });
      hits.set(code, theme);
    }
  }
  return hits;
}

/** The first EXAMPLES_PER_THEME hits, best first, each of another customer and in other words than those before. */
function chooseExamples(ranked: readonly RankedHit[]): ThemeExample[] {
  const chosen: ThemeExample[] = [];
  const customers = new Set<string>();
  const words = new Set<string>();
  for (const { found, quote, words: key } of ranked) {
    const { record, hit } = found;
    if (customers.has(record.customer) || words.has(key)) continue;
    customers.add(record.customer);
    words.add(key);
    chosen.push({ quote, source: hit.source, at: record.at, customer: record.customer, kind: record.kind, rating: record.given, product: record.product, by: hit.by });
    if (chosen.length === EXAMPLES_PER_THEME) break;
  }
  return chosen;
}

/**
 * The hits, best first, that can still be chosen as examples whatever other hits a run adds to them: a part of a run
 * keeps only these per theme. A hit is out of the running once 2·EXAMPLES_PER_THEME − 1 better hits have pairwise
 * different customers and words: each example chosen shuts out at most one customer and one wording, so one of
 * those always beats the hit. So choosing among every part's candidates gives the examples of choosing among all.
 */
export function exampleCandidates<T extends { found: { record: { customer: string } }; words: string }>(ranked: readonly T[]): T[] {
  const needed = 2 * EXAMPLES_PER_THEME - 1;
  const customers = new Set<string>();
  const words = new Set<string>();
  for (const [i, hit] of ranked.entries()) {
    const customer = hit.found.record.customer;
    if (customers.has(customer) || words.has(hit.words)) continue;
    customers.add(customer);
    words.add(hit.words);
    if (customers.size === needed) return ranked.slice(0, i + 1);
  }
  return [...ranked];
}

/** What a segment of the run is cut by: a field the data has on its records or contacts. */
export type Dimension = 'product' | 'channel' | 'crmStage';

export interface SegmentRow {
  value: string;
  records: number;
  customers: number;
  /** Mean rating on the common scale, and how many ratings; null without any. */
  rating: { mean: number; n: number } | null;
  /** The segment's most frequent themes (records), most first. */
  themes: { code: string; n: number }[];
}

export interface Segments {
  dimension: Dimension;
  /** How many distinct values the dimension has among the customers' own records. */
  values: number;
  /** The values with the most records, most first. */
  rows: SegmentRow[];
}

export const SEGMENT_ROWS = 10;
export const SEGMENT_THEMES = 3;

const VALUE_OF: Record<Dimension, (record: SaidRecord) => string | null> = {
  product: (r) => r.product?.trim() || null,
  channel: (r) => r.channel,
  crmStage: (r) => r.crmStage,
};

/**
 * The customers' own records cut by product, channel and CRM stage, where the data has such a field with at least
 * two values (one value cuts nothing).
 */
export function segmentsOf(records: readonly SaidRecord[]): Segments[] {
  const own = records.filter((r) => r.own);
  const result: Segments[] = [];
  for (const dimension of Object.keys(VALUE_OF) as Dimension[]) {
    const groups = new Map<string, SaidRecord[]>();
    for (const record of own) {
      const value = VALUE_OF[dimension](record);
      if (value === null) continue;
      const group = groups.get(value);
      if (group) group.push(record);
      else groups.set(value, [record]);
    }
    if (groups.size < 2) continue;
    const rows = [...groups].map(([value, group]) => segmentRow(value, group)).sort((a, b) => b.records - a.records || byCodePoint(a.value, b.value));
    result.push({ dimension, values: groups.size, rows: rows.slice(0, SEGMENT_ROWS) });
  }
  return result;
}

function segmentRow(value: string, group: readonly SaidRecord[]): SegmentRow {
  const ratings = group.flatMap((r) => (r.rating === null ? [] : [r.rating]));
  const counts = new Map<string, number>();
  for (const record of group) for (const code of record.codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  const themes = [...counts].map(([code, n]) => ({ code, n })).sort((a, b) => b.n - a.n || byCodePoint(a.code, b.code));
  return {
    value,
    records: group.length,
    customers: new Set(group.map((r) => r.customer)).size,
    rating: ratings.length > 0 ? { mean: exactSum(ratings) / ratings.length, n: ratings.length } : null,
    themes: themes.slice(0, SEGMENT_THEMES),
  };
}
