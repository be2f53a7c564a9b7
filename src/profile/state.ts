// The state a run leaves in its output folder (thick-state.json), so the next run into the same folder can say what
// changed (profile/changes.ts). It holds only what the comparison needs, per customer: stage, tone, rating, pain codes
// and the conversations still waiting for an answer or answered. Pure: built from the profiles, read from text; the
// CLI reads and writes the file.
//
// Customers are kept under a hash of their linking key, not under the key itself: the same customer has the same
// hash whether the run was redacted or not (a redacted run's ids are pseudonyms), so a --redact run compares with a
// plain one, and the state of a redacted run holds no e-mail address or handle. Each entry also keeps the id the
// run's profiles.jsonl gives the customer (a pseudonym code in a redacted run), to name customers who are gone.
import { createHash } from 'node:crypto';
import { byCodePoint } from '../collation.js';
import { recordIdOf } from '../ingest/link.js';
import { isOwnRecord, type Event, type Rating, type Stage } from '../model.js';
import type { Changes } from './changes.js';
import { noPasses, progressTicker, type OnProgress, type Passes } from '../progress.js';
import type { Exchange } from './dialog.js';
import type { ProfiledCustomer } from './index.js';
import { jsonText } from './record.js';
import { commonScaleOf, onCommonScale, type CommonScale } from './ratings.js';

/** Bumped when the file's meaning changes; a state of another version is not compared (the run says so). */
export const STATE_VERSION = 1;
export const STATE_FILE = 'thick-state.json';

/** One customer as the next run compares them. Empty parts are left out of the file. */
export interface CustomerState {
  /** The customer's id as this run's profiles.jsonl writes it (a pseudonym code when redacted). */
  id: string;
  stage: Stage;
  /** Tone mean (−1 … +1) and how many records it rests on. */
  tone?: [number, number];
  /** Rating mean on the run's common scale (RunState.scale) and how many ratings it rests on. */
  rating?: [number, number];
  /** The customer's pain codes (codes of the category the codebook marks pain), by code point. */
  pain?: string[];
  /** Conversations waiting for the brand's answer (unanswered, not settled), as ConversationKeys. */
  open?: string[];
  /** Conversations that awaited an answer and have one, or were settled, as ConversationKeys. */
  closed?: string[];
}

export interface RunState {
  version: number;
  /** The run's reference date (YYYY-MM-DD). */
  asOf: string;
  /** The window the run looked at (--since/--until), when given. */
  window: { since?: string; until?: string } | null;
  /** Whether the run was redacted (--redact, --handout): its ids are pseudonym codes. */
  redacted: boolean;
  /** The scale ratings are on; null when the run has none. */
  scale: { unit: CommonScale['unit']; min: number; max: number } | null;
  /** By customer hash (customerHash), in code-point order. */
  customers: Record<string, CustomerState>;
}

const hash = (text: string, length: number): string => createHash('sha256').update(text).digest('hex').slice(0, length);

/**
 * A customer's hash: 12 hex digits (48 bits) of SHA-256 of their linking key. Two customers of a run of 100,000
 * share one with a chance of about 1 in 50,000; the CLI warns when they do.
 */
export const customerHash = (key: string): string => hash(`thick-customer\u0000${key}`, 12);

/**
 * A conversation's key, stable across exports (rows move between them, so never the line): the message's own id
 * (a ticket or tweet id) on its channel where the export has one, else its time and channel; hashed with the
 * customer's key to 8 hex digits, which only need to tell one customer's conversations apart. Two messages of one
 * customer on one channel at the same second without ids are one conversation here.
 */
export function conversationKey(customerKey: string, exchange: Pick<Exchange, 'message'>): string {
  const { messageId, channel, at } = exchange.message;
  // An id thick made from the file and line (the export has no id column) is no id: lines move between exports.
  const own = messageId !== null && recordIdOf(exchange.message) !== null ? `id\u0000${messageId}` : `at\u0000${at ? at.toISOString() : ''}`;
  return hash(`${customerKey}\u0000${channel}\u0000${own}`, 8);
}

/** What became of a conversation for the state: waiting for an answer, answered (or settled), or neither. */
function conversationSide(exchange: Exchange): 'open' | 'closed' | null {
  if (!exchange.message.expectsReply) return null;
  if (exchange.status === 'unanswered') return exchange.settledBy ? 'closed' : 'open';
  return exchange.status === 'answered' || exchange.status === 'answeredTimeUnknown' ? 'closed' : null;
}

const sortedSet = (values: readonly string[]): string[] => [...new Set(values)].sort(byCodePoint);
const round = (value: number, places: number): number => Math.round(value * 10 ** places) / 10 ** places;

/**
 * What the state takes from one customer, before what needs the whole run is known: the common rating scale (their
 * rating is kept on its own scale) and the numbering of anonymous records alike. A run can keep these and let the
 * customer's records go.
 */
export interface StateDraft {
  /** Their linking key; for an anonymous customer keyed by file and line, their record's content (stateKeys). */
  key: string;
  /** Whether `key` is a record's content, numbered among records alike once the run's order is known. */
  byContent: boolean;
  stage: Stage;
  tone?: [number, number];
  /** Their rating's mean on its own scale and how many ratings it rests on. */
  rating?: { mean: number; scale: Rating['scale']; n: number };
  pain?: string[];
  open?: string[];
  closed?: string[];
  /** Their own records' ratings, counted by scale: the run's common scale is the commonest. */
  scales: Partial<Record<Rating['scale'], number>>;
}

export function stateDraft(subject: ProfiledCustomer): StateDraft {
  const { profile, customer } = subject;
  const record = lineKeyedRecord(subject);
  const draft: StateDraft = { key: record ? contentKey(record) : customer.key, byContent: record !== null, stage: profile.stage, scales: {} };
  if (profile.tone.mean !== null && profile.tone.n > 0) draft.tone = [profile.tone.mean, profile.tone.n];
  if (profile.rating) draft.rating = { mean: profile.rating.mean, scale: profile.rating.scale, n: profile.rating.n };
  const pain = Object.keys(profile.codes).filter((code) => subject.signals.is('pain', code));
  if (pain.length > 0) draft.pain = sortedSet(pain);
  const sides = { open: [] as string[], closed: [] as string[] };
  for (const exchange of subject.exchanges) {
    const side = conversationSide(exchange);
    if (side) sides[side].push(conversationKey(customer.key, exchange));
  }
  if (sides.open.length > 0) draft.open = sortedSet(sides.open);
  // A conversation answered once and waiting again (a second message with the same time and no id) stays open.
  const closed = sides.closed.filter((k) => !sides.open.includes(k));
  if (closed.length > 0) draft.closed = sortedSet(closed);
  for (const event of subject.events) if (event.rating && isOwnRecord(event)) draft.scales[event.rating.scale] = (draft.scales[event.rating.scale] ?? 0) + 1;
  return draft;
}

function customerState(draft: StateDraft, id: string, scale: CommonScale | null): CustomerState {
  const state: CustomerState = { id, stage: draft.stage };
  if (draft.tone) state.tone = draft.tone;
  if (draft.rating && scale) state.rating = [round(onCommonScale({ value: draft.rating.mean, scale: draft.rating.scale }, scale), 2), draft.rating.n];
  if (draft.pain) state.pain = draft.pain;
  if (draft.open) state.open = draft.open;
  if (draft.closed) state.closed = draft.closed;
  return state;
}

/** An anonymous customer's one record, when the export gave it no id: thick keyed them by file and line. */
function lineKeyedRecord(subject: ProfiledCustomer): Event | null {
  if (!subject.customer.anonymous) return null;
  const own = subject.events.filter(isOwnRecord);
  return own.length === 1 && recordIdOf(own[0]!) === null ? own[0]! : null;
}

/**
 * What the state knows a customer by: their linking key, except an anonymous customer whose record has no id
 * (named by file and line): a newest-first export that grows at the top moves every line, so they are known by
 * their record's content, numbered among records alike in the order of the run.
 */
const contentKey = (record: Event): string =>
  ['anonymous', record.who.placeholder ?? '', record.kind, record.at?.toISOString() ?? '', record.rating ? `${record.rating.value}/${record.rating.scale}` : '', record.text ?? ''].join('\u0000');

/** Each draft's key, records alike numbered in the order of the run. */
function stateKeys(drafts: readonly StateDraft[]): string[] {
  const seen = new Map<string, number>();
  return drafts.map(({ key, byContent }) => {
    if (!byContent) return key;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${key}\u0000${n}`;
  });
}

/** The run's common rating scale from every customer's ratings counted by scale (ratings.ts commonScale). */
function draftScale(drafts: readonly StateDraft[]): CommonScale | null {
  const counts = new Map<Rating['scale'], number>();
  for (const draft of drafts) for (const [scale, n] of Object.entries(draft.scales) as [Rating['scale'], number][]) counts.set(scale, (counts.get(scale) ?? 0) + n);
  return commonScaleOf(counts);
}

export interface StateOptions {
  asOf: Date;
  window?: { since?: string; until?: string } | null;
  redacted: boolean;
  /** Hears each customer's state made (progress.ts): most of the half second this takes at 100k customers. */
  onProgress?: OnProgress;
}

/**
 * The state of a run from each customer's draft (stateDraft, of the customer as profiled: their linking key
 * unredacted) and the id the run's outputs give them, in the order of the run. Returns the state and the ids of
 * customers whose hashes collide (kept once).
 */
export function foldState(drafted: readonly { draft: StateDraft; id: string }[], options: StateOptions): { state: RunState; collisions: string[] } {
  const drafts = drafted.map((c) => c.draft);
  const scale = draftScale(drafts);
  const keys = stateKeys(drafts);
  const tick = progressTicker(options.onProgress, { stage: 'state', unit: 'customers', total: drafted.length });
  const entries = drafted.map(({ draft, id }, i) => {
    tick(i + 1);
    return [customerHash(keys[i]!), customerState(draft, id, scale)] as const;
  });
  entries.sort(([a, x], [b, y]) => byCodePoint(a, b) || byCodePoint(x.id, y.id));
  const customers: Record<string, CustomerState> = {};
  const collisions: string[] = [];
  for (const [key, state] of entries) {
    if (customers[key]) collisions.push(state.id);
    else customers[key] = state;
  }
  const state: RunState = {
    version: STATE_VERSION,
    asOf: options.asOf.toISOString().slice(0, 10),
    window: options.window ?? null,
    redacted: options.redacted,
    scale: scale ? { unit: scale.unit, min: scale.min, max: scale.max } : null,
    customers,
  };
  return { state, collisions };
}

/**
 * The state as the file holds it: JSON, one customer a line, so it stays small and a diff of two states reads line
 * by line. The first key marks the file as thick's, so it is never read back as an input export. `changes` are what
 * the run found since the run before it: a rerun over the same data repeats them (sameData), so a retried weekly job
 * says what the first try said and writes the same bytes.
 */
export function stateText(state: RunState, changes: Changes | null = null): string {
  const { customers, ...head } = state;
  const lines = Object.entries(customers).map(([key, customer]) => `${jsonText(key)}:${jsonText(customer)}`);
  return `${headText(head, changes).slice(0, -1)},"customers":{\n${lines.join(',\n')}\n}}\n`;
}

/** The file's first key and the state but for its customers, as one JSON object. */
const headText = (head: Omit<RunState, 'customers'>, changes: Changes | null): string => jsonText({ thick: 'state', ...head, changes });

/**
 * Whether two states hold the same data: then the newer run is a rerun, and repeats the older one's changes. What
 * comparing their stateText would say, told customer by customer, so that `tick` hears how many are compared (a
 * fifth of a second at 100k customers) and a state that differs is told at its first difference.
 */
export function sameData(a: RunState, b: RunState, tick?: (done: number) => void): boolean {
  const { customers: before, ...headA } = a;
  const { customers: now, ...headB } = b;
  if (headText(headA, null) !== headText(headB, null)) return false;
  const was = Object.entries(before);
  const is = Object.entries(now);
  if (was.length !== is.length) return false;
  for (let i = 0; i < is.length; i++) {
    // Keys are equal exactly when their JSON texts are: what the file's lines would compare.
    if (was[i]![0] !== is[i]![0] || jsonText(was[i]![1]) !== jsonText(is[i]![1])) return false;
    tick?.(i + 1);
  }
  return true;
}

/** Why a text is not a state thick can compare with, or the state and the changes its run found. */
export type ReadState = { ok: true; state: RunState; changes: Changes | null } | { ok: false; reason: string; otherVersion?: number };

const CHANGE_LISTS = ['newCustomers', 'goneCustomers', 'stageChanges', 'toneUp', 'toneDown', 'ratingUp', 'ratingDown', 'newPain', 'newPainCodes', 'newlyUnanswered', 'newlyAnswered'] as const;

/** A stored `changes` is thick's own; checked only so far that drawing it cannot fail. */
function validChanges(value: unknown): boolean {
  if (value === null) return true;
  const c = value as Record<string, unknown>;
  return typeof c === 'object' && typeof c.previous === 'object' && c.previous !== null && typeof c.thresholds === 'object' && CHANGE_LISTS.every((k) => Array.isArray(c[k]));
}

const STAGES: ReadonlySet<string> = new Set(['stranger', 'acquaintance', 'regular', 'advocate', 'at-risk']);
const isPair = (v: unknown): boolean => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
const isKeys = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');

function validCustomer(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  if (typeof c.id !== 'string' || typeof c.stage !== 'string' || !STAGES.has(c.stage)) return false;
  if ((c.tone !== undefined && !isPair(c.tone)) || (c.rating !== undefined && !isPair(c.rating))) return false;
  return [c.pain, c.open, c.closed].every((v) => v === undefined || isKeys(v));
}

function validScale(value: unknown): boolean {
  if (value === null) return true;
  const s = value as Record<string, unknown>;
  return typeof s === 'object' && typeof s.unit === 'string' && typeof s.min === 'number' && typeof s.max === 'number' && s.max > s.min;
}

/** Every customer of a state's file checked, one pass of `passes` (a tenth of a second at 100k customers). */
function validCustomers(customers: Record<string, unknown>, passes: Passes): boolean {
  const all = Object.values(customers);
  const tick = passes.next(all.length);
  return all.every((customer, i) => {
    const valid = validCustomer(customer);
    tick(i + 1);
    return valid;
  });
}

/**
 * The passes of comparing with the previous run (the stage compare), each a tenth or two of a second at 100k
 * customers: the state's text parsed and its customers checked (parseState), the two states compared (sameData), and
 * what changed told (diffStates) unless they are the same.
 */
export const COMPARE_PASSES = 4;

/**
 * Read a state file's text: a state of this version, or why it cannot be compared with. `passes` hears the first two
 * passes of the compare stage (COMPARE_PASSES), the text parsed and the customers checked.
 */
export function parseState(text: string, passes: Passes = noPasses): ReadState {
  let data: unknown;
  const parsing = passes.next(1);
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'is not valid JSON' };
  }
  parsing(1);
  const d = data as Record<string, unknown>;
  if (typeof d !== 'object' || d === null || d.thick !== 'state') return { ok: false, reason: "is not a state thick wrote" };
  if (d.version !== STATE_VERSION) return { ok: false, reason: `was written by another version of thick (state version ${String(d.version)}, this one reads ${STATE_VERSION})`, otherVersion: Number(d.version) };
  const window = d.window as Record<string, unknown> | null;
  const windowOk = window === null || (typeof window === 'object' && Object.values(window).every((v) => typeof v === 'string'));
  const customers = d.customers as Record<string, unknown>;
  const shapeOk = typeof d.asOf === 'string' && typeof d.redacted === 'boolean' && windowOk && validScale(d.scale) && typeof customers === 'object' && customers !== null;
  if (!shapeOk || !validChanges(d.changes ?? null) || !validCustomers(customers, passes)) return { ok: false, reason: 'is damaged (a field is missing or has the wrong type)' };
  const { thick: _thick, changes, ...state } = d;
  return { ok: true, state: state as unknown as RunState, changes: (changes ?? null) as Changes | null };
}
