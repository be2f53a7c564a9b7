// The relationship stage, as rules a person can read and argue with (seeds: stranger → acquaintance → regular →
// advocate, and at risk when the relationship is in danger). judgeStage goes down the list: the first stage with a
// rule that holds is the customer's stage, and the findings of the rules that hold are its reasons. An advocate must
// also clear every bar in ADVOCATE_BARS.
import { isOwnRecord, type Stage } from '../model.js';
import { DAY, daysSince, feltRecords, lastOrderAt, latestRated, ownSignal, purchaseDays, usualInterval, type Evidence } from './evidence.js';
import { isCustomerMessage, waiting } from './dialog.js';
import { isTopRating, ratingTone } from '../rating-scales.js';
import { feltTone } from './ratings.js';
import { byCodePoint } from '../collation.js';
import { readingOf } from './readings.js';
import type { Finding } from './wording.js';

export interface StageRule {
  stage: Stage;
  id: string;
  /** Why this rule writes its stage. */
  because: string;
  /** Evidence that holds only with other evidence when the customer's ratings are good on average. */
  weak?: true;
  /** The findings that make the rule hold; empty when it does not. */
  test: (evidence: Evidence) => Finding[];
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** A habit: orders on this many different days at least. */
const HABIT_DAYS = 3;
/** Stopped: no order for this many times their usual interval, and for more than STOPPED_MIN_DAYS. */
const STOPPED_FACTOR = 3;
const STOPPED_MIN_DAYS = 90;

/** Their ratings are good on average (the advocate's bar): a weak at-risk rule alone does not outweigh them. */
const ratedWell = (e: Evidence): boolean => {
  const r = e.figures.rating;
  return r !== null && ratingTone({ value: r.mean, scale: r.scale }) === 'positive';
};

const codeTotal = (evidence: Evidence, signal: Parameters<Evidence['signals']['is']>[0]): number =>
  sum(Object.entries(evidence.figures.codes).filter(([code]) => evidence.signals.is(signal, code)).map(([, n]) => n));

const time = (e: { at: Date | null }): number => e.at?.getTime() ?? Number.NEGATIVE_INFINITY;

/** Which pains they named, most often named first: a flight cancelled on them reads as "Cancellation" here. */
function painLabels(e: Evidence, records: readonly Evidence['events'][number][]): { en: string; de: string }[] {
  const counts = new Map<string, number>();
  for (const record of records) {
    for (const code of new Set(record.annotations.filter((a) => a.by.kind === 'rule' && e.signals.is('pain', a.code)).map((a) => a.code))) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || byCodePoint(a, b)).map(([code]) => e.signals.label(code));
}

/** The latest rated record, and whether anything the customer said after it reads positive (later evidence). */
function latestRating(evidence: Evidence) {
  const latest = latestRated(evidence.events);
  if (!latest) return null;
  const warmerSince = feltRecords(evidence).some((e) => time(e) > time(latest) && feltTone(e)!.label === 'positive');
  return { event: latest, rating: latest.rating!, warmerSince };
}

/** The customer's own records (messages, tickets, posts, reviews, survey answers): not the brand's replies. */
const ownRecords = (evidence: Evidence): number => evidence.events.filter(isCustomerMessage).length;

/** Their own records and their distinct orders: an order of 13 item lines is one contact, a brand reply none. */
const contacts = (evidence: Evidence): number => ownRecords(evidence) + (evidence.figures.orders.count ?? 0);

/** The different days (UTC) they wrote to us or bought on: six tweets about one delayed flight are one day. */
function contactDays(evidence: Evidence): number {
  const days = new Set<number>(purchaseDays(evidence.events));
  for (const event of evidence.events) if (isCustomerMessage(event) && event.at) days.add(Math.floor(event.at.getTime() / DAY));
  return days.size;
}

export const STAGE_RULES: readonly StageRule[] = [
  {
    stage: 'at-risk',
    id: 'turned-away',
    because: 'The customer turns away: loyalty refused in their words or an analyst\'s code, or they end it themselves (a contract cancelled, "Ich habe gekündigt"; an order cancelled to buy elsewhere; an account closed). It is the plainest sign that the relationship may end. A cancellation they suffered (a flight, an order cancelled on them) is a pain like others, not this.',
    test: (e) => {
      const refused = codeTotal(e, 'turningAway');
      const left = e.events.filter((event) => event.direction === 'inbound' && readingOf(event, 'leaving')).length;
      const findings: Finding[] = [];
      if (refused > 0) findings.push({ key: 'turnedAway', n: refused });
      if (left > 0) findings.push({ key: 'endedItThemselves', n: left });
      return findings;
    },
  },
  {
    stage: 'at-risk',
    id: 'never-answered',
    because: 'Two or more conversations the customer opened got no reply: the dialog broke down on our side. Reviews, surveys and posts expect no reply and do not count, nor does a message whose issue a note or their own later words call solved.',
    test: (e) => {
      const n = waiting(e.exchanges).length;
      return n >= 2 ? [{ key: 'neverAnswered', n }] : [];
    },
  },
  {
    stage: 'at-risk',
    id: 'low-rating',
    because: 'Their latest rating is low (1–2★, 1–4/10, NPS 0–6, CSAT 1–2, grade 4–6, thumbs down): their own verdict, unless something they said later reads positive.',
    test: (e) => {
      const latest = latestRating(e);
      if (!latest || latest.warmerSince || ratingTone(latest.rating) !== 'negative') return [];
      return [{ key: 'lowRating', rating: latest.rating, date: latest.event.at?.toISOString().slice(0, 10) }];
    },
  },
  {
    stage: 'at-risk',
    id: 'rating-fell',
    because: 'Their rating fell by a fifth of the scale or more and is no longer good: the relationship is cooling.',
    test: (e) => {
      const r = e.figures.rating;
      const latest = latestRating(e);
      if (!r || r.trend !== 'down' || !latest || latest.warmerSince || ratingTone(latest.rating) === 'positive') return [];
      return [{ key: 'ratingFell', rating: latest.rating, value: String(r.mean) }];
    },
  },
  {
    stage: 'at-risk',
    id: 'negative-with-pains',
    because: 'Their tone on the whole, by their ratings and words, is negative (mean -0.25 or lower, a rated record counting with its rating) and two or more of their records name pain points.',
    test: (e) => {
      const mean = e.figures.tone.mean;
      const pains = e.events.filter((event) => ownSignal(e, event, 'pain'));
      if (mean === null || mean > -0.25 || pains.length < 2) return [];
      return [{ key: 'negativeWithPains', n: pains.length, value: mean.toFixed(2), labels: painLabels(e, pains) }];
    },
  },
  {
    stage: 'at-risk',
    id: 'stopped-ordering',
    because: `A buying habit that stopped: orders on ${HABIT_DAYS} or more different days (two orders of the same day are one checkout), and none for more than ${STOPPED_FACTOR} times their usual interval and more than ${STOPPED_MIN_DAYS} days. On its own it does not outweigh good ratings: they may just need less.`,
    weak: true,
    test: (e) => {
      const days = purchaseDays(e.events);
      const usual = usualInterval(days);
      const since = daysSince(e, lastOrderAt(e.events));
      if (days.length < HABIT_DAYS || usual === null || since === null) return [];
      if (since <= STOPPED_MIN_DAYS || since <= STOPPED_FACTOR * usual) return [];
      return [{ key: 'stoppedOrdering', n: since, value: String(days.length), interval: Math.round(usual) }];
    },
  },
  {
    stage: 'advocate',
    id: 'supporter-role',
    because: 'They recommend us, help other customers or advise them: they speak for us.',
    test: (e) =>
      Object.entries(e.figures.codes)
        .filter(([code]) => e.signals.is('supporter', code))
        .map(([code, n]) => ({ key: 'role' as const, n, labels: [e.signals.label(code)] })),
  },
  {
    stage: 'advocate',
    id: 'praised',
    because: 'They praised the brand in their own words.',
    test: (e) => {
      const n = codeTotal(e, 'praise');
      return n > 0 ? [{ key: 'praised', n }] : [];
    },
  },
  {
    stage: 'advocate',
    id: 'top-rating',
    because: 'Their latest rating is the top of its scale (5★, 9–10/10, NPS 9–10, CSAT 5, grade 1): they say themselves they would vouch for us.',
    test: (e) => {
      const latest = latestRating(e);
      if (!latest) return [];
      return isTopRating(latest.rating) ? [{ key: 'topRating', rating: latest.rating, date: latest.event.at?.toISOString().slice(0, 10) }] : [];
    },
  },
  {
    stage: 'regular',
    id: 'many-orders',
    because: 'Three orders or more: buying from us is a habit.',
    test: (e) => ((e.figures.orders.count ?? 0) >= 3 ? [{ key: 'manyOrders', n: e.figures.orders.count! }] : []),
  },
  {
    stage: 'regular',
    id: 'many-contacts',
    because: `Six contacts or more of their own (their messages, tickets, posts, reviews and survey answers, and their distinct orders; not the brand's replies, not order lines), on ${HABIT_DAYS} or more different days: we see them often. A burst of messages about one incident is one occasion, not a relationship.`,
    test: (e) => {
      const n = contacts(e);
      const days = contactDays(e);
      return n >= 6 && days >= HABIT_DAYS ? [{ key: 'manyContacts', n, value: String(days) }] : [];
    },
  },
  {
    stage: 'acquaintance',
    id: 'some-contact',
    because: 'An order, or two contacts of their own (a brand reply to their one review is not a second): we have met. Orders are named only where the run can know them.',
    test: (e) => {
      const orders = e.figures.orders.count;
      return (orders ?? 0) >= 1 || contacts(e) >= 2 ? [{ key: 'someContact', n: orders ?? undefined, value: String(ownRecords(e)) }] : [];
    },
  },
  {
    stage: 'stranger',
    id: 'little-contact',
    because: 'At most one contact: we do not know them yet.',
    test: (e) => {
      // The customer's own record names the contact (their review, not the brand's reply to it); an order or an
      // outbound message only when they wrote nothing.
      const single = e.events.find(isOwnRecord) ?? e.events.find((event) => event.direction !== 'internal');
      return [single ? { key: 'singleInteraction', value: single.kind } : { key: 'noInteractions' }];
    },
  },
];

export interface AdvocateBar {
  id: string;
  because: string;
  /** The finding that shows the bar is cleared, or null when it is not. */
  clears: (evidence: Evidence) => Finding | null | true;
}

/** What every advocate must also show: praise that comes with a complaint left hanging or a poor rating is not advocacy. */
export const ADVOCATE_BARS: readonly AdvocateBar[] = [
  {
    id: 'more-than-a-moment',
    because: 'Advocacy is a relationship, not a moment: at least two things they said or rated themselves (orders do not count). One happy review makes no advocate; one unhappy rating is enough for "at risk", because a warning costs less to check.',
    clears: (e) => (e.events.filter((event) => isCustomerMessage(event) && (event.text?.trim() || event.rating)).length >= 2 ? true : null),
  },
  {
    id: 'positive-voice',
    because: 'Their tone on the whole, by their ratings and words, is positive (mean 0.25 or more, rated records by their rating), not just above zero.',
    clears: (e) => {
      const mean = e.figures.tone.mean;
      return mean !== null && mean >= 0.25 ? { key: 'positiveVoice', value: mean.toFixed(2) } : null;
    },
  },
  {
    id: 'no-open-complaint',
    because: 'No complaint or pain point of theirs is left unanswered.',
    clears: (e) =>
      waiting(e.exchanges).some((x) => x.message.annotations.some((a) => e.signals.is('pain', a.code) || e.signals.is('complaint', a.code)))
        ? null
        : true,
  },
  {
    id: 'rated-well',
    because: 'When they rate us, their ratings are good on average (4–5★, 7–10/10, NPS 9–10, CSAT 4–5, grade 1–2, thumbs up).',
    clears: (e) => {
      const r = e.figures.rating;
      return !r || ratingTone({ value: r.mean, scale: r.scale }) === 'positive' ? true : null;
    },
  },
];

/** The relationship stage and the reasons that put the customer there. */
export function judgeStage(evidence: Evidence): { stage: Stage; reasons: Finding[] } {
  const stages: Stage[] = ['at-risk', 'advocate', 'regular', 'acquaintance', 'stranger'];
  for (const stage of stages) {
    const holding = STAGE_RULES.filter((rule) => rule.stage === stage).map((rule) => ({ rule, findings: rule.test(evidence) })).filter((h) => h.findings.length > 0);
    const reasons = holding.flatMap((h) => h.findings);
    if (reasons.length === 0) continue;
    if (holding.every((h) => h.rule.weak) && ratedWell(evidence)) continue;
    if (stage !== 'advocate') return { stage, reasons };
    const bars = ADVOCATE_BARS.map((bar) => bar.clears(evidence));
    if (bars.every((b) => b !== null)) return { stage, reasons: [...reasons, ...bars.filter((b): b is Finding => b !== true)] };
  }
  return { stage: 'stranger', reasons: [{ key: 'noInteractions' }] };
}
