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
export type EventKind = 'order' | 'message' | 'ticket' | 'post' | 'note';

/** The identity found on one input row; used to join its events to a customer. */
export interface IdentityKeys {
  crmId?: string;
  email?: string;
  /** Social handle, lower-cased, without the leading @. */
  handle?: string;
  name?: string;
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
}

/** Who or what made an annotation. */
export interface Maker {
  kind: 'rule' | 'model' | 'analyst' | 'context';
  /** Rule id, model name, or the analyst's name. */
  id: string;
}

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

/** One thing that happened between a customer and the brand. */
export interface Event {
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
  text: string | null;
  /** Message id within its channel (tweet id, comment id, ticket id), for threading. */
  messageId: string | null;
  /** Message id this event answers. */
  replyTo: string | null;
  /** Set when a customer answers another customer's post: talk among peers, not a message to the brand. */
  peerReply?: boolean;
  /** Author shown on analyst notes. */
  author: string | null;
  source: Source;
  lang: Lang | null;
  sentiment: Sentiment | null;
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
  dialog: {
    inbound: number;
    outbound: number;
    answered: number;
    /** Messages to the brand with no reply that need one. */
    unanswered: number;
    /** The customer's closing words to a brand reply ("thanks!"): neither answered nor waiting. */
    noReplyNeeded: number;
    medianResponseMinutes: number | null;
  };
  sentiment: { mean: number | null; n: number };
  codes: Record<string, number>;
  stage: Stage;
  stageReasons: string[];
  blindSpots: string[];
  /** Higher means: look at this customer first. */
  attention: number;
  attentionReasons: string[];
}
