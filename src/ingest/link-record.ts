// What linking reads of a record and what it decides about it, apart from the record itself. Linking (link.ts)
// decides on these compact records alone: who the row names, its kind, time, ids and thread, and of its words only
// what linking uses (the handles it mentions, a digest of its words to find a repeat). So a run can link records it
// does not hold whole (their text, raw row and cells), and apply the decisions to its events afterwards, part by part.
import type { Direction, EventKind, IdentityKeys, IngestedEvent, Source } from '../model.js';
import { normaliseHandle } from './normalise.js';
import { joinedId } from './text.js';

export interface LinkRecord {
  readonly id: string;
  readonly source: Source;
  readonly who: IdentityKeys;
  readonly channel: string;
  readonly direction: Direction;
  readonly kind: EventKind;
  readonly orderId: string | null;
  readonly messageId: string | null;
  readonly replyTo: string | null;
  readonly replies: readonly string[] | undefined;
  /** The author the export names on the brand's rows (the brand's handle). */
  readonly author: string | null;
  readonly product: string | undefined;
  readonly rating: number | null;
  /** A customer's record: every handle its text mentions (does it address the brand?). Else none. */
  readonly mentions: readonly string[];
  /** The brand's record: the handles its text opens with (whom it answers). Else none. */
  readonly addressees: readonly string[];
  /** Its words with runs of white space as one, as a digest (wordsDigest); null without words. */
  readonly words: string | null;
  // What linking decides (the rest is the record as read):
  /** An order line without a date takes its order's. */
  at: Date | null;
  /** Every line of a cancelled order is cancelled, with the order's status. */
  cancelled: boolean | undefined;
  status: string | undefined;
  customerKey: string | null;
  expectsReply: boolean;
  peerReply: boolean | undefined;
  unseenReplies: number;
}

const NONE: readonly string[] = Object.freeze([]);

/** The handles a brand post addresses at its start ("@anna_k @ben thanks!"), lower-cased without "@". */
function leadingMentions(text: string | null): readonly string[] {
  const lead = /^\s*((?:@[\w.]+[\s,:]*)+)/.exec(text ?? '');
  return lead ? [...lead[1]!.matchAll(/@([\w.]+?)(?=[\s,:]|$)/g)].map((m) => m[1]!.toLowerCase()) : NONE;
}

/** Every handle a text mentions anywhere, normalised ("@Nordlicht.Kaffee." → "nordlicht.kaffee"). */
function mentions(text: string | null): readonly string[] {
  if (!text?.includes('@')) return NONE;
  return [...text.matchAll(/@([\w.]+)/g)].map((m) => normaliseHandle(m[1]!.replace(/\.+$/, '')));
}

/**
 * Words as a digest: their length and two independent 32-bit hashes of their UTF-16 code units. Two records are
 * repeats only when customer, kind, direction, time and rating agree too, so a digest that differs for different
 * words but for about one pair in 2^64 tells repeats as surely as the words, in some 20 bytes instead of the text.
 * (SHA-1 in node:crypto would cost ~3 µs a record, seconds at a million.)
 */
export function wordsDigest(words: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < words.length; i++) {
    const unit = words.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return joinedId(`${words.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`);
}

/** What linking reads of an ingested event, with its decisions as ingest left them. */
export function linkRecordOf(event: IngestedEvent): LinkRecord {
  // Orders and notes are never repeats (link.ts repeatedRecords): their words need no digest.
  const words = event.kind === 'order' || event.kind === 'note' ? undefined : event.text?.replace(/\s+/g, ' ').trim();
  return {
    id: event.id,
    source: event.source,
    who: event.who,
    channel: event.channel,
    direction: event.direction,
    kind: event.kind,
    orderId: event.orderId,
    messageId: event.messageId,
    replyTo: event.replyTo,
    replies: event.replies,
    author: event.author,
    product: event.product,
    rating: event.rating?.value ?? null,
    mentions: event.direction === 'inbound' ? mentions(event.text) : NONE,
    addressees: event.direction === 'outbound' ? leadingMentions(event.text) : NONE,
    words: words ? wordsDigest(words) : null,
    at: event.at,
    cancelled: event.cancelled,
    status: event.status,
    customerKey: event.customerKey,
    expectsReply: event.expectsReply,
    peerReply: event.peerReply,
    unseenReplies: event.unseenReplies,
  };
}

/**
 * The event with linking's decisions on its record: a new object (the ingested one is left as it was), with the
 * fields linking set in the order it sets them, so the linked event is the same whether decided here or in place.
 */
export function linkedEvent(event: IngestedEvent, record: LinkRecord): IngestedEvent {
  const linked: IngestedEvent = { ...event, at: record.at };
  if (record.cancelled !== event.cancelled || record.status !== event.status) Object.assign(linked, { cancelled: record.cancelled, status: record.status });
  linked.customerKey = record.customerKey;
  if (record.peerReply !== event.peerReply) linked.peerReply = record.peerReply;
  linked.expectsReply = record.expectsReply;
  linked.unseenReplies = record.unseenReplies;
  return linked;
}
