import { isCustomerVoice, type Event, type Stage } from '../model.js';
import { stillOpen } from './dialog.js';
import { DAY, daysSince, feltRecords, lastOrderAt, latestRated, ownSignal, purchaseDays, type Evidence, type RunFacts } from './evidence.js';
import { ratingPosition, ratingTone } from '../rating-scales.js';
import { feltTone, toneDisagrees } from './ratings.js';
import { asksSomething } from './readings.js';
import { span } from '../span.js';
import { byCodePoint } from '../collation.js';
import type { Finding, FindingKey } from './wording.js';

export { judgeStage } from './stages.js';
export type { Evidence, RunFacts } from './evidence.js';

const isoDay = (date: Date | null | undefined): string | undefined => date?.toISOString().slice(0, 10);

/** The customer's own words (text they wrote), oldest first. */
const voiced = (evidence: Evidence): Event[] => evidence.events.filter(isCustomerVoice);

/** Gaps in who they are: identity, links, the CRM. */
function identityGaps(evidence: Evidence): Finding[] {
  const { customer, run } = evidence;
  const spots: Finding[] = [];
  if (customer.anonymous) spots.push({ key: 'anonymous', value: customer.name ?? '' });
  if (customer.nameJoins.length > 0) {
    const where = customer.nameJoins.slice(0, 3).map((s) => `${s.file}:${s.line}`).join(', ');
    spots.push({ key: 'nameJoins', n: customer.nameJoins.length, value: where });
  }
  if (run.contactsKnown && !customer.contact && !customer.anonymous) {
    spots.push({ key: 'unlinked', value: customer.handles.length > 0 ? `@${customer.handles[0]}` : (customer.emails[0] ?? customer.key) });
  }
  if (run.socialKnown && customer.contact && customer.handles.length === 0) spots.push({ key: 'noHandle' });
  const handlesWithoutPosts = customer.handles.length > 0 && !evidence.events.some((e) => e.kind === 'post' && e.direction === 'inbound');
  if (handlesWithoutPosts && run.socialKnown) spots.push({ key: 'handleWithoutPosts', value: customer.handles[0] });
  const channels = Object.keys(evidence.figures.channels);
  if (channels.length === 1 && run.channels.length > 1) {
    spots.push({ key: 'oneChannel', value: channels[0], n: run.channels.length - 1 });
  }
  return spots;
}

/** Gaps in what they buy. With no order data in the run at all, the index says so once. */
function orderGaps(evidence: Evidence): Finding[] {
  const { customer, figures, run, events } = evidence;
  if (!run.ordersKnown || customer.anonymous) return [];
  const spots: Finding[] = [];
  if (!customer.crmId && customer.emails.length === 0 && !figures.orders.count) {
    spots.push({ key: 'ordersUnjoinable', value: customer.handles.length > 0 ? `@${customer.handles[0]}` : customer.key });
  } else if (figures.orders.count === 0) spots.push({ key: 'noOrders', value: customer.emails[0] ?? customer.crmId ?? customer.key });
  const since = daysSince(evidence, lastOrderAt(events));
  // Bought on two days or more (two orders of the same second are one checkout), and not recently.
  if (purchaseDays(events).length >= 2 && since !== null && since > evidence.recentDays) spots.push({ key: 'pausedOrdering', n: since });
  return spots;
}

/** Gaps in what they said and how we read it. */
function voiceGaps(evidence: Evidence): Finding[] {
  const { events, figures, recentDays } = evidence;
  const spots: Finding[] = [];
  const words = voiced(evidence);
  const rated = events.filter((e) => e.direction === 'inbound' && e.rating);
  if (words.length === 0 && rated.length === 0) spots.push({ key: 'noVoice' });
  const lastVoice = span([...words, ...rated].map((e) => e.at?.getTime() ?? 0))?.max ?? 0;
  const own = events.filter((e) => e.direction === 'inbound').length;
  // With fewer than three records, fewDataPoints names the latest and its date; "nothing since" would say it twice.
  if (own >= 3 && lastVoice > 0 && evidence.asOf.getTime() - lastVoice > recentDays * DAY) {
    spots.push({ key: 'silentLately', n: Math.floor((evidence.asOf.getTime() - lastVoice) / DAY), date: isoDay(new Date(lastVoice)) });
  }
  const wordless = rated.filter((e) => !e.text?.trim()).length;
  if (wordless > 0 && words.length === 0) spots.push({ key: 'ratedWithoutWords', n: wordless });
  // With fewer than three records at all, fewDataPoints already says every judgement is tentative.
  const byText = feltRecords(evidence).filter((e) => feltTone(e)!.from === 'text').length;
  if (rated.length === 0 && byText > 0 && byText < 3 && own >= 3) spots.push({ key: 'fewTexts', n: byText });
  const disagree = events.filter(toneDisagrees).length;
  if (disagree > 0) spots.push({ key: 'toneDisagrees', n: disagree });
  const otherLang = words.filter((e) => e.lang === 'other').length;
  if (otherLang > 0) spots.push({ key: 'otherLanguage', n: otherLang });
  if (figures.dialog.answeredTimeUnknown > 0) spots.push({ key: 'answeredElsewhere', n: figures.dialog.answeredTimeUnknown });
  const silentReplies = events.filter((e) => e.direction === 'outbound' && !e.text).length;
  if (silentReplies > 0) spots.push({ key: 'silentReplies', n: silentReplies });
  return spots;
}

/** Gaps in how much there is: few records, no dates, no first-hand notes. */
function depthGaps(evidence: Evidence): Finding[] {
  const { events, run } = evidence;
  const spots: Finding[] = [];
  // The customer's own records (words, ratings, orders); the brand's replies say little about them.
  const own = events.filter((e) => e.direction === 'inbound');
  const latest = own.filter((e) => e.at).at(-1) ?? own.at(-1);
  if (own.length < 3) spots.push({ key: 'fewDataPoints', n: own.length, value: latest?.kind, date: isoDay(latest?.at) });
  const undated = events.filter((e) => !e.at).length;
  if (undated > 0) spots.push({ key: 'undated', n: undated });
  // Only where someone has likely met them: three records or more, and the run has notes on others.
  if (run.notesKnown && own.length >= 3 && !events.some((e) => e.kind === 'note')) spots.push({ key: 'noNotes' });
  return spots;
}

/**
 * What the data cannot tell about this customer, each gap with what would fill it. Gaps that hold for the whole
 * run (runBlindSpots) are left to the index.
 */
export function findBlindSpots(evidence: Evidence): Finding[] {
  return [...voiceGaps(evidence), ...identityGaps(evidence), ...orderGaps(evidence), ...depthGaps(evidence)];
}

/** Share of customers from which a gap counts as common to the run, and the run size from which that is judged. */
export const COMMON_GAP_SHARE = 0.8;
export const COMMON_GAP_MIN_CUSTOMERS = 20;

/**
 * Gaps most customers share (COMMON_GAP_SHARE or more of a run of COMMON_GAP_MIN_CUSTOMERS or more): one line in the
 * index says how many customers they concern, and the Markdown reports leave them out, so a report lists what is
 * particular to its customer (profiles keep every gap). Returns the index lines and the keys lifted.
 */
export function liftCommonGaps(perCustomer: readonly Finding[][]): { common: Finding[]; lifted: FindingKey[] } {
  const total = perCustomer.length;
  if (total < COMMON_GAP_MIN_CUSTOMERS) return { common: [], lifted: [] };
  const counts = new Map<FindingKey, number>();
  for (const findings of perCustomer) for (const key of new Set(findings.map((f) => f.key))) counts.set(key, (counts.get(key) ?? 0) + 1);
  // Most customers first, then by key: the order the customers come in (their rows' order) must not show.
  const lifted = [...counts]
    .filter(([, n]) => n >= COMMON_GAP_SHARE * total)
    .sort(([a, n], [b, m]) => m - n || byCodePoint(a, b))
    .map(([key]) => key);
  const common: Finding[] = lifted.map((key) => ({ key: 'commonGap', value: key, n: counts.get(key)!, of: total }));
  return { common, lifted };
}

/** Gaps that hold for every customer of the run: said once, in the index. */
export function runBlindSpots(run: RunFacts): Finding[] {
  const spots: Finding[] = [];
  if (!run.ordersKnown) spots.push({ key: 'runNoOrders' });
  if (!run.contactsKnown) spots.push({ key: 'runNoContacts' });
  if (!run.notesKnown) spots.push({ key: 'runNoNotes' });
  if (!run.socialKnown) spots.push({ key: run.reviewsKnown ? 'runOnlyReviews' : 'runNoSocial' });
  if (run.channels.length === 1) spots.push({ key: 'runOneChannel', value: run.channels[0] });
  return spots;
}

/** 1 now, ½ after half a year, ⅓ after a year: older evidence weighs less but never drops to nothing. */
function freshness(evidence: Evidence, at: Date | null): number {
  if (!at) return 0.5;
  const days = Math.max(0, (evidence.asOf.getTime() - at.getTime()) / DAY);
  return 1 / (1 + days / 180);
}

function lastWordsAt(evidence: Evidence): Date | null {
  const times = evidence.events.filter((e) => e.direction === 'inbound' && e.at && (e.text || e.rating)).map((e) => e.at!.getTime());
  // Not Math.max(...times): a spread of ~125,000 values overflows the call stack.
  const range = span(times);
  return range ? new Date(range.max) : null;
}

/**
 * Records of the customer's that read negative, expected no reply, got none, and are newer than the horizon; none
 * when the run cannot show replies at all (no reply column, no reply in it).
 */
function unrepliedCritical(evidence: Evidence): number {
  if (!evidence.run.repliesKnown) return 0;
  return evidence.exchanges.filter((x) => x.status === 'noReplyExpected' && x.message.at && x.message.at >= evidence.openSince && feltTone(x.message)?.label === 'negative').length;
}

/**
 * The brand has had the last word: their latest message was answered, or they closed with a thanks. Not when that
 * message carries a rating of a conversation (a ticket's satisfaction score): it is their verdict on the answer.
 */
function brandHadLastWord(evidence: Evidence): boolean {
  const latest = [...evidence.exchanges].sort((a, b) => (b.message.at?.getTime() ?? 0) - (a.message.at?.getTime() ?? 0))[0];
  if (!latest || (latest.message.rating && latest.message.kind !== 'review' && latest.message.kind !== 'post')) return false;
  return latest.status === 'answered' || latest.status === 'answeredTimeUnknown' || latest.status === 'noReplyNeeded';
}

/**
 * How much what the customer said weighs for attention now: fully while nothing of theirs has been answered, half
 * once the brand has had the last word (a 1-star review the brand answered needs less doing than one nobody did).
 */
const STILL_THEIRS = 1;
const ANSWERED = 0.5;

/**
 * The graded base every customer with words gets, so thousands of customers do not tie: more recent, more negative
 * (a rated record by its rating) and more records mean more attention. At most about 3; the weighted signals in
 * judgeAttention outweigh it.
 */
function baseAttention(evidence: Evidence, spoke: number): number {
  const mean = evidence.figures.tone.mean ?? 0;
  const records = evidence.figures.dialog.inbound;
  return spoke * (1 + (1 - mean) / 2 + Math.log2(1 + records) / 4);
}

/**
 * A score that orders the index: who needs attention first, with the reasons. Messages still open (newer than the
 * reply horizon) weigh most, then an unreplied critical review, the latest rating (the lower, the more), the at-risk
 * stage, a negative tone, recent complaints and high value. Ratings, stage, tone and complaints fade with age and
 * weigh half once the brand has had the last word; the graded base
 * (recency, tone, number of records) orders what is left. Rounded to two decimals.
 */
export function judgeAttention(evidence: Evidence, stage: Stage): { attention: number; reasons: Finding[] } {
  const { figures, events, signals } = evidence;
  let score = 0;
  const reasons: Finding[] = [];
  const open = stillOpen(evidence.exchanges, evidence.openSince);
  const questions = open.filter((x) => asksSomething(x.message, signals));
  if (open.length > 0) {
    score += 3 * open.length + questions.length;
    reasons.push({ key: 'unanswered', n: open.length });
    if (questions.length > 0) reasons.push({ key: 'openQuestions', n: questions.length });
  }
  const critical = unrepliedCritical(evidence);
  if (critical > 0) {
    score += 2 * critical;
    reasons.push({ key: 'unrepliedCritical', n: critical });
  }
  const weight = brandHadLastWord(evidence) ? ANSWERED : STILL_THEIRS;
  const rated = latestRated(events);
  if (rated) {
    score += 4 * (1 - ratingPosition(rated.rating!)) * freshness(evidence, rated.at) * weight;
    if (ratingTone(rated.rating!) === 'negative') reasons.push({ key: 'lowRatingShort', rating: rated.rating!, date: isoDay(rated.at) });
  }
  const last = lastWordsAt(evidence) ?? (figures.lastContact ? new Date(figures.lastContact) : null);
  const spoke = last ? freshness(evidence, last) : 0;
  if (stage === 'at-risk') {
    score += 4 * (last ? spoke : 0.5) * weight;
    reasons.push({ key: 'atRisk' });
  }
  // The tone of their own words: a rating already counted above (and in the stage) is not counted a third time, and
  // the index's "negative tone" matches its column of the words' tone. A mean just below zero is noise, not a tone;
  // the same bar as the negative label.
  const words = figures.sentiment.mean;
  if (words !== null && words <= -0.2) {
    score += -words * 4 * (last ? spoke : 0.5) * weight;
    reasons.push({ key: 'negativeTone' });
  }
  // Recent: from recentSince on (the window with --since), later records included as they always were.
  const recentPains = events.filter((e) => e.at && e.at.getTime() >= evidence.recentSince.getTime() && ownSignal(evidence, e, 'pain')).length;
  if (recentPains > 0) {
    score += recentPains * weight;
    reasons.push({ key: 'recentComplaints', n: recentPains });
  }
  if (figures.rfm && figures.rfm.monetary >= 4) {
    score += figures.rfm.monetary / 2;
    reasons.push({ key: 'highValue' });
  }
  score += baseAttention(evidence, spoke);
  return { attention: Math.round(score * 100) / 100, reasons };
}
