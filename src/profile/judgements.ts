import type { Customer, Event, Profile, Stage } from '../model.js';
import { isInboundMessage, pairExchanges } from './dialog.js';

const DAY = 86_400_000;

/** The evidence judgements are made from: figures plus the customer's events, as of the run's reference date. */
export interface Evidence {
  customer: Customer;
  events: readonly Event[];
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
  const times = events.filter((e) => e.kind === 'order' && e.at).map((e) => e.at!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/** Signals that a relationship is in danger, each phrased as a reason a person can check. */
function riskReasons(evidence: Evidence): string[] {
  const { figures, events } = evidence;
  const reasons: string[] = [];
  const cancellation = codeCount(evidence, 'pain.cancellation') + codeCount(evidence, 'trust.loyalty-withheld');
  if (cancellation > 0) reasons.push(`talked about cancelling or leaving (${cancellation}×)`);
  if (figures.dialog.unanswered >= 2) reasons.push(`${figures.dialog.unanswered} messages never answered`);
  // Only the customer's own coded words count here; analysts' codes are shown, not double-counted.
  const pains = events.filter((e) => e.direction === 'inbound' && e.annotations.some((a) => a.by.kind === 'rule' && a.code.startsWith('pain.'))).length;
  if (figures.sentiment.mean !== null && figures.sentiment.mean <= -0.25 && pains >= 2) {
    reasons.push(`mostly negative in their own words (mean ${figures.sentiment.mean.toFixed(2)}), ${pains} messages about pain points`);
  }
  const last = lastOrderAt(events);
  const since = daysSince(evidence, last);
  if (figures.orders.count >= 2 && since !== null && since > 90) reasons.push(`ordered ${figures.orders.count}× but not in the last ${since} days`);
  return reasons;
}

function advocateReasons(evidence: Evidence): string[] {
  const reasons: string[] = [];
  const roles = ['role.recommender', 'role.helper', 'role.advisor'].map((code) => [code, evidence.figures.codes[code] ?? 0] as const).filter(([, n]) => n > 0);
  for (const [code, n] of roles) reasons.push(`${code.slice(5)} (${n}×)`);
  const praise = evidence.figures.codes['dialog.praise'] ?? 0;
  if (praise > 0) reasons.push(`praised the brand (${praise}×)`);
  const mean = evidence.figures.sentiment.mean;
  if (reasons.length === 0 || mean === null || mean <= 0.1) return [];
  return [...reasons, `positive in their own words (mean ${mean.toFixed(2)})`];
}

/** The relationship stage and the reasons that put the customer there (seeds: stranger → acquaintance → … ). */
export function judgeStage(evidence: Evidence): { stage: Stage; reasons: string[] } {
  const risk = riskReasons(evidence);
  if (risk.length > 0) return { stage: 'at-risk', reasons: risk };
  const advocate = advocateReasons(evidence);
  if (advocate.length > 0) return { stage: 'advocate', reasons: advocate };
  const { orders, channels } = evidence.figures;
  const interactions = Object.values(channels).reduce((a, b) => a + b, 0);
  if (orders.count >= 3) return { stage: 'regular', reasons: [`${orders.count} orders`] };
  if (interactions >= 6) return { stage: 'regular', reasons: [`${interactions} interactions`] };
  if (orders.count >= 1 || interactions >= 2) {
    return { stage: 'acquaintance', reasons: [`${orders.count} order${orders.count === 1 ? '' : 's'}, ${interactions} interactions`] };
  }
  return { stage: 'stranger', reasons: [interactions === 0 ? 'no interactions in the data' : 'a single interaction'] };
}

/** What the data cannot tell about this customer: thick data names the unknown. */
export function findBlindSpots(evidence: Evidence): string[] {
  const { customer, events, figures, recentDays } = evidence;
  const spots: string[] = [];
  const voiced = events.filter((e) => e.direction === 'inbound' && e.kind !== 'order' && e.text);
  const lastVoice = voiced.map((e) => e.at?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  if (voiced.length === 0) spots.push('We have no words of their own: no message, ticket or comment.');
  else if (lastVoice > 0 && evidence.asOf.getTime() - lastVoice > recentDays * DAY) {
    spots.push(`No words of their own in the last ${recentDays} days: we do not know how they feel now.`);
  }
  const channelNames = Object.keys(figures.channels);
  if (channelNames.length === 1) spots.push(`Only one channel (${channelNames[0]}): whatever they do elsewhere is invisible here.`);
  if (!customer.contact) {
    const via = customer.handles.length > 0 ? `social handle @${customer.handles[0]}` : customer.emails.length > 0 ? `email ${customer.emails[0]}` : `key ${customer.key}`;
    spots.push(`Not linked to a CRM contact: known only by ${via}.`);
  }
  if (!evidence.ordersKnown) spots.push('No order data in this run: value and buying rhythm are unknown.');
  else if (!customer.crmId && customer.emails.length === 0) spots.push('No customer id or email, so no orders can be joined: what they buy is unknown.');
  else if (figures.orders.count === 0) spots.push('No order history: we cannot say what they buy or spend.');
  if (evidence.socialKnown && customer.contact && customer.handles.length === 0) spots.push('No social handle on record: their public voice is not linked.');
  const handlesWithoutPosts = customer.handles.length > 0 && !events.some((e) => e.kind === 'post' && e.direction === 'inbound');
  if (handlesWithoutPosts && evidence.socialKnown) spots.push(`Has a social handle (@${customer.handles[0]}) but no posts in the data.`);
  const touching = events.filter((e) => e.direction !== 'internal');
  if (touching.length < 3) spots.push(`Few data points (${touching.length}): every judgement here is tentative.`);
  const undated = events.filter((e) => !e.at).length;
  if (undated > 0) spots.push(`${undated} event${undated === 1 ? '' : 's'} without a date: timing and recency may be off.`);
  if (!events.some((e) => e.kind === 'note')) spots.push('No analyst notes: nobody has written down what they know first-hand.');
  const silentReplies = events.filter((e) => e.direction === 'outbound' && !e.text).length;
  if (silentReplies > 0) spots.push(`${silentReplies} brand repl${silentReplies === 1 ? 'y' : 'ies'} without text in the data: we see that the brand answered, not what it said.`);
  const last = lastOrderAt(events);
  const since = daysSince(evidence, last);
  if (figures.orders.count >= 2 && since !== null && since > recentDays) {
    spots.push(`No order for ${since} days: we cannot see whether they buy elsewhere now, or just paused.`);
  }
  if (figures.sentiment.n > 0 && figures.sentiment.n < 3) spots.push(`Tone read by machine from only ${figures.sentiment.n} text${figures.sentiment.n === 1 ? '' : 's'}: irony and context can escape it.`);
  const otherLang = voiced.filter((e) => e.lang === 'other').length;
  if (otherLang > 0) spots.push(`${otherLang} text${otherLang === 1 ? '' : 's'} in a language thick does not read: sentiment and codes skip them.`);
  return spots;
}

/** A score that orders the index: who needs attention first, with the reasons. */
export function judgeAttention(evidence: Evidence, stage: Stage): { attention: number; reasons: string[] } {
  const { figures, events } = evidence;
  let score = 0;
  const reasons: string[] = [];
  const openQuestions = pairExchanges(events).filter((x) => !x.reply && x.message.annotations.some((a) => a.code === 'action.response-needed' || a.code === 'dialog.question'));
  if (figures.dialog.unanswered > 0) {
    score += 3 * figures.dialog.unanswered;
    reasons.push(`${figures.dialog.unanswered} unanswered`);
  }
  if (openQuestions.length > 0) {
    score += 2 * openQuestions.length;
    reasons.push(`${openQuestions.length} open question${openQuestions.length === 1 ? '' : 's'}`);
  }
  if (stage === 'at-risk') {
    score += 5;
    reasons.push('at risk');
  }
  if (figures.sentiment.mean !== null && figures.sentiment.mean < 0) {
    score += Math.round(-figures.sentiment.mean * 4 * 10) / 10;
    reasons.push('negative tone');
  }
  const recentPains = events.filter(
    (e) => isInboundMessage(e) && e.at && evidence.asOf.getTime() - e.at.getTime() <= evidence.recentDays * DAY && e.annotations.some((a) => a.code.startsWith('pain.')),
  ).length;
  if (recentPains > 0) {
    score += recentPains;
    reasons.push(`${recentPains} recent complaint${recentPains === 1 ? '' : 's'}`);
  }
  if (figures.rfm && figures.rfm.monetary >= 4) {
    score += figures.rfm.monetary / 2;
    reasons.push('high value');
  }
  return { attention: Math.round(score * 10) / 10, reasons };
}
