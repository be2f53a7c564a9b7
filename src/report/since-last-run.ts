// "Since last run" near the top of the index: what changed since the previous run into the same output folder
// (profile/changes.ts), as counts with the customers named, each list cut at NAMED (the --json summary has all).
// Names come from this run's profiles, so a redacted run shows pseudonyms; customer text is escaped here.
import type { Changes, Moved } from '../profile/changes.js';
import type { RunState } from '../profile/state.js';
import { codeLabel, type CodeInfo } from './codes.js';
import { codeSpan, dayOf, inline, mdText, num, percent } from './format.js';
import { andMore, stageName, type ReportLang } from './i18n.js';
import { overviewWords } from './overview-words.js';
import type { Block } from './page.js';

/** At most this many customers are named per list; "and N more" says the rest. */
export const NAMED = 10;

/** A customer of this run as the section links them. */
export interface Named {
  name: string;
  slug: string;
  /** Their place in the index's order, who needs attention first (0 first). */
  rank?: number;
}

export interface SinceLastRun {
  /** Null on a first run. */
  changes: Changes | null;
  /** This run's customers by the id its outputs give them. */
  customers: ReadonlyMap<string, Named>;
  codes: ReadonlyMap<string, CodeInfo>;
  scale: RunState['scale'];
}

const EN = {
  title: 'Since last run',
  first: 'Nothing to compare with yet: this output folder holds no run over earlier data. The next run into it will say what changed since this one.',
  compared: (asOf: string, n: number) => `Compared with the previous run into this folder (reference date ${asOf}, ${n} ${n === 1 ? 'customer' : 'customers'}).`,
  nothing: 'Nothing changed that thick compares.',
  newCustomers: 'New customers',
  gone: 'Customers no longer in the data',
  stages: 'Stage changed',
  toneDown: 'Tone down',
  toneUp: 'Tone up',
  ratingDown: 'Rating down',
  ratingUp: 'Rating up',
  newPain: 'New pain points',
  newPainCodes: 'Pain points no customer had before',
  unanswered: 'Newly unanswered',
  answered: 'Answered or settled since',
  conversations: (n: number) => `${n} ${n === 1 ? 'conversation' : 'conversations'}`,
  how: (tone: string, n: number, rating: string | null) =>
    `Tone counts as changed when its mean (−1 … +1) moved by ${tone} or more, with at least ${n} records before and now${rating ? `; a rating when its mean moved by an eighth of its scale (${rating})` : ''}. New customers count as newly in a stage, with a pain point or unanswered. Every list in full: \`--json\`, \`changes\`.`,
  halfStar: 'half a star on 1–5',
};

const DE: typeof EN = {
  title: 'Seit dem letzten Lauf',
  first: 'Noch nichts zum Vergleichen: Dieser Ausgabeordner enthält keinen Lauf über frühere Daten. Der nächste Lauf in ihn sagt, was sich seit diesem geändert hat.',
  compared: (asOf, n) => `Verglichen mit dem vorigen Lauf in diesen Ordner (Stichtag ${asOf}, ${n} ${n === 1 ? 'Kunde' : 'Kunden'}).`,
  nothing: 'Nichts geändert, was thick vergleicht.',
  newCustomers: 'Neue Kunden',
  gone: 'Nicht mehr in den Daten',
  stages: 'Phase geändert',
  toneDown: 'Ton schlechter',
  toneUp: 'Ton besser',
  ratingDown: 'Bewertung schlechter',
  ratingUp: 'Bewertung besser',
  newPain: 'Neue Schmerzpunkte',
  newPainCodes: 'Schmerzpunkte, die vorher kein Kunde hatte',
  unanswered: 'Neu unbeantwortet',
  answered: 'Seitdem beantwortet oder erledigt',
  conversations: (n) => `${n} ${n === 1 ? 'Gespräch' : 'Gespräche'}`,
  how: (tone, n, rating) =>
    `Der Ton gilt als geändert, wenn sein Mittel (−1 … +1) sich um ${tone} oder mehr bewegt hat, bei mindestens ${n} Einträgen vorher und jetzt${rating ? `; eine Bewertung, wenn ihr Mittel sich um ein Achtel ihrer Skala bewegt hat (${rating})` : ''}. Neue Kunden zählen als neu in einer Phase, mit einem Schmerzpunkt oder unbeantwortet. Alle Listen vollständig: \`--json\`, \`changes\`.`,
  halfStar: 'ein halber Stern auf 1–5',
};

const words = (lang: ReportLang) => (lang === 'de' ? DE : EN);

/** A customer of this run, linked to their report; one the run does not have (gone) by their id. */
function link(id: string, input: SinceLastRun): string {
  const named = input.customers.get(id);
  return named ? `[${inline(named.name, 40)}](customers/${named.slug}.md)` : codeSpan(id);
}

/**
 * The customers a cut list names first: who needs attention first (the index's order), then customers without a
 * place in it (gone ones) in the list's own code point order. The cut keeps the ones the team should see.
 */
function byRank<T>(items: readonly T[], idOf: (x: T) => string, input: SinceLastRun): T[] {
  const rank = (x: T): number => input.customers.get(idOf(x))?.rank ?? Infinity;
  return items.length > NAMED ? [...items].sort((a, b) => (rank(a) === rank(b) ? 0 : rank(a) < rank(b) ? -1 : 1)) : [...items];
}

/** "label: n — a, b, c and 3 more", each item drawn by `item`; customers ordered by `byRank` when `idOf` says who. */
function line<T>(label: string, count: string, items: readonly T[], item: (x: T) => string, lang: ReportLang, ranked?: { idOf: (x: T) => string; input: SinceLastRun }): string[] {
  if (items.length === 0) return [];
  const shown = (ranked ? byRank(items, ranked.idOf, ranked.input) : items).slice(0, NAMED).map(item);
  if (items.length > NAMED) shown.push(andMore(items.length - NAMED, lang));
  return [`- **${label}**: ${count} — ${shown.join(', ')}`];
}

/** A rating mean as a reader of the scale expects it: stars as stars ("3.5★"), percent in whole percent, others to one decimal. */
function ratingValue(value: number, unit: NonNullable<RunState['scale']>['unit'] | undefined, lang: ReportLang): string {
  if (unit === 'percent') return percent(Math.round(value), lang);
  // One decimal, as the portraits give a mean: "4.67" of two or three ratings claims more than they say.
  const mean = num(Math.round(value * 10) / 10, lang);
  return unit === 'stars5' || unit === 'stars10' ? `${mean}★` : mean;
}

/** A tone to two decimals, or a rating on the run's scale. */
function moved(m: Moved, input: SinceLastRun, lang: ReportLang, rating = false): string {
  const value = (v: number) => (rating ? ratingValue(v, input.scale?.unit, lang) : num(v, lang, 2));
  return `${link(m.id, input)} ${value(m.from)} → ${value(m.to)}`;
}

function changeLines(c: Changes, input: SinceLastRun, lang: ReportLang): string[] {
  const w = words(lang);
  const code = (id: string) => mdText(codeLabel(input.codes, id, lang));
  const n = (xs: readonly unknown[]) => String(xs.length);
  const talks = (xs: readonly { n: number }[]) => w.conversations(xs.reduce((sum, x) => sum + x.n, 0));
  const ids = { idOf: (id: string) => id, input };
  const who = { idOf: (x: { id: string }) => x.id, input };
  return [
    ...line(w.newCustomers, n(c.newCustomers), c.newCustomers, (id) => link(id, input), lang, ids),
    ...line(w.gone, n(c.goneCustomers), c.goneCustomers, (id) => link(id, input), lang, ids),
    ...line(w.stages, n(c.stageChanges), c.stageChanges, (s) => `${link(s.id, input)} ${stageName(s.from, lang)} → ${stageName(s.to, lang)}`, lang, who),
    ...line(w.toneDown, n(c.toneDown), c.toneDown, (m) => moved(m, input, lang), lang, who),
    ...line(w.toneUp, n(c.toneUp), c.toneUp, (m) => moved(m, input, lang), lang, who),
    ...line(w.ratingDown, n(c.ratingDown), c.ratingDown, (m) => moved(m, input, lang, true), lang, who),
    ...line(w.ratingUp, n(c.ratingUp), c.ratingUp, (m) => moved(m, input, lang, true), lang, who),
    ...line(w.newPain, n(c.newPain), c.newPain, (p) => `${link(p.id, input)} (${p.codes.map(code).join(', ')})`, lang, who),
    ...line(w.newPainCodes, n(c.newPainCodes), c.newPainCodes, code, lang),
    ...line(w.unanswered, talks(c.newlyUnanswered), c.newlyUnanswered, (x) => `${link(x.id, input)} (${x.n})`, lang, who),
    ...line(w.answered, talks(c.newlyAnswered), c.newlyAnswered, (x) => `${link(x.id, input)} (${x.n})`, lang, who),
  ];
}

/** The rating threshold in the run's own scale: half a star on 1–5, else an eighth of the range in its unit; null unrated. */
function ratingStep(input: SinceLastRun, lang: ReportLang): string | null {
  const scale = input.scale;
  if (!scale) return null;
  if (scale.unit === 'stars5' || scale.unit === 'csat') return words(lang).halfStar;
  if (scale.unit === 'percent') return `${num((scale.max - scale.min) / 8, lang, 1)} ${overviewWords(lang).scales.percent}`;
  return `${num((scale.max - scale.min) / 8, lang, 2)} ${overviewWords(lang).scales[scale.unit]}`;
}

/** The section as blocks. */
export function sinceLastRunBlocks(input: SinceLastRun, lang: ReportLang): Block[] {
  const w = words(lang);
  const c = input.changes;
  if (!c) return [`## ${w.title}`, '', w.first, ''];
  const lines = changeLines(c, input, lang);
  const how = w.how(num(c.thresholds.tone, lang, 2), c.thresholds.toneMinN, ratingStep(input, lang));
  return [`## ${w.title}`, '', w.compared(dayOf(c.previous.asOf, lang), c.previous.customers), '', ...(lines.length > 0 ? lines : [w.nothing]), '', `*${how}*`, ''];
}
