import type { Customer, Event, Profile, Stage } from '../model.js';
import { isCustomerMessage, type Exchange } from './dialog.js';
import { span } from './span.js';
import type { Finding } from './wording.js';

const DAY = 86_400_000;

/** The evidence judgements are made from: figures plus the customer's events, as of the run's reference date. */
export interface Evidence {
  customer: Customer;
  events: readonly Event[];
  /** Each inbound message with the brand's first reply, paired once in profile/index. */
  exchanges: readonly Exchange[];
  figures: Omit<Profile, 'stage' | 'stageReasons' | 'blindSpots' | 'attention' | 'attentionReasons'>;
  asOf: Date;
  /** Whether the run had any orders file; without one, "no orders" says nothing. */
  ordersKnown: boolean;
  socialKnown: boolean;
  recentDays: number;
}

const codeCount = (evidence: Evidence, prefix: string): number =>
  Object.entries(evidence.figures.codes)
    .filter(([code]) => code === prefix || code.startsWith(`${prefix}`))
    .reduce((sum, [, n]) => sum + n, 0);

function daysSince(evidence: Evidence, date: Date | null): number | null {
  return date ? Math.floor((evidence.asOf.getTime() - date.getTime()) / DAY) : null;
}

function lastOrderAt(events: readonly Event[]): Date | null {
  const range = span(events.filter((e) => e.kind === 'order' && e.at).map((e) => e.at!.getTime()));
  return range ? new Date(range.max) : null;
}

/** Signals that a relationship is in danger, each phrased as a reason a person can check. */
function riskReasons(evidence: Evidence): Finding[] {
  const { figures, events } = evidence;
  const reasons: Finding[] = [];
  const cancellation = codeCount(evidence, 'pain.cancellation') + codeCount(evidence, 'trust.loyalty-withheld');
  if (cancellation > 0) reasons.push({ key: 'cancelling', n: cancellation });
  if (figures.dialog.unanswered >= 2) reasons.push({ key: 'neverAnswered', n: figures.dialog.unanswered });
  // Only the customer's own coded words count here; analysts' codes are shown, not double-counted.
  const pains = events.filter((e) => e.direction === 'inbound' && e.annotations.some((a) => a.by.kind === 'rule' && a.code.startsWith('pain.'))).length;
  if (figures.sentiment.mean !== null && figures.sentiment.mean <= -0.25 && pains >= 2) {
    reasons.push({ key: 'negativeWithPains', n: pains, value: figures.sentiment.mean.toFixed(2) });
  }
  const last = lastOrderAt(events);
  const since = daysSince(evidence, last);
  if ((figures.orders.count ?? 0) >= 2 && since !== null && since > 90) reasons.push({ key: 'stoppedOrdering', n: since, value: String(figures.orders.count ?? 0) });
  return reasons;
}

function advocateReasons(evidence: Evidence): Finding[] {
  const reasons: Finding[] = [];
  const roles = ['role.recommender', 'role.helper', 'role.advisor'].map((code) => [code, evidence.figures.codes[code] ?? 0] as const).filter(([, n]) => n > 0);
  for (const [code, n] of roles) reasons.push({ key: 'role', n, value: code.slice(5) });
  const praise = evidence.figures.codes['dialog.praise'] ?? 0;
  if (praise > 0) reasons.push({ key: 'praised', n: praise });
  // An advocate's own words read positive on the whole (not just above zero), and no complaint of theirs is left hanging.
  const mean = evidence.figures.sentiment.mean;
  const openComplaint = evidence.exchanges.some((x) => !x.reply && !x.closing && x.message.annotations.some((a) => a.code.startsWith('pain.') || a.code === 'dialog.complaint'));
  if (reasons.length === 0 || mean === null || mean < 0.25 || openComplaint) return [];
  return [...reasons, { key: 'positiveVoice', value: mean.toFixed(2) }];
}

/** The relationship stage and the reasons that put the customer there (seeds: stranger → acquaintance → … ). */
export function judgeStage(evidence: Evidence): { stage: Stage; reasons: Finding[] } {
  const risk = riskReasons(evidence);
  if (risk.length > 0) return { stage: 'at-risk', reasons: risk };
  const advocate = advocateReasons(evidence);
  if (advocate.length > 0) return { stage: 'advocate', reasons: advocate };
  const { channels } = evidence.figures;
  const orders = { count: evidence.figures.orders.count ?? 0 };
  const interactions = Object.values(channels).reduce((a, b) => a + b, 0);
  if (orders.count >= 3) return { stage: 'regular', reasons: [{ key: 'manyOrders', n: orders.count }] };
  if (interactions >= 6) return { stage: 'regular', reasons: [{ key: 'manyInteractions', n: interactions }] };
  if (orders.count >= 1 || interactions >= 2) {
    return { stage: 'acquaintance', reasons: [{ key: 'someContact', n: orders.count, value: String(interactions) }] };
  }
  return { stage: 'stranger', reasons: [{ key: interactions === 0 ? 'noInteractions' : 'singleInteraction' }] };
}

/** What the data cannot tell about this customer: thick data names the unknown. */
export function findBlindSpots(evidence: Evidence): Finding[] {
  const { customer, events, figures, recentDays } = evidence;
  const spots: Finding[] = [];
  const voiced = events.filter((e) => e.direction === 'inbound' && e.kind !== 'order' && e.text);
  const lastVoice = voiced.map((e) => e.at?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  if (voiced.length === 0) spots.push({ key: 'noVoice' });
  else if (lastVoice > 0 && evidence.asOf.getTime() - lastVoice > recentDays * DAY) {
    spots.push({ key: 'silentLately', n: recentDays });
  }
  const channelNames = Object.keys(figures.channels);
  if (channelNames.length === 1) spots.push({ key: 'oneChannel', value: channelNames[0] });
  if (!customer.contact) {
    const via = customer.handles.length > 0 ? `@${customer.handles[0]}` : (customer.emails[0] ?? customer.key);
    spots.push({ key: 'unlinked', value: via });
  }
  if (!evidence.ordersKnown) spots.push({ key: 'noOrderData' });
  else if (!customer.crmId && customer.emails.length === 0 && !figures.orders.count) spots.push({ key: 'ordersUnjoinable' });
  else if (figures.orders.count === 0) spots.push({ key: 'noOrders' });
  if (evidence.socialKnown && customer.contact && customer.handles.length === 0) spots.push({ key: 'noHandle' });
  const handlesWithoutPosts = customer.handles.length > 0 && !events.some((e) => e.kind === 'post' && e.direction === 'inbound');
  if (handlesWithoutPosts && evidence.socialKnown) spots.push({ key: 'handleWithoutPosts', value: customer.handles[0] });
  const touching = events.filter((e) => e.direction !== 'internal');
  if (touching.length < 3) spots.push({ key: 'fewDataPoints', n: touching.length });
  const undated = events.filter((e) => !e.at).length;
  if (undated > 0) spots.push({ key: 'undated', n: undated });
  if (!events.some((e) => e.kind === 'note')) spots.push({ key: 'noNotes' });
  const silentReplies = events.filter((e) => e.direction === 'outbound' && !e.text).length;
  if (silentReplies > 0) spots.push({ key: 'silentReplies', n: silentReplies });
  const last = lastOrderAt(events);
  const since = daysSince(evidence, last);
  if ((figures.orders.count ?? 0) >= 2 && since !== null && since > recentDays) {
    spots.push({ key: 'pausedOrdering', n: since });
  }
  if (figures.sentiment.n > 0 && figures.sentiment.n < 3) spots.push({ key: 'fewTexts', n: figures.sentiment.n });
  const otherLang = voiced.filter((e) => e.lang === 'other').length;
  if (otherLang > 0) spots.push({ key: 'otherLanguage', n: otherLang });
  return spots;
}

/** A score that orders the index: who needs attention first, with the reasons. */
export function judgeAttention(evidence: Evidence, stage: Stage): { attention: number; reasons: Finding[] } {
  const { figures, events } = evidence;
  let score = 0;
  const reasons: Finding[] = [];
  // Questions only: a complaint waiting for an answer already counts as unanswered.
  const openQuestions = evidence.exchanges.filter((x) => !x.reply && !x.closing && (x.message.text?.includes('?') || x.message.annotations.some((a) => a.code === 'dialog.question')));
  if (figures.dialog.unanswered > 0) {
    score += 3 * figures.dialog.unanswered;
    reasons.push({ key: 'unanswered', n: figures.dialog.unanswered });
  }
  if (openQuestions.length > 0) {
    score += 2 * openQuestions.length;
    reasons.push({ key: 'openQuestions', n: openQuestions.length });
  }
  if (stage === 'at-risk') {
    score += 5;
    reasons.push({ key: 'atRisk' });
  }
  // A mean just below zero is noise, not a tone; the same bar as the negative label.
  if (figures.sentiment.mean !== null && figures.sentiment.mean <= -0.2) {
    score += Math.round(-figures.sentiment.mean * 4 * 10) / 10;
    reasons.push({ key: 'negativeTone' });
  }
  const recentPains = events.filter(
    (e) => isCustomerMessage(e) && e.at && evidence.asOf.getTime() - e.at.getTime() <= evidence.recentDays * DAY && e.annotations.some((a) => a.code.startsWith('pain.')),
  ).length;
  if (recentPains > 0) {
    score += recentPains;
    reasons.push({ key: 'recentComplaints', n: recentPains });
  }
  if (figures.rfm && figures.rfm.monetary >= 4) {
    score += figures.rfm.monetary / 2;
    reasons.push({ key: 'highValue' });
  }
  return { attention: Math.round(score * 10) / 10, reasons };
}
