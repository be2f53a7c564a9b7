import type { EventKind, RatingScale } from '../model.js';
import type { ColumnMapping } from './mapping.js';

// What an input preset is. Each preset lives in one file under presets/ and is registered in presets/index.ts;
// adding a CRM or social format means adding one file there.

/** The canonical fields a column can be mapped to. */
export const FIELDS = [
  'crmId',
  'email',
  'handle',
  // Another id of the same person (Olist's per-order customer_id beside customer_unique_id).
  'altId',
  'name',
  'firstName',
  'lastName',
  'phone',
  'city',
  'country',
  'crmStage',
  'created',
  'date',
  'until',
  'orderId',
  'quantity',
  'unitPrice',
  'amount',
  'product',
  'channel',
  'platform',
  'inbound',
  // inbound/outbound, in/out, customer/agent, eingehend/ausgehend: whose words the row holds.
  'direction',
  // What the row is (order, ticket, email, review, survey, note …), when a generic export says so per row.
  'kind',
  'text',
  'subject',
  'status',
  'messageId',
  'replyTo',
  'firstReplyAt',
  'firstReplyMinutes',
  // The brand's reply to the record, written in the same row (E.ON's replyContent, "Company response").
  'reply',
  // Ids of the answers to this message, a list ("5,7": TWCS response_tweet_id).
  'replies',
  'author',
  'codes',
  // Stars, NPS, CSAT, a German school grade or thumbs: the number customers give themselves.
  'rating',
  'instagram',
  'twitter',
  'facebook',
  // A gold sentiment label, read only by `thick eval` and `thick train`.
  'label',
] as const;
export type Field = (typeof FIELDS)[number];

/** Older field names still accepted in --map and mapping files: `satisfaction` is read as `rating`. */
export const FIELD_ALIASES: Readonly<Record<string, Field>> = { satisfaction: 'rating' };

/** A field name as the user wrote it (`rating`, or an alias such as `satisfaction`), or undefined if unknown. */
export function fieldNamed(name: string): Field | undefined {
  if ((FIELDS as readonly string[]).includes(name)) return name as Field;
  return FIELD_ALIASES[name];
}

/** Every name --map accepts, for error messages. */
export const FIELD_NAMES: readonly string[] = [...FIELDS, ...Object.keys(FIELD_ALIASES)];

/** How a preset's rows become records; `reviews` are public reviews or survey answers, decided per file. */
export type RecordKind = 'contacts' | 'orders' | 'tickets' | 'social' | 'notes' | 'messages' | 'reviews';

/** A data row after column mapping: the raw cell text per field, plus where it came from. */
export interface MappedRow {
  line: number;
  raw: string;
  cells: Partial<Record<Field, string>>;
  /** 1-based column number of each mapped field, for error messages. */
  columns: Partial<Record<Field, number>>;
}

export interface Preset {
  id: string;
  kind: RecordKind;
  /** One line for `thick inspect` and the README. */
  description: string;
  /** Header synonyms per field; compared after normaliseHeader (case, accents and punctuation ignored). */
  columns: Partial<Record<Field, string[]>>;
  /** Each group needs at least one of its fields mapped for the preset to apply. */
  requires: Field[][];
  /** Breaks ties between presets that map the same number of columns: specific formats beat generic ones. */
  priority: number;
  /** Channel for events when the file has no channel/platform column. */
  channel: string;
  /**
   * Vendor quirks, applied to every mapped row before normalisation (e.g. a cancellation's sign). `previous` is the
   * row read before it in the same file, as refined, so a preset can carry values over continuation lines (Shopify
   * writes an order's email only on its first line). Throw a RowError to reject the row with a reason.
   */
  refine?: (row: MappedRow, previous: MappedRow | undefined) => MappedRow;
  /**
   * For `reviews` presets: what the file's records are (a public `review`, or a `survey` answer to the brand's own
   * question), from its header, mapping and rating scale. A per-row kind column still wins.
   */
  recordKind?: (header: string[], mapping: ColumnMapping, scale: RatingScale | null) => EventKind;
}

/** The priority of vendor presets: they name only their vendor's own headers and win ties with generic ones. */
export const VENDOR_PRIORITY = 10;

/** "E-Mail", "e_mail" and "Email " all become "email"; "Erstellungsdatum" stays itself. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}
