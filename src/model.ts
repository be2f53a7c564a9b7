// The core types every stage shares. Kept small on purpose: ingest produces Events and Contacts,
// annotate adds Annotations, profile folds them into Profiles, report renders Profiles.

/** Where a fact came from: the input file (as named on the command line) and its 1-based physical line. */
export interface Source {
  file: string;
  line: number;
}

/** The outcome of parsing one value: either the value or a reason a person can act on. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export type Lang = 'de' | 'en' | 'other';
export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export interface Sentiment {
  label: SentimentLabel;
  /** -1 (very negative) … +1 (very positive). */
  score: number;
}

/** inbound: from the customer; outbound: from the brand; internal: analyst notes, nobody sent them. */
export type Direction = 'inbound' | 'outbound' | 'internal';
/**
 * What a record is. Conversations (`ticket`, `message`: e-mails, DMs, mentions and replies) are opened with the
 * brand and expect an answer; a `review` is a public rating with text, a `survey` an answer to the brand's own
 * question (NPS, CSAT), a `post` something said in public; none of those three awaits a reply.
 */
export type EventKind = 'order' | 'message' | 'ticket' | 'post' | 'review' | 'survey' | 'note';

/**
 * The scale a rating was given on: stars (1–5 or 1–10), NPS (0–10, "how likely to recommend"), CSAT (1–5
 * satisfaction), a German school grade (`grade`: 1 "sehr gut" … 6 "ungenügend", so lower is better; review sites
 * and surveys headed "Note") or thumbs (1 up / good, 0 down / bad). src/rating-scales.ts holds each scale's range and
 * how it reads as negative/neutral/positive; ingest/ratings.ts tells a column's scale from its header and values.
 */
export type RatingScale = 'stars5' | 'stars10' | 'nps' | 'csat' | 'grade' | 'thumbs';

/** The one number customers give themselves, as written, with its scale. */
export interface Rating {
  value: number;
  scale: RatingScale;
}

/** The identity found on one input row; used to join its events to a customer. */
export interface IdentityKeys {
  crmId?: string;
  email?: string;
  /** Social handle, lower-cased, without the leading @. */
  handle?: string;
  name?: string;
  /**
   * Another id of the same person in the same system, e.g. Olist's per-order `customer_id` beside its
   * `customer_unique_id`: rows that carry only this id join the person.
   */
  altId?: string;
  /**
   * A placeholder author name ("Ein Google-Nutzer", "Kunde", "Anonymous"): shown, but it identifies nobody and
   * never joins records.
   */
  placeholder?: string;
  /**
   * A value in an id or e-mail column that identifies nobody ("N/A", "0", "-", "keine@angabe.de"): kept to say so,
   * never a key. A row with nothing else is a customer of its own, as a placeholder author's is.
   */
  placeholderId?: string;
  /** The email or handle as written in the input (case kept, no "@"), for the customer's id in profiles. */
  asWritten?: string;
}

/** One customer record from a contacts export. */
export interface Contact {
  keys: IdentityKeys;
  /** All handles listed for this contact (instagram, twitter, …), normalised like IdentityKeys.handle. */
  handles: string[];
  name: string | null;
  phone: string | null;
  city: string | null;
  crmStage: string | null;
  createdAt: Date | null;
  source: Source;
}

/** A person the events were joined to: a contact, or an email or handle seen without one. */
export interface Customer {
  /** The key as it appears in the input: CRM id, else email, else social handle. */
  key: string;
  name: string | null;
  crmId: string | null;
  emails: string[];
  handles: string[];
  /** The contacts-export record, when there is one. */
  contact: Contact | null;
  /** Other ids of this person (IdentityKeys.altId) that rows were joined by. */
  aliases: string[];
  /** A record by a placeholder author (or by nobody named): one customer per record, never joined to another. */
  anonymous: boolean;
  /** Rows joined to this customer by their name alone (no id, email or handle): the evidence for the join. */
  nameJoins: Source[];
}

/**
 * Who or what made an annotation. `reading`: thick's reading of what a sentence says about the state of things
 * (annotate/readings.ts; the id is the Reading): not a codebook code, never counted or shown as a theme.
 */
export interface Maker {
  kind: 'rule' | 'model' | 'analyst' | 'context' | 'reading';
  /** Rule id, model name, the analyst's name, or the Reading. */
  id: string;
}

/**
 * What a sentence says, as annotate/readings.ts reads it, and the annotation code each reading is written with:
 * - solved: an issue is called solved (a note's "Ersatz ist raus", a reply's "Wir haben nachgebessert", the
 *   customer's "I've been refunded!");
 * - idea: an idea, offer or proposal in an analyst's note ("Könnte eine Probe der neuen Sorte mögen.");
 * - promise: the brand promises to do something in a reply ("We will send a replacement today.");
 * - cancelled: the customer cancelled something themselves ("Please cancel my order."): not a cancellation suffered;
 * - leaving: the customer ends the relationship: cancels a contract ("Ich habe gekündigt."), cancels and goes
 *   elsewhere ("I've cancelled my order and bought it at the shop next door."), or closes their account;
 * - question: the customer asks something (a question mark of their own, not one inside a link);
 * - closing: the customer closes an exchange: thanks, agrees or says they did what was asked ("Thanks!", "Ok, will
 *   do", "DM sent"): a reply to the brand that needs no answer of its own, unless it also asks or complains.
 */
export const READINGS = {
  solved: 'reading.solved',
  idea: 'reading.idea',
  promise: 'reading.promise',
  cancelled: 'reading.cancelled',
  leaving: 'reading.leaving',
  question: 'reading.question',
  closing: 'reading.closing',
} as const;
export type Reading = keyof typeof READINGS;

/** Whose words a record holds, which decides what is read in them: an analyst's, the brand's or the customer's. */
export type Voice = 'note' | 'brand' | 'customer';

/** A record of the customer's own: something they wrote or rated, not an order and not the brand's. */
export const isOwnRecord = (event: Readonly<IngestedEvent>): boolean => event.direction === 'inbound' && event.kind !== 'order';

/** The customer's own words: an own record with text. */
export const isCustomerVoice = (event: Readonly<IngestedEvent>): boolean => isOwnRecord(event) && Boolean(event.text?.trim());

/** The voice of a record; null for one that holds nobody's words to read (an order, an internal non-note). */
export function voiceOf(event: Readonly<IngestedEvent>): Voice | null {
  if (event.kind === 'note') return 'note';
  if (event.direction === 'outbound') return 'brand';
  return isOwnRecord(event) ? 'customer' : null;
}

/** Whether an annotation is a reading (READINGS), not a code: kept out of code counts and themes. */
export const isReading = (annotation: Annotation): boolean => annotation.by.kind === 'reading';

/** Whether an annotation is a theme: a code from the codebook or an analyst, not a reading, a world event or a free note. */
export const isTheme = (annotation: Annotation): boolean => annotation.code !== 'context' && annotation.code !== 'note' && !isReading(annotation);

/** One piece of context attached to an event: a code with its evidence. */
export interface Annotation {
  /** Codebook code id, e.g. "pain.waiting"; "note" for a free analyst note, "context" for a world event. */
  code: string;
  /** The matched span with a little context, or the analyst's words. */
  quote: string | null;
  source: Source;
  by: Maker;
  /** 0 … 1 */
  confidence: number;
}

/**
 * One thing that happened between a customer and the brand, as ingest reads it and linking joins it: its text is not
 * read yet (no language, sentiment, codes or readings). annotate/index.ts turns it into an Event; only Events go on to
 * profile and report, so the compiler keeps data flowing one way.
 */
export interface IngestedEvent {
  /** Unique within a run: "<file>:<line>" plus a suffix when one row yields several events. */
  id: string;
  /** Identity as found on the row. */
  who: IdentityKeys;
  /** Key of the customer the event was joined to (set by linking); null for the brand's own posts with no customer. */
  customerKey: string | null;
  at: Date | null;
  channel: string;
  direction: Direction;
  kind: EventKind;
  /** Signed revenue of an order line (quantity × unit price, or the amount column); null for non-orders. */
  amount: number | null;
  orderId: string | null;
  /** An order line that pays money back (a generic export's refund, return or Storno row): no order of its own. */
  refund?: boolean;
  /** Order lines: the order's status as the export writes it ("delivered", "canceled", Shopify's "refunded"). */
  status?: string;
  /**
   * Order lines of an order whose status says it did not go through (cancelled, unavailable, voided, refunded in
   * full), set on every line of that order, in any file: its lines add nothing to revenue.
   */
  cancelled?: boolean;
  text: string | null;
  /** What a review or survey answer is about, when the export names it (Amazon's ProductId, a product column). */
  product?: string;
  /** Message id within its channel (tweet id, comment id, ticket id), for threading. */
  messageId: string | null;
  /** Message id this event answers. */
  replyTo: string | null;
  /** Set when a customer answers another customer's post: talk among peers, not a message to the brand. */
  peerReply?: boolean;
  /**
   * A conversation the customer opened with the brand, which therefore awaits an answer: tickets and messages,
   * and posts addressed to the brand. Reviews, surveys, orders and notes never do.
   */
  expectsReply: boolean;
  /** The rating the customer gave with this record (stars, NPS, CSAT, thumbs), if any. */
  rating: Rating | null;
  /**
   * How many answers to this message the export names (e.g. TWCS `response_tweet_id`) that are not in the data:
   * proof of an answer whose time and author are unknown.
   */
  unseenReplies: number;
  /**
   * Message ids the export lists as answers to this one (TWCS `response_tweet_id`), as conversation ids like
   * messageId; linking counts those missing from the data into unseenReplies.
   */
  replies?: string[];
  /** Author shown on analyst notes. */
  author: string | null;
  source: Source;
  /**
   * Codes an analyst wrote on a note in the input (its codes column), read at ingest: annotation keeps them, first,
   * among the event's annotations.
   */
  analystCodes?: Annotation[];
}

/** An event as annotate returns it: its text read for language and sentiment, with every annotation it carries. */
export interface Event extends Omit<IngestedEvent, 'analystCodes'> {
  lang: Lang | null;
  sentiment: Sentiment | null;
  /** The analyst's codes from the input first, then what the annotators added. */
  annotations: Annotation[];
}

/** A world event from a notes file (no customer, a date window) that gives context to events inside it. */
export interface ContextEvent {
  from: Date;
  until: Date;
  note: string;
  author: string | null;
  source: Source;
}

/** A row that could not be used, with the reason. */
export interface Rejection {
  file: string;
  line: number;
  column?: number;
  reason: string;
  raw: string;
}

export type Stage = 'stranger' | 'acquaintance' | 'regular' | 'advocate' | 'at-risk';

/** Everything known about one customer; the JSON form is one line of profiles.jsonl. */
export interface Profile {
  id: string;
  slug: string;
  name: string | null;
  identity: { crmId: string | null; emails: string[]; handles: string[]; linked: boolean };
  firstContact: string | null;
  lastContact: string | null;
  channels: Record<string, number>;
  /** Both null when orders cannot be known (no orders file, or nothing to join them by). */
  orders: { count: number | null; revenue: number | null };
  rfm: { recency: number; frequency: number; monetary: number } | null;
  /** The customer's own records by kind (ticket, message, post, review, survey): what their words are. */
  kinds: Record<string, number>;
  /**
   * What became of the records the customer addressed to the brand (profile/dialog.ts, ExchangeStatus):
   * inbound = answered + unanswered + noReplyNeeded + noReplyExpected.
   */
  dialog: {
    inbound: number;
    outbound: number;
    /** Replied to by the brand, including answeredTimeUnknown. */
    answered: number;
    /** Of the answered: the export names a reply it does not contain, so when is unknown (not in the median). */
    answeredTimeUnknown: number;
    /** Conversations the customer opened (Event.expectsReply) that got no reply and need one. */
    unanswered: number;
    /** Of the unanswered: not settled, and newer than the reply horizon, so the customer may still be waiting. */
    stillOpen: number;
    /**
     * Of the unanswered: a note, the brand or the customer's own later words call the issue solved ("Ersatz ist
     * raus"), so nobody is waiting on it.
     */
    settled: number;
    /** The customer's closing words to a brand reply ("thanks!"): neither answered nor waiting. */
    noReplyNeeded: number;
    /** Reviews, survey answers and posts the brand did not reply to: they awaited no answer. */
    noReplyExpected: number;
    medianResponseMinutes: number | null;
  };
  /** Mean sentiment of the customer's own words as thick reads the text, -1 … +1 (the contract's meaning). */
  sentiment: { mean: number | null; n: number };
  /**
   * Their tone on the whole, -1 … +1, for judgements: a rated record counts with its rating's tone, others with
   * their text's (profile/ratings.ts); fromRatings says how many of the n were ratings.
   */
  tone: { mean: number | null; n: number; fromRatings: number };
  /** The customer's ratings on the scale they used most; null when they never rated. */
  rating: {
    scale: RatingScale;
    n: number;
    /** Null when the latest time holds several ratings that disagree: none of them is known to be the latest. */
    latest: number | null;
    latestAt: string | null;
    mean: number;
    /** The latest rating against the mean of the strictly earlier ones; null with a single rating or no latest. */
    trend: 'up' | 'down' | 'steady' | null;
  } | null;
  codes: Record<string, number>;
  stage: Stage;
  stageReasons: string[];
  blindSpots: string[];
  /** Higher means: look at this customer first. */
  attention: number;
  attentionReasons: string[];
}
