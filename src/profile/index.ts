import type { Customer, Event, Profile } from '../model.js';
import { dialogFigures, isCustomerMessage, pairExchanges, type Exchange } from './dialog.js';
import { findBlindSpots, judgeAttention, judgeStage, type Evidence } from './judgements.js';
import { rfmScores, type OrderSummary } from './rfm.js';
import { span } from './span.js';
import { say, type Finding } from './wording.js';

export interface ProfileOptions {
  /** Reference date for recency; defaults to the latest event in the data, so reruns give the same report. */
  asOf?: Date;
  ordersKnown: boolean;
  socialKnown: boolean;
  /** What "recently" means, in days. */
  recentDays?: number;
}

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
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

const byTime = (a: Event, b: Event): number => (a.at?.getTime() ?? Infinity) - (b.at?.getTime() ?? Infinity) || a.source.line - b.source.line;

function orderFigures(events: readonly Event[], ordersKnown: boolean): Profile['orders'] {
  const lines = events.filter((e) => e.kind === 'order');
  const ids = new Set(lines.map((e) => e.orderId ?? e.id));
  const revenue = lines.reduce((sum, e) => sum + (e.amount ?? 0), 0);
  if (!ordersKnown && lines.length === 0) return { count: null, revenue: null };
  return { count: ids.size, revenue: Math.round(revenue * 100) / 100 };
}

function codeCounts(events: readonly Event[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) {
    for (const annotation of event.annotations) {
      if (annotation.code === 'context' || annotation.code === 'note') continue;
      counts[annotation.code] = (counts[annotation.code] ?? 0) + 1;
    }
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

function sentimentFigures(events: readonly Event[]): Profile['sentiment'] {
  // Everything the customer wrote, replies to other customers included: it is their tone.
  const scores = events.filter((e) => isCustomerMessage(e) && e.sentiment && e.lang !== 'other').map((e) => e.sentiment!.score);
  if (scores.length === 0) return { mean: null, n: 0 };
  return { mean: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100, n: scores.length };
}

function channelCounts(events: readonly Event[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) if (event.direction !== 'internal') counts[event.channel] = (counts[event.channel] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

function contactSpan(events: readonly Event[]): { first: string | null; last: string | null } {
  const range = span(events.filter((e) => e.direction !== 'internal' && e.at).map((e) => e.at!.getTime()));
  return range ? { first: new Date(range.min).toISOString(), last: new Date(range.max).toISOString() } : { first: null, last: null };
}

function latestEvent(events: readonly Event[]): Date {
  const range = span(events.filter((e) => e.at).map((e) => e.at!.getTime()));
  return new Date(range ? range.max : 0);
}

/** Fold each customer's events into a Profile: figures first, then the judgements made from them. */
export function buildProfiles(customers: readonly Customer[], events: readonly Event[], options: ProfileOptions): ProfiledCustomer[] {
  const asOf = options.asOf ?? latestEvent(events);
  const recentDays = options.recentDays ?? 90;
  const byCustomer = new Map<string, Event[]>(customers.map((c) => [c.key, []]));
  for (const event of events) if (event.customerKey !== null) byCustomer.get(event.customerKey)?.push(event);

  const drafts = customers.map((customer) => {
    const own = [...(byCustomer.get(customer.key) ?? [])].sort(byTime);
    const contact = contactSpan(own);
    // Orders join by CRM id or email; for a customer known only by a handle, "no orders" means "unknown".
    const joinable = customer.crmId !== null || customer.emails.length > 0;
    const orders = orderFigures(own, options.ordersKnown && joinable);
    const lastOrder = span(own.filter((e) => e.kind === 'order' && e.at).map((e) => e.at!.getTime()));
    const summary: OrderSummary = {
      key: customer.key,
      recencyDays: lastOrder ? (asOf.getTime() - lastOrder.max) / 86_400_000 : null,
      frequency: orders.count ?? 0,
      monetary: orders.revenue ?? 0,
    };
    return { customer, own, contact, orders, summary };
  });
  const rfm = rfmScores(drafts.map((d) => d.summary));
  const slugs = new Set<string>();

  return drafts.map(({ customer, own, contact, orders }) => {
    const exchanges = pairExchanges(own);
    const figures: Evidence['figures'] = {
      id: customer.key,
      slug: uniqueSlug(slugs, customer),
      name: customer.name,
      identity: { crmId: customer.crmId, emails: customer.emails, handles: customer.handles, linked: customer.contact !== null },
      firstContact: contact.first,
      lastContact: contact.last,
      channels: channelCounts(own),
      orders,
      rfm: rfm.get(customer.key) ?? null,
      dialog: dialogFigures(own, exchanges),
      sentiment: sentimentFigures(own),
      codes: codeCounts(own),
    };
    const evidence: Evidence = { customer, events: own, exchanges, figures, asOf, ordersKnown: options.ordersKnown, socialKnown: options.socialKnown, recentDays };
    const { stage, reasons } = judgeStage(evidence);
    const attention = judgeAttention(evidence, stage);
    const blindSpots = findBlindSpots(evidence);
    const english = (findings: Finding[]) => findings.map((f) => say(f, 'en'));
    const profile: Profile = {
      ...figures,
      stage,
      stageReasons: english(reasons),
      blindSpots: english(blindSpots),
      attention: attention.attention,
      attentionReasons: english(attention.reasons),
    };
    return { profile, customer, events: own, exchanges, findings: { stage: reasons, blindSpots, attention: attention.reasons } };
  });
}

function uniqueSlug(taken: Set<string>, customer: Customer): string {
  const base = slugify(customer.crmId && customer.name ? `${customer.crmId}-${customer.name}` : customer.name ? `${customer.key}-${customer.name}` : customer.key) || 'customer';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** Who needs attention first: highest attention score, then most recent contact, then key. */
export function byAttention(a: ProfiledCustomer, b: ProfiledCustomer): number {
  return b.profile.attention - a.profile.attention || (b.profile.lastContact ?? '').localeCompare(a.profile.lastContact ?? '') || a.profile.id.localeCompare(b.profile.id);
}
