import type { Annotation, Contact, ContextEvent, Event, EventKind, IdentityKeys, Parsed, Rating, RatingScale, Source } from '../model.js';
import type { Field, MappedRow, RecordKind } from './preset.js';
import { parseDate, type DateOrder } from './dates.js';
import { parseNumber } from './numbers.js';
import { parseRating } from './ratings.js';
import { customerText } from './text.js';

/** Per-file facts decided once from the whole column (date order, decimal separator) plus run options. */
export interface RowContext {
  file: string;
  kind: RecordKind;
  channel: string;
  dateOrders: Partial<Record<Field, DateOrder>>;
  decimals: Partial<Record<Field, ',' | '.'>>;
  /** The brand's own handles (normalised); their posts are outbound. */
  brandHandles: ReadonlySet<string>;
  /** The scale of the file's rating column, when it has one. */
  rating?: RatingScale;
  /**
   * Read an unreadable value in a date or number column as empty instead of rejecting the row
   * (`thick annotate`, where only the text matters). A row that then lacks what its kind needs
   * (an order without any amount) is still rejected.
   */
  lenient?: boolean;
  /** In lenient mode, told about every value left empty, so the user can be warned. */
  onLenient?: (note: LenientNote) => void;
}

/** A value lenient reading left empty: where it was and why it could not be read. */
export interface LenientNote {
  line: number;
  /** 1-based column. */
  column: number | undefined;
  field: Field;
  value: string;
  reason: string;
}

export interface Normalised {
  contacts: Contact[];
  events: Event[];
  contextEvents: ContextEvent[];
}

/** Why a row cannot be used, and the 1-based column that made it so. */
export class RowError extends Error {
  constructor(
    message: string,
    readonly column?: number,
  ) {
    super(message);
  }
}

export const normaliseEmail = (value: string): string => value.trim().toLowerCase();

/** "@Anna_K", "anna_k" and "https://instagram.com/anna_k/" are one handle: "anna_k". */
export function normaliseHandle(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  const fromUrl = /^(?:https?:\/\/)?(?:www\.)?(?:instagram\.com|twitter\.com|x\.com|facebook\.com)\/(.+)$/i.exec(trimmed);
  return (fromUrl?.[1] ?? trimmed).replace(/^@/, '').toLowerCase();
}

const PLATFORM_ALIASES: Record<string, string> = { x: 'twitter', tw: 'twitter', ig: 'instagram', fb: 'facebook', 'e-mail': 'email', mail: 'email' };

export function normaliseChannel(value: string): string {
  const key = value.trim().toLowerCase();
  return PLATFORM_ALIASES[key] ?? key.replace(/\s+/g, '-');
}

const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'nein', 'falsch']);

function dateCell(row: MappedRow, field: Field, ctx: RowContext): Date | null {
  const value = row.cells[field];
  if (value === undefined) return null;
  return readOrExplain(parseDate(value, ctx.dateOrders[field]), row, field, ctx);
}

function numberCell(row: MappedRow, field: Field, ctx: RowContext): number | null {
  const value = row.cells[field];
  if (value === undefined) return null;
  return readOrExplain(parseNumber(value, ctx.decimals[field]), row, field, ctx);
}

/** The row's rating on the file's scale; null when the row gives none. */
function ratingCell(row: MappedRow, ctx: RowContext): Rating | null {
  const value = row.cells.rating;
  if (value === undefined || !ctx.rating) return null;
  return readOrExplain(parseRating(value, ctx.rating), row, 'rating', ctx);
}

/** The parsed value; else a RowError, or in lenient mode null and a note. */
function readOrExplain<T>(parsed: Parsed<T>, row: MappedRow, field: Field, ctx: RowContext): T | null {
  if (parsed.ok) return parsed.value;
  if (!ctx.lenient) throw new RowError(`${field}: ${parsed.reason}`, row.columns[field]);
  ctx.onLenient?.({ line: row.line, column: row.columns[field], field, value: row.cells[field] ?? '', reason: parsed.reason });
  return null;
}

/**
 * Message ids are unique only within their conversation space (ticket 1 is not tweet 1), so every
 * id and reply-to is stored as "<space>:<id>": "ticket" for tickets, the event's channel otherwise.
 */
export function conversationId(space: string, id: string | undefined): string | null {
  return id === undefined ? null : `${space}:${id}`;
}

/** A free "customer" cell may hold a CRM id, an email or a handle. */
function keysFromCustomerCell(value: string): IdentityKeys {
  if (value.includes('@') && !value.startsWith('@')) return { email: normaliseEmail(value) };
  if (value.startsWith('@')) return { handle: normaliseHandle(value) };
  return { crmId: value.trim() };
}

function identity(row: MappedRow): IdentityKeys {
  const keys: IdentityKeys = {};
  const { crmId, email, handle, name, firstName, lastName } = row.cells;
  if (crmId) Object.assign(keys, keysFromCustomerCell(crmId));
  if (email) keys.email = normaliseEmail(email);
  if (handle) keys.handle = normaliseHandle(handle);
  // Profiles name a customer known only by email or handle as the input wrote it; joins use the normalised key.
  const written = email ?? (handle && normaliseHandle(handle) === handle.trim().replace(/^@/, '').toLowerCase() ? handle.trim().replace(/^@/, '') : undefined);
  if (written && !keys.crmId) keys.asWritten = written.trim();
  const fullName = customerText(name) ?? ([firstName, lastName].map((part) => customerText(part)).filter(Boolean).join(' ') || undefined);
  if (fullName) keys.name = fullName;
  return keys;
}

function baseEvent(row: MappedRow, ctx: RowContext, kind: EventKind, suffix = ''): Event {
  const source: Source = { file: ctx.file, line: row.line };
  const channelCell = row.cells.channel ?? row.cells.platform;
  return {
    id: `${ctx.file}:${row.line}${suffix}`,
    who: identity(row),
    customerKey: null,
    at: null,
    channel: channelCell ? normaliseChannel(channelCell) : ctx.channel,
    direction: 'inbound',
    kind,
    amount: null,
    orderId: null,
    text: null,
    messageId: null,
    replyTo: null,
    // Until linking knows better: conversations await an answer, everything else does not.
    expectsReply: kind === 'ticket' || kind === 'message' || kind === 'post',
    rating: null,
    unseenReplies: 0,
    author: null,
    source,
    lang: null,
    sentiment: null,
    annotations: [],
  };
}

function requireIdentity(keys: IdentityKeys, row: MappedRow, what: string): void {
  if (!keys.crmId && !keys.email && !keys.handle && !keys.name) {
    throw new RowError(`no customer id, email, handle or name on this ${what}`);
  }
}

const NORMALISERS: Record<RecordKind, (row: MappedRow, ctx: RowContext) => Normalised> = {
  contacts(row, ctx) {
    const keys = identity(row);
    const handles = (['instagram', 'twitter', 'facebook', 'handle'] as const)
      .map((field) => row.cells[field])
      .filter((value): value is string => Boolean(value))
      .map(normaliseHandle);
    if (!keys.crmId && !keys.email && handles.length === 0) {
      throw new RowError('contact has no customer id, email or social handle');
    }
    if (!keys.handle && handles[0]) keys.handle = handles[0];
    const contact: Contact = {
      keys,
      handles: [...new Set(handles)],
      name: keys.name ?? null,
      phone: row.cells.phone ?? null,
      city: row.cells.city ?? null,
      crmStage: row.cells.crmStage ?? null,
      createdAt: dateCell(row, 'created', ctx),
      source: { file: ctx.file, line: row.line },
    };
    return { contacts: [contact], events: [], contextEvents: [] };
  },

  orders(row, ctx) {
    const event = baseEvent(row, ctx, 'order');
    requireIdentity(event.who, row, 'order line');
    const quantity = numberCell(row, 'quantity', ctx);
    const unitPrice = numberCell(row, 'unitPrice', ctx);
    const amount = numberCell(row, 'amount', ctx);
    if (quantity !== null && unitPrice !== null) event.amount = quantity * unitPrice;
    else if (amount !== null) event.amount = amount;
    else throw new RowError('order line has neither quantity × unit price nor an amount');
    event.amount = Math.round(event.amount * 100) / 100;
    event.orderId = row.cells.orderId ?? null;
    event.at = dateCell(row, 'date', ctx);
    event.text = customerText(row.cells.product) ?? null;
    return { contacts: [], events: [event], contextEvents: [] };
  },

  tickets(row, ctx) {
    const ticket = baseEvent(row, ctx, 'ticket');
    requireIdentity(ticket.who, row, 'ticket');
    ticket.at = dateCell(row, 'date', ctx);
    ticket.messageId = conversationId('ticket', row.cells.messageId ?? ticket.id);
    ticket.text = customerText(row.cells.text) ?? customerText(row.cells.subject) ?? null;
    ticket.rating = ratingCell(row, ctx);
    const events = [ticket];
    const repliedAt = dateCell(row, 'firstReplyAt', ctx);
    const replyMinutes = numberCell(row, 'firstReplyMinutes', ctx);
    const replyAt = repliedAt ?? (replyMinutes !== null && ticket.at ? new Date(ticket.at.getTime() + replyMinutes * 60_000) : null);
    if (replyAt || replyMinutes !== null) {
      const reply = baseEvent(row, ctx, 'message', '#reply');
      reply.direction = 'outbound';
      reply.at = replyAt;
      reply.replyTo = ticket.messageId;
      events.push(reply);
    }
    return { contacts: [], events, contextEvents: [] };
  },

  social(row, ctx) {
    const post = baseEvent(row, ctx, 'post');
    if (!post.who.handle && !post.who.crmId && !post.who.email) throw new RowError('comment has no author handle', row.columns.handle);
    post.at = dateCell(row, 'date', ctx);
    post.text = customerText(row.cells.text) ?? null;
    post.messageId = conversationId(post.channel, row.cells.messageId);
    post.replyTo = conversationId(post.channel, row.cells.replyTo);
    const inbound = row.cells.inbound;
    const byBrand = (inbound !== undefined && FALSE_WORDS.has(inbound.toLowerCase())) || (post.who.handle !== undefined && ctx.brandHandles.has(post.who.handle));
    if (byBrand) {
      post.direction = 'outbound';
      post.author = post.who.handle ?? null;
      post.who = {};
    }
    return { contacts: [], events: [post], contextEvents: [] };
  },

  notes(row, ctx) {
    const source: Source = { file: ctx.file, line: row.line };
    const note = customerText(row.cells.text);
    if (!note) throw new RowError('note is empty', row.columns.text);
    const at = dateCell(row, 'date', ctx);
    const customer = row.cells.crmId;
    if (!customer) {
      if (!at) throw new RowError('note has neither a customer nor a date, so it cannot be placed', row.columns.crmId);
      const until = dateCell(row, 'until', ctx) ?? at;
      // A bare date means the whole day.
      const end = until.getTime() === at.getTime() ? new Date(at.getTime() + 86_399_999) : endOfDayIfMidnight(until);
      if (end < at) throw new RowError('context window ends before it starts', row.columns.until);
      return { contacts: [], events: [], contextEvents: [{ from: at, until: end, note, author: row.cells.author ?? null, source }] };
    }
    const event = baseEvent(row, ctx, 'note');
    event.who = keysFromCustomerCell(customer);
    event.direction = 'internal';
    event.channel = 'note';
    event.at = at;
    event.text = note;
    event.author = row.cells.author ?? null;
    event.annotations = analystCodes(row.cells.codes, note, event.author, source);
    return { contacts: [], events: [event], contextEvents: [] };
  },

  messages(row, ctx) {
    const event = baseEvent(row, ctx, 'message');
    event.at = dateCell(row, 'date', ctx);
    event.text = customerText(row.cells.text) ?? null;
    event.rating = ratingCell(row, ctx);
    event.messageId = conversationId(event.channel, row.cells.messageId);
    event.replyTo = conversationId(event.channel, row.cells.replyTo);
    return { contacts: [], events: [event], contextEvents: [] };
  },
};

function endOfDayIfMidnight(date: Date): Date {
  return date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 ? new Date(date.getTime() + 86_399_999) : date;
}

/**
 * Codes an analyst wrote next to a note, separated by spaces, commas, semicolons or pipes; lower-cased
 * like the codebook's ids, so "Pain.Waiting" counts as "pain.waiting".
 */
function analystCodes(cell: string | undefined, note: string, author: string | null, source: Source): Annotation[] {
  if (!cell) return [];
  return [...new Set(cell.toLowerCase().split(/[\s,;|]+/).filter(Boolean))].map((code) => ({
    code,
    quote: note,
    source,
    by: { kind: 'analyst', id: author ?? 'analyst' },
    confidence: 1,
  }));
}

/** One mapped row to contacts, events or context events; throws RowError when the row cannot be used. */
export function normaliseRow(row: MappedRow, ctx: RowContext): Normalised {
  return NORMALISERS[ctx.kind](row, ctx);
}
