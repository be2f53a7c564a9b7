// Linking's last pass over the threads (link.ts): once every record has its customer, which records await the brand's
// answer, which answer a peer rather than the brand, and how many of their answers the export names but lacks.
import type { LinkRecord } from './link-record.js';
import { normaliseHandle } from './normalise.js';

/** Every record's reply facts, decided on the linked records (each with its customer key set) in place. */
export function markReplies(linked: LinkRecord[], byMessage: ReadonlyMap<string, number>, brandHandles: ReadonlySet<string>): void {
  markPeerReplies(linked, byMessage);
  markExpectedReplies(linked, byMessage, brandHandles);
  for (const event of linked) if (event.replies) event.unseenReplies = event.replies.filter((id) => !byMessage.has(id)).length;
}

/** A customer answering another customer's post talks to a peer, not to the brand: not an unanswered message. */
function markPeerReplies(linked: LinkRecord[], byMessage: ReadonlyMap<string, number>): void {
  for (const event of linked) {
    if (event.direction !== 'inbound' || !event.replyTo) continue;
    const parentIndex = byMessage.get(event.replyTo);
    const parent = parentIndex === undefined ? undefined : linked[parentIndex]!;
    if (parent && parent.direction === 'inbound' && parent.customerKey !== null && parent.customerKey !== event.customerKey) event.peerReply = true;
  }
}

/**
 * Networks where a brand's export holds the comments on its own posts and page: a top-level comment there answers
 * the brand's post (the export just does not list that post). On Twitter/X a post is said to everyone unless it
 * mentions or answers someone.
 */
const COMMENT_CHANNELS = new Set(['instagram', 'facebook', 'youtube', 'tiktok', 'linkedin']);

/**
 * Which records await an answer. Tickets and messages do (set at ingest), unless they answer another customer.
 * A public post does only when it is addressed to the brand: it mentions a brand handle (--brand, or the author of
 * any row the export marks as the brand's), replies to a brand message (a top-level comment under the brand's own
 * Instagram or Facebook post included), was answered by the brand itself, or follows up in a thread the brand joined
 * where its author has addressed the brand. A post that only opened a thread others took to the brand (a shop's own advert that customers answer
 * with "@brand, …") awaits nothing from the brand.
 */
function markExpectedReplies(linked: LinkRecord[], byMessage: ReadonlyMap<string, number>, brandHandles: ReadonlySet<string>): void {
  const brand = new Set(brandHandles);
  for (const event of linked) if (event.direction === 'outbound' && event.author) brand.add(normaliseHandle(event.author));
  const rootOf = threadRoots(linked, byMessage);
  const brandThreads = new Set(linked.filter((e) => e.direction === 'outbound').map(rootOf).filter((root): root is string => root !== null));
  // The brand answered it itself: it took the post as addressed to it (exports often hide the brand's handle in it).
  const answeredByBrand = new Set(linked.filter((e) => e.direction === 'outbound' && e.replyTo).map((e) => e.replyTo!));
  const addressesBrand = (event: LinkRecord): boolean => {
    const parent = event.replyTo ? byMessage.get(event.replyTo) : undefined;
    return (
      event.mentions.some((handle) => brand.has(handle)) ||
      (parent !== undefined && linked[parent]!.direction === 'outbound') ||
      (event.messageId !== null && answeredByBrand.has(event.messageId))
    );
  };
  // Per thread, who has addressed the brand in it: their later words in the thread await the brand too.
  const addressedIn = new Map<string, Set<string | null>>();
  for (const event of linked) {
    const root = rootOf(event);
    if (event.direction !== 'inbound' || root === null || !addressesBrand(event)) continue;
    addressedIn.set(root, (addressedIn.get(root) ?? new Set()).add(event.customerKey));
  }
  const followsUp = (event: LinkRecord, root: string | null): boolean =>
    root !== null && brandThreads.has(root) && (addressedIn.get(root)?.has(event.customerKey) ?? false);
  for (const event of linked) {
    if (event.peerReply) event.expectsReply = false;
    if (event.kind !== 'post' || event.direction !== 'inbound' || event.peerReply) continue;
    event.expectsReply = addressesBrand(event) || (!event.replyTo && COMMENT_CHANNELS.has(event.channel)) || followsUp(event, rootOf(event));
  }
}

/** Each record's thread root: the first message up its reply chain, or the id a reply names that the export lacks. */
function threadRoots(linked: readonly LinkRecord[], byMessage: ReadonlyMap<string, number>): (event: LinkRecord) => string | null {
  return (event) => {
    let current = event;
    const seen = new Set<LinkRecord>();
    while (current.replyTo && !seen.has(current)) {
      seen.add(current);
      const parent = byMessage.get(current.replyTo);
      if (parent === undefined) return current.replyTo;
      current = linked[parent]!;
    }
    return current.messageId;
  };
}
