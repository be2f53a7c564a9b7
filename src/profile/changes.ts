// What changed between two runs into the same output folder: a pure function of their states (profile/state.ts), so
// the same two runs give the same changes. Customers are matched by their hash, so a redacted run compares with a
// plain one; customers are then named by the id the newer run gives them.
import { byCodePoint } from '../collation.js';
import type { Stage } from '../model.js';
import type { CustomerState, RunState } from './state.js';

/**
 * A tone change counts when the mean moved by at least a quarter point on −1 … +1 (an eighth of the range, the same
 * share as half a star on 1–5) and rests on at least two records on both sides: one more message moves a mean of
 * one or two by that much only when it clearly differs.
 */
export const TONE_STEP = 0.25;
export const TONE_MIN_N = 2;
/**
 * A rating change counts when the mean moved by an eighth of the scale's range: half a star on 1–5, 1.125 on 1–10,
 * 12.5 points in percent. One rating on each side suffices: a rating is the customer's own verdict.
 */
export const RATING_STEP = 1 / 8;
/** Means are stored to two decimals; a change that rounding put a hair under the step still counts. */
const EPSILON = 1e-9;

export interface Moved {
  id: string;
  from: number;
  to: number;
}

export interface Changes {
  /** The run compared with: its reference date, window, whether it was redacted, and how many customers it had. */
  previous: { asOf: string; window: RunState['window']; redacted: boolean; customers: number };
  thresholds: { tone: number; toneMinN: number; rating: number };
  newCustomers: string[];
  /** Customers of the previous run that this one does not have, by the id the previous run gave them. */
  goneCustomers: string[];
  stageChanges: { id: string; from: Stage; to: Stage }[];
  toneUp: Moved[];
  toneDown: Moved[];
  /** Rating means on this run's scale (the previous one's placed on it when the scales differ). */
  ratingUp: Moved[];
  ratingDown: Moved[];
  /** Per customer, the pain codes they have now and had not (a new customer's all count). */
  newPain: { id: string; codes: string[] }[];
  /** Pain codes no customer had in the previous run. */
  newPainCodes: string[];
  /** Per customer, conversations waiting for an answer now that were not before. */
  newlyUnanswered: { id: string; n: number }[];
  /** Per customer, conversations that waited before and are answered or settled now. */
  newlyAnswered: { id: string; n: number }[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => byCodePoint(a.id, b.id);

/** Where a mean lies between the scale's worst (0) and best (1). */
function position(value: number, scale: NonNullable<RunState['scale']>): number {
  return (value - scale.min) / (scale.max - scale.min);
}

function toneMove(id: string, before: CustomerState, now: CustomerState): Moved | null {
  if (!before.tone || !now.tone || before.tone[1] < TONE_MIN_N || now.tone[1] < TONE_MIN_N) return null;
  const [from, to] = [before.tone[0], now.tone[0]];
  return Math.abs(to - from) >= TONE_STEP - EPSILON ? { id, from, to } : null;
}

function ratingMove(id: string, before: CustomerState, now: CustomerState, scales: { before: RunState['scale']; now: RunState['scale'] }): Moved | null {
  if (!before.rating || !now.rating || !scales.before || !scales.now) return null;
  const was = position(before.rating[0], scales.before);
  const is = position(now.rating[0], scales.now);
  if (Math.abs(is - was) < RATING_STEP - EPSILON) return null;
  const span = scales.now.max - scales.now.min;
  return { id, from: Math.round((scales.now.min + was * span) * 100) / 100, to: now.rating[0] };
}

const minus = (a: readonly string[] = [], b: readonly string[] = []): string[] => a.filter((x) => !b.includes(x));
const among = (a: readonly string[] = [], b: readonly string[] = []): string[] => a.filter((x) => b.includes(x));

/** What changed for one customer of this run (`was`: as the previous run had them, if it had them), added to `changes`. */
function customerChanges(changes: Changes, was: CustomerState | undefined, c: CustomerState, scales: { before: RunState['scale']; now: RunState['scale'] }): void {
  const pain = minus(c.pain, was?.pain);
  if (pain.length > 0) changes.newPain.push({ id: c.id, codes: pain });
  const opened = minus(c.open, was?.open);
  if (opened.length > 0) changes.newlyUnanswered.push({ id: c.id, n: opened.length });
  if (!was) {
    changes.newCustomers.push(c.id);
    return;
  }
  if (was.stage !== c.stage) changes.stageChanges.push({ id: c.id, from: was.stage, to: c.stage });
  const tone = toneMove(c.id, was, c);
  if (tone) (tone.to > tone.from ? changes.toneUp : changes.toneDown).push(tone);
  const rating = ratingMove(c.id, was, c, scales);
  if (rating) (rating.to > rating.from ? changes.ratingUp : changes.ratingDown).push(rating);
  const answered = among(was.open, c.closed);
  if (answered.length > 0) changes.newlyAnswered.push({ id: c.id, n: answered.length });
}

/**
 * The changes from `before` to `now`, every list in code-point order of the customers' ids. `tick` hears how many of
 * `now`'s customers are compared (the last pass of the stage compare: a tenth of a second at 100k customers).
 */
export function diffStates(before: RunState, now: RunState, tick?: (done: number) => void): Changes {
  const changes: Changes = {
    previous: { asOf: before.asOf, window: before.window, redacted: before.redacted, customers: Object.keys(before.customers).length },
    thresholds: { tone: TONE_STEP, toneMinN: TONE_MIN_N, rating: RATING_STEP },
    newCustomers: [],
    goneCustomers: [],
    stageChanges: [],
    toneUp: [],
    toneDown: [],
    ratingUp: [],
    ratingDown: [],
    newPain: [],
    newPainCodes: [],
    newlyUnanswered: [],
    newlyAnswered: [],
  };
  const scales = { before: before.scale, now: now.scale };
  Object.entries(now.customers).forEach(([key, c], i) => {
    customerChanges(changes, before.customers[key], c, scales);
    tick?.(i + 1);
  });
  for (const [key, c] of Object.entries(before.customers)) if (!now.customers[key]) changes.goneCustomers.push(c.id);
  const hadPain = new Set(Object.values(before.customers).flatMap((c) => c.pain ?? []));
  changes.newPainCodes = [...new Set(Object.values(now.customers).flatMap((c) => c.pain ?? []))].filter((code) => !hadPain.has(code)).sort(byCodePoint);
  changes.newCustomers.sort(byCodePoint);
  changes.goneCustomers.sort(byCodePoint);
  for (const list of [changes.stageChanges, changes.toneUp, changes.toneDown, changes.ratingUp, changes.ratingDown, changes.newPain, changes.newlyUnanswered, changes.newlyAnswered]) list.sort(byId);
  return changes;
}

/** Customers in `stage` now who were not in it before (new customers included). */
export function newlyIn(changes: Changes, stage: string, now: RunState): string[] {
  const moved = changes.stageChanges.filter((c) => c.to === stage).map((c) => c.id);
  const inStage = new Set(Object.values(now.customers).filter((c) => c.stage === stage).map((c) => c.id));
  const fresh = changes.newCustomers.filter((id) => inStage.has(id));
  return [...moved, ...fresh].sort(byCodePoint);
}

/** Customers with `code` now who did not have it before (new customers included). */
export const newlyWith = (changes: Changes, code: string): string[] => changes.newPain.filter((p) => p.codes.includes(code)).map((p) => p.id);

/** What a gone customer's id becomes when it cannot be shown (redact/ masks ids so). */
export const WITHHELD_ID = '[id]';

/**
 * The changes with the previous run's ids withheld where they would unmask: a redacted run names customers who are
 * gone only when the previous run was redacted too (its ids are pseudonym codes, not e-mail addresses); otherwise
 * each is "[id]", so they are still counted.
 */
export function withheldGone(changes: Changes, redacted: boolean): Changes {
  return redacted && !changes.previous.redacted ? { ...changes, goneCustomers: changes.goneCustomers.map(() => WITHHELD_ID) } : changes;
}
