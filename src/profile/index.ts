import { isTheme, type Customer, type Event, type IngestedEvent, type Profile } from '../model.js';
import { byCodePoint } from '../collation.js';
import { noPasses, PROGRESS_EVERY, passTicker, progressTicker, type OnProgress, type Passes } from '../progress.js';
import { DEFAULT_REPLY_HORIZON_DAYS } from './defaults.js';
import { chronological, sortedByKey } from './chronology.js';
import { dialogFigures, isCustomerMessage, pairExchanges, settleExchanges, type Exchange } from './dialog.js';
import { readingsIn } from './readings.js';
import { DAY, type RunFacts } from './evidence.js';
import { findBlindSpots, judgeAttention, judgeStage, liftCommonGaps, runBlindSpots, type Evidence } from './judgements.js';
import { feltTone, summariseRatings } from './ratings.js';
import { rfmScores, type OrderSummary } from './rfm.js';
import { signalsFor, type CodeKind, type Signals } from './signals.js';
import { span } from '../span.js';
import { exactSum } from '../sum.js';
import { assignSlugs } from './slugs.js';
import { say, type Finding, type FindingKey } from './wording.js';

export { slugify } from './slugs.js';

export interface ProfileOptions {
  /**
   * Reference date for recency; defaults to the latest event in the data, so reruns give the same report (ingest has
   * read implausible dates as unknown by then, so a lone 9999-12-31 is not it: ingest/plausible.ts).
   */
  asOf?: Date;
  ordersKnown: boolean;
  socialKnown: boolean;
  /** What "recently" means, in days. */
  recentDays?: number;
  /**
   * The start of the run's window (--since): what is "recent" (complaints that raise attention, praise an opener
   * thanks for, what changed in the overview) is then what lies in the window, instead of the last recentDays days.
   * Blind spots about a relationship's rhythm (silent lately, paused ordering) keep recentDays: a week without an
   * order is no pause.
   */
  since?: Date;
  /** Days before the reference date after which an unanswered message is no longer "still open" (default 30). */
  replyHorizonDays?: number;
  /** The active codebook's codes, so judgements read its categories (profile/signals.ts); default: by id prefix. */
  codes?: readonly CodeKind[];
  /**
   * Whether the inputs can show the brand's replies (a reply column, or outbound records); default: whether any
   * reply, or any reply the export names without containing it, is among the events.
   */
  repliesKnown?: boolean;
}

export { DEFAULT_REPLY_HORIZON_DAYS };

/** A profile with the events it was built from, for the report stage. */
export interface ProfiledCustomer {
  profile: Profile;
  customer: Customer;
  /** The customer's events, oldest first (undated last). */
  events: Event[];
  /** Each inbound message with the brand's first reply (or none). */
  exchanges: Exchange[];
  /** The judgements as data, for reports in any language (the profile holds their English wording). */
  findings: { stage: Finding[]; blindSpots: Finding[]; attention: Finding[] };
  /** The run's reference date and reply horizon, for judgements the report makes (openers). */
  asOf: Date;
  openSince: Date;
  /** Where "recent" starts: the window's start (--since), else asOf minus the run's "recently" (recentDays). */
  recentSince: Date;
  signals: Signals;
  /** What the whole run holds (whether it can show replies, has orders …). */
  run: RunFacts;
}

/** What a customer's order figures read of a record: the same on an ingested record as on an annotated one. */
type OrderLine = Pick<IngestedEvent, 'kind' | 'refund' | 'orderId' | 'id' | 'cancelled' | 'amount' | 'at'>;

function orderFigures(events: readonly OrderLine[], ordersKnown: boolean): Profile['orders'] {
  const lines = events.filter((e) => e.kind === 'order');
  // A refund pays money back for an order: it counts against revenue, not as an order of its own.
  const ids = new Set(lines.filter((e) => !e.refund).map((e) => e.orderId ?? e.id));
  // A cancelled order adds nothing; an order no line of which carries an amount leaves the revenue unknown.
  const counted = lines.filter((e) => !e.cancelled);
  const priced = new Set(counted.filter((e) => e.amount !== null).map((e) => e.orderId ?? e.id));
  const unpriced = counted.some((e) => !priced.has(e.orderId ?? e.id));
  // Summed exactly (sum.ts): the same whatever order the lines come in, annotated or not yet.
  const revenue = exactSum(counted.map((e) => e.amount ?? 0));
  if (!ordersKnown && lines.length === 0) return { count: null, revenue: null };
  return { count: ids.size, revenue: unpriced ? null : Math.round(revenue * 100) / 100 };
}

function codeCounts(events: readonly Event[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) {
    for (const annotation of event.annotations) {
      if (!isTheme(annotation)) continue;
      counts[annotation.code] = (counts[annotation.code] ?? 0) + 1;
    }
  }
  return sortedByKey(counts);
}

const meanOf = (scores: readonly number[]): number => Math.round((scores.reduce((sum, x) => sum + x, 0) / scores.length) * 100) / 100;

/** What their words read as: everything the customer wrote in a language thick reads, replies to other customers included. */
function sentimentFigures(events: readonly Event[]): Profile['sentiment'] {
  const scores = events.filter((e) => isCustomerMessage(e) && e.text?.trim() && e.sentiment && e.lang !== 'other').map((e) => e.sentiment!.score);
  return scores.length === 0 ? { mean: null, n: 0 } : { mean: meanOf(scores), n: scores.length };
}

/**
 * Their tone on the whole, for judgements: a rated record counts with its rating's tone, since the customer's own
 * verdict beats a machine's reading of the text; unrated ones with their text's.
 */
function toneFigures(events: readonly Event[]): Profile['tone'] {
  const felt = events.filter(isCustomerMessage).map(feltTone).filter((f) => f !== null);
  if (felt.length === 0) return { mean: null, n: 0, fromRatings: 0 };
  return { mean: meanOf(felt.map((f) => f.score)), n: felt.length, fromRatings: felt.filter((f) => f.from === 'rating').length };
}

function kindCounts(events: readonly Event[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) if (isCustomerMessage(event)) counts[event.kind] = (counts[event.kind] ?? 0) + 1;
  return sortedByKey(counts);
}

function channelCounts(events: readonly Event[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) if (event.direction !== 'internal') counts[event.channel] = (counts[event.channel] ?? 0) + 1;
  return sortedByKey(counts);
}

function contactSpan(events: readonly Event[]): { first: string | null; last: string | null } {
  const range = span(events.filter((e) => e.direction !== 'internal' && e.at).map((e) => e.at!.getTime()));
  return range ? { first: new Date(range.min).toISOString(), last: new Date(range.max).toISOString() } : { first: null, last: null };
}

function latestEvent(events: readonly Pick<IngestedEvent, 'at'>[]): Date {
  const range = span(events.filter((e) => e.at).map((e) => e.at!.getTime()));
  return new Date(range ? range.max : 0);
}

/**
 * What the whole run holds, for gaps said once in the index instead of in every report. Read from what ingest and
 * linking give every record, so a run can settle it before any record is annotated.
 */
export function describeRun(customers: readonly Customer[], events: readonly Pick<IngestedEvent, 'direction' | 'customerKey' | 'channel' | 'kind' | 'unseenReplies'>[], options: Pick<ProfileOptions, 'ordersKnown' | 'socialKnown' | 'repliesKnown'>): RunFacts {
  const channels = new Set(events.filter((e) => e.direction !== 'internal' && e.customerKey !== null).map((e) => e.channel));
  return {
    ordersKnown: options.ordersKnown,
    socialKnown: options.socialKnown,
    contactsKnown: customers.some((c) => c.contact !== null),
    notesKnown: events.some((e) => e.kind === 'note' && e.customerKey !== null),
    channels: [...channels].sort(byCodePoint),
    reviewsKnown: events.some((e) => e.kind === 'review' && e.direction === 'inbound'),
    repliesKnown: options.repliesKnown ?? events.some((e) => e.direction === 'outbound' || e.unseenReplies > 0),
  };
}

/** What the run-wide figures read of a record: what ingest and linking give it, so they need no annotation. */
type RunRecord = Pick<IngestedEvent, 'at' | 'direction' | 'customerKey' | 'channel' | 'kind' | 'unseenReplies'> & OrderLine;

/** What every customer of a run is judged against: the reference date, the horizons, the codebook and the run. */
export interface RunContext {
  asOf: Date;
  recentDays: number;
  openSince: Date;
  recentSince: Date;
  signals: Signals;
  run: RunFacts;
  ordersKnown: boolean;
}

function runContext(customers: readonly Customer[], events: readonly RunRecord[], options: ProfileOptions): RunContext {
  const asOf = options.asOf ?? latestEvent(events);
  const recentDays = options.recentDays ?? 90;
  return {
    asOf,
    recentDays,
    openSince: new Date(asOf.getTime() - (options.replyHorizonDays ?? DEFAULT_REPLY_HORIZON_DAYS) * DAY),
    recentSince: options.since ?? new Date(asOf.getTime() - recentDays * DAY),
    signals: signalsFor(options.codes),
    run: describeRun(customers, events, options),
    ordersKnown: options.ordersKnown,
  };
}

/** A customer's records in order, with the figures RFM is scored from across the run. */
interface Draft {
  customer: Customer;
  own: Event[];
  orders: Profile['orders'];
  summary: OrderSummary;
}

function draftOf(customer: Customer, records: readonly Event[], ctx: RunContext): Draft {
  const own = [...records].sort(chronological);
  const { orders, summary } = orderSummaryOf(customer, own, ctx);
  return { customer, own, orders, summary };
}

/** A customer's orders as the profile counts them, and the figures RFM scores them by across the run. */
function orderSummaryOf(customer: Customer, records: readonly OrderLine[], ctx: Pick<RunContext, 'asOf' | 'ordersKnown'>): { orders: Profile['orders']; summary: OrderSummary } {
  // Orders join by CRM id or email; for a customer known only by a handle, "no orders" means "unknown".
  const joinable = customer.crmId !== null || customer.emails.length > 0;
  const orders = orderFigures(records, ctx.ordersKnown && joinable);
  const lastOrder = span(records.filter((e) => e.kind === 'order' && e.at).map((e) => e.at!.getTime()));
  const summary: OrderSummary = {
    key: customer.key,
    recencyDays: lastOrder ? (ctx.asOf.getTime() - lastOrder.max) / DAY : null,
    frequency: orders.count ?? 0,
    monetary: orders.revenue ?? 0,
  };
  return { orders, summary };
}

/**
 * Every customer's RFM scores from their order lines alone, as profiling scores them: a run that profiles its
 * customers part by part settles these first, from its records before they are annotated (ingested ones do).
 */
export function runRfm(
  customers: readonly Customer[],
  lines: readonly (OrderLine & Pick<IngestedEvent, 'customerKey'>)[],
  ctx: Pick<RunContext, 'asOf' | 'ordersKnown'>,
  tick: (done: number) => void = () => {},
): Map<string, NonNullable<Profile['rfm']>> {
  const byCustomer = new Map<string, OrderLine[]>(customers.map((c) => [c.key, []]));
  for (const line of lines) if (line.customerKey !== null && line.kind === 'order') byCustomer.get(line.customerKey)?.push(line);
  const summaries = customers.map((customer, i) => {
    tick(i + 1);
    return orderSummaryOf(customer, byCustomer.get(customer.key) ?? [], ctx).summary;
  });
  return rfmScores(summaries);
}

/** The figures of one customer: what is counted, before anything is judged. */
function figuresOf({ customer, own, orders }: Draft, exchanges: readonly Exchange[], rfm: Profile['rfm'], slug: string, ctx: RunContext): Evidence['figures'] {
  const contact = contactSpan(own);
  return {
    id: customer.key,
    slug,
    name: customer.name,
    identity: { crmId: customer.crmId, emails: customer.emails, handles: customer.handles, linked: customer.contact !== null },
    firstContact: contact.first,
    lastContact: contact.last,
    channels: channelCounts(own),
    kinds: kindCounts(own),
    orders,
    rfm,
    dialog: dialogFigures(own, exchanges, ctx.openSince),
    sentiment: sentimentFigures(own),
    tone: toneFigures(own),
    rating: summariseRatings(own),
    codes: codeCounts(own),
  };
}

/**
 * The profile: the figures, then the judgements, written out field by field. In V8 (Node 20) an object spread with a
 * property added gets a hidden class of its own, and Object.assign onto {} of this many fields a dictionary of its
 * own: ~0.7-1 KB more a profile, which a run keeps to its end, and slower reads of every field. A literal's
 * profiles share one.
 */
function profileFrom(f: Evidence['figures'], judged: Pick<Profile, 'stage' | 'stageReasons' | 'blindSpots' | 'attention' | 'attentionReasons'>): Profile {
  return {
    id: f.id,
    slug: f.slug,
    name: f.name,
    identity: f.identity,
    firstContact: f.firstContact,
    lastContact: f.lastContact,
    channels: f.channels,
    kinds: f.kinds,
    orders: f.orders,
    rfm: f.rfm,
    dialog: f.dialog,
    sentiment: f.sentiment,
    tone: f.tone,
    rating: f.rating,
    codes: f.codes,
    stage: judged.stage,
    stageReasons: judged.stageReasons,
    blindSpots: judged.blindSpots,
    attention: judged.attention,
    attentionReasons: judged.attentionReasons,
  };
}

/** One customer's figures, then the judgements made from them (in English in the profile, as data for reports). */
function profileOf(draft: Draft, rfm: Profile['rfm'], slug: string, ctx: RunContext): ProfiledCustomer {
  const { customer, own } = draft;
  const { asOf, openSince, recentSince, recentDays, signals, run } = ctx;
  const exchanges = settleExchanges(pairExchanges(own, signals), readingsIn(own, 'solved'), signals);
  const figures = figuresOf(draft, exchanges, rfm, slug, ctx);
  const evidence: Evidence = { customer, events: own, exchanges, figures, asOf, openSince, run, recentDays, recentSince, signals };
  const { stage, reasons } = judgeStage(evidence);
  const attention = judgeAttention(evidence, stage);
  const blindSpots = findBlindSpots(evidence);
  const english = (findings: Finding[]) => findings.map((f) => say(f, 'en'));
  const profile = profileFrom(figures, {
    stage,
    stageReasons: english(reasons),
    blindSpots: english(blindSpots),
    attention: attention.attention,
    attentionReasons: english(attention.reasons),
  });
  const findings = { stage: reasons, blindSpots, attention: attention.reasons };
  return { profile, customer, events: own, exchanges, findings, asOf, openSince, recentSince, signals, run };
}

/** Started before the drafts and RFM, so the line shows the stage from its start; it counts finished profiles. */
export function profileTicker(onProgress: OnProgress | undefined, total: number): (done: number) => void {
  return progressTicker(onProgress, { stage: 'profile', unit: 'customers', total }, PROGRESS_EVERY / 4);
}

/**
 * Fold each customer's events into a Profile: figures first, then the judgements made from them. `only` (a shard of
 * the run, cli/shard.ts) profiles just the customers it accepts; everything measured against the whole run (the
 * reference date, RFM quintiles, slugs, what the run holds) is still measured over every customer and event, so a
 * customer's profile is the same whichever shard makes it. The events of customers left out need no annotation.
 */
export function buildProfiles(customers: readonly Customer[], events: readonly Event[], options: ProfileOptions, only?: (key: string) => boolean, onProgress?: OnProgress): ProfiledCustomer[] {
  const tick = profileTicker(onProgress, customers.length);
  return profilesIn(customers, events, runContext(customers, events, options), only, tick, onProgress);
}

function profilesIn(customers: readonly Customer[], events: readonly Event[], ctx: RunContext, only: ((key: string) => boolean) | undefined, tick: (done: number) => void, onProgress?: OnProgress): ProfiledCustomer[] {
  // RFM and slugs measure each customer against the whole run, so they come before the first profile: most of a
  // second at 100k, so they report as a part of the stage, in passes of their own.
  const settled = settleScores(customers, events, ctx, passTicker(onProgress, { stage: 'profile', unit: 'customers', total: customers.length, part: 'figures for RFM' }, SETTLE_PASSES));
  return profilePart(only ? customers.filter((customer) => only(customer.key)) : customers, events, settled, tick);
}

/** What profiling measures every customer against, settled over the whole run before the first profile. */
export interface RunProfiling {
  ctx: RunContext;
  /** RFM scores by customer key (runRfm); a customer without orders has none. */
  scores: ReadonlyMap<string, NonNullable<Profile['rfm']>>;
  /** Each customer's page name, unique over the run. */
  slugs: ReadonlyMap<string, string>;
}

/**
 * The run's context, RFM scores and slugs, from every customer and their records before annotation: what a run that
 * profiles its customers part by part settles first (profilePart then needs only the part's records).
 */
export function settleProfiling(customers: readonly Customer[], records: readonly RunRecord[], options: ProfileOptions, passes: Passes = noPasses): RunProfiling {
  return settleScores(customers, records, runContext(customers, records, options), passes);
}

/** How many passes settling RFM and slugs reports (settleScores). */
export const SETTLE_PASSES = 2;

function settleScores(customers: readonly Customer[], records: readonly RunRecord[], ctx: RunContext, passes: Passes): RunProfiling {
  const scores = runRfm(customers, records, ctx, passes.next(customers.length));
  const slugged = passes.next(1);
  const slugs = assignSlugs(customers);
  slugged(1);
  return { ctx, scores, slugs };
}

/** Profile `customers` (all of a run, or a part of it) from their records, against what the whole run settled. */
export function profilePart(customers: readonly Customer[], events: readonly Event[], { ctx, scores, slugs }: RunProfiling, tick: (done: number) => void = () => {}): ProfiledCustomer[] {
  const byCustomer = new Map<string, Event[]>(customers.map((c) => [c.key, []]));
  for (const event of events) if (event.customerKey !== null) byCustomer.get(event.customerKey)?.push(event);
  return customers.map((customer, i) => {
    const profiled = profileOf(draftOf(customer, byCustomer.get(customer.key) ?? [], ctx), scores.get(customer.key) ?? null, slugs.get(customer.key)!, ctx);
    tick(i + 1);
    return profiled;
  });
}

/** A run's profiles, and the gaps said once in its index. */
export interface ProfiledRun extends RunGaps {
  profiled: ProfiledCustomer[];
  /** What the whole run holds, whoever was profiled (a shard profiles some of the customers). */
  run: RunFacts;
}

/** The gaps a run says once in its index, and the customer gaps its Markdown reports leave to it. */
export interface RunGaps {
  /** Said once in the index: the gaps of the whole run, and one line per gap most customers share. */
  blindSpots: Finding[];
  /**
   * The customer gaps most of the run shares (judgements.ts liftCommonGaps). Each profile keeps them, since a
   * customer's profile must not depend on who else is in the run; the Markdown reports leave them to the index.
   */
  sharedGaps: FindingKey[];
}

/**
 * buildProfiles for a whole run (or the customers `only` accepts), with the gaps the run or most of its customers
 * share, for the index. The gaps most customers share are those of the profiled customers: a shard's are its own,
 * and a merge of shards lifts them again over every customer (runGaps).
 */
export function profileRun(customers: readonly Customer[], events: readonly Event[], options: ProfileOptions, only?: (key: string) => boolean, onProgress?: OnProgress): ProfiledRun {
  const tick = profileTicker(onProgress, customers.length);
  const ctx = runContext(customers, events, options);
  const profiled = profilesIn(customers, events, ctx, only, tick, onProgress);
  return { profiled, run: ctx.run, ...runGaps(profiled, ctx.run) };
}

/** The gaps of the whole run and those most of its customers share, from every customer's findings. */
export function runGaps(profiled: readonly Pick<ProfiledCustomer, 'findings'>[], run: RunFacts): RunGaps {
  const { common, lifted } = liftCommonGaps(profiled.map((p) => p.findings.blindSpots));
  return { blindSpots: [...runBlindSpots(run), ...common], sharedGaps: lifted };
}

/** Who needs attention first: highest attention score, then most recent contact, then key. */
export function byAttention(a: Pick<ProfiledCustomer, 'profile'>, b: Pick<ProfiledCustomer, 'profile'>): number {
  return b.profile.attention - a.profile.attention || byCodePoint(b.profile.lastContact ?? '', a.profile.lastContact ?? '') || byCodePoint(a.profile.id, b.profile.id);
}
