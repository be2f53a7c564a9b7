import type { Annotation, Contact, ContextEvent, Direction, IngestedEvent, EventKind, IdentityKeys, Parsed, Rating, RatingScale, Source } from '../model.js';
import type { Field, MappedRow, RecordKind } from './preset.js';
import { parseDate, type DateOrder } from './dates.js';
import { parseNumber } from './numbers.js';
import { Placeholders } from './placeholders.js';
import { parseRating } from './ratings.js';
import { customerText, joinedId, ownText, titleAndBody } from './text.js';

/** Per-file facts decided once from the whole column (date order, decimal separator) plus run options. */
export interface RowContext {
  file: string;
  kind: RecordKind;
  channel: string;
  dateOrders: Partial<Record<Field, DateOrder>>;
  decimals: Partial<Record<Field, ',' | '.'>>;
  /** The brand's own handles (normalised); their posts are outbound. */
  brandHandles: ReadonlySet<string>;
  /** Author names that identify nobody (the built-in list when absent). */
  placeholders?: Placeholders;
  /** The scale of the file's rating column, when it has one. */
  rating?: RatingScale;
  /** What a `reviews` file's records are (review or survey), decided from the whole file. */
  recordKind?: EventKind;
  /**
   * Read an unreadable value in a date or number column as empty instead of rejecting the row
   * (`thick annotate`, where only the text matters). A row that then lacks what its kind needs
   * (an order without any amount) is still rejected.
   */
  lenient?: boolean;
  /** In lenient mode, told about every value left empty, so the user can be warned. */
  onLenient?: (note: LenientNote) => void;
  /** The file's header, so a reason can name a column as the file does. */
  header?: readonly string[];
  /** One string per distinct identity key and channel of the file (sharedStrings); each row's own copy without it. */
  shared?: (value: string) => string;
  /** One identity object per distinct identity of the file (sharedIdentities); each row's own without it. */
  sharedWho?: (keys: IdentityKeys) => IdentityKeys;
}

/**
 * A function that returns one string for all equal values, that string owned (ownText): a customer's id or e-mail on
 * each of their thousand rows is then one string, not a thousand copies of a cell that each keep the decoded file
 * alive (a cell of 13 characters or more is a slice of it).
 */
export function sharedStrings(): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    const known = seen.get(value);
    if (known !== undefined) return known;
    const own = ownText(value);
    seen.set(own, own);
    return own;
  };
}

/**
 * A function that returns one object for all equal identities (the same keys with the same values, in the same
 * order): a customer's ten rows then share one, not ten (~50 bytes a record on a large export). Each is frozen, so
 * that code which would change one row's identity, and with it every row's that shares it, fails at once.
 */
export function sharedIdentities(): (keys: IdentityKeys) => IdentityKeys {
  const seen = new Map<string, IdentityKeys>();
  return (keys) => {
    const key = JSON.stringify(keys);
    const known = seen.get(key);
    if (known !== undefined) return known;
    Object.freeze(keys);
    seen.set(key, keys);
    return keys;
  };
}

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
  events: IngestedEvent[];
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

/** Keys are compared in Unicode NFC, so "Müller" typed with a combining umlaut meets the precomposed one. */
const nfc = (value: string): string => value.normalize('NFC').trim();

export const normaliseEmail = (value: string): string => nfc(value).toLowerCase();

/** "@Anna_K", "anna_k" and "https://instagram.com/anna_k/" are one handle: "anna_k". */
export function normaliseHandle(value: string): string {
  const trimmed = nfc(value).replace(/\/+$/, '');
  const fromUrl = /^(?:https?:\/\/)?(?:www\.)?(?:instagram\.com|twitter\.com|x\.com|facebook\.com)\/(.+)$/i.exec(trimmed);
  return (fromUrl?.[1] ?? trimmed).replace(/^@/, '').toLowerCase();
}

const PLATFORM_ALIASES: Record<string, string> = { x: 'twitter', tw: 'twitter', ig: 'instagram', fb: 'facebook', 'e-mail': 'email', mail: 'email' };

export function normaliseChannel(value: string): string {
  const key = value.trim().toLowerCase();
  return PLATFORM_ALIASES[key] ?? key.replace(/\s+/g, '-');
}

const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'nein', 'falsch']);

// A direction column's values: whose words the row holds.
const DIRECTIONS: Record<string, Direction> = {
  inbound: 'inbound', in: 'inbound', incoming: 'inbound', received: 'inbound', customer: 'inbound', client: 'inbound',
  user: 'inbound', 'end-user': 'inbound', requester: 'inbound', eingehend: 'inbound', eingang: 'inbound', kunde: 'inbound',
  empfangen: 'inbound',
  outbound: 'outbound', out: 'outbound', outgoing: 'outbound', sent: 'outbound', agent: 'outbound', brand: 'outbound',
  company: 'outbound', staff: 'outbound', support: 'outbound', business: 'outbound', ausgehend: 'outbound', ausgang: 'outbound',
  gesendet: 'outbound', mitarbeiter: 'outbound', unternehmen: 'outbound', firma: 'outbound',
  internal: 'internal', note: 'internal', intern: 'internal', notiz: 'internal',
};

export function parseDirection(value: string): Parsed<Direction> {
  const direction = DIRECTIONS[value.trim().toLowerCase()];
  return direction
    ? { ok: true, value: direction }
    : { ok: false, reason: `unknown direction "${value.trim()}" (expected inbound/outbound, in/out, customer/agent, eingehend/ausgehend)` };
}

/** A kind column's values; refunds are orders whose amount counts against revenue. */
const KINDS: Record<string, EventKind | 'refund'> = {
  order: 'order', purchase: 'order', sale: 'order', transaction: 'order', invoice: 'order', bestellung: 'order', kauf: 'order',
  auftrag: 'order', rechnung: 'order',
  refund: 'refund', return: 'refund', cancellation: 'refund', erstattung: 'refund', rückerstattung: 'refund', retoure: 'refund',
  storno: 'refund', gutschrift: 'refund',
  ticket: 'ticket', case: 'ticket', incident: 'ticket', fall: 'ticket', vorgang: 'ticket', anfrage: 'ticket',
  message: 'message', email: 'message', 'e-mail': 'message', mail: 'message', chat: 'message', dm: 'message', call: 'message',
  sms: 'message', whatsapp: 'message', nachricht: 'message', anruf: 'message', brief: 'message', letter: 'message',
  post: 'post', comment: 'post', tweet: 'post', mention: 'post', kommentar: 'post', beitrag: 'post', erwähnung: 'post',
  review: 'review', rating: 'review', bewertung: 'review', rezension: 'review',
  survey: 'survey', nps: 'survey', csat: 'survey', umfrage: 'survey', befragung: 'survey',
  note: 'note', notiz: 'note', memo: 'note',
};

export function parseKind(value: string): Parsed<EventKind | 'refund'> {
  const kind = KINDS[value.trim().toLowerCase()];
  return kind
    ? { ok: true, value: kind }
    : { ok: false, reason: `unknown kind "${value.trim()}" (expected order, refund, ticket, message, email, post, comment, review, survey, note or a German name for one: Bestellung, Ticket, Nachricht, Kommentar, Bewertung, Umfrage, Notiz …)` };
}

/**
 * Whether a column's values are record kinds: most of them name one (order, Ticket, E-Mail, Bewertung …). A "Type"
 * column of categories ("Lob", "Beschwerde") is no kind column, and reading it as one would reject every row.
 */
export function isKindColumn(values: readonly string[]): boolean {
  const given = values.map((v) => v.trim()).filter((v) => v !== '');
  return given.length > 0 && given.filter((v) => parseKind(v).ok).length / given.length >= 0.5;
}

/**
 * What a row's kind column says it is; null when there is no such column or the cell is empty. A value that names
 * no kind rejects the row, naming the column, as an unknown direction does: guessing "message" would put an order
 * or the brand's words into the customer's voice.
 */
function declaredKind(row: MappedRow): EventKind | 'refund' | null {
  const value = row.cells.kind;
  if (value === undefined || value.trim() === '') return null;
  const parsed = parseKind(value);
  if (!parsed.ok) throw new RowError(`kind: ${parsed.reason}`, row.columns.kind);
  return parsed.value;
}

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

/**
 * The largest quantity, unit price, amount or line value an order line may have: a trillion. Beyond it a value is a
 * typo or a stand-in (1e308), no order; and double precision, exact to the cent only below about 9e13, would lose the
 * cents of every sum it entered. A product beyond it (1e308 × 2 is Infinity) is rejected alike.
 */
export const MAX_ORDER_VALUE = 1e12;

/** A field's column as the file names it (`"Unit Price"`), for reasons; the field when the header is unknown. */
function columnName(row: MappedRow, field: Field, ctx: RowContext): string {
  const column = row.columns[field];
  return JSON.stringify((column === undefined ? undefined : ctx.header?.[column - 1]) ?? field);
}

const beyond = 'beyond ±1,000,000,000,000, more than any order line is worth';

/** A quantity, unit price or amount within MAX_ORDER_VALUE; else the row is rejected naming the column. */
function orderNumberCell(row: MappedRow, field: Field, ctx: RowContext): number | null {
  const value = numberCell(row, field, ctx);
  if (value === null || Math.abs(value) <= MAX_ORDER_VALUE) return value;
  return readOrExplain<number>({ ok: false, reason: `"${row.cells[field]}" in column ${columnName(row, field, ctx)} is ${beyond}` }, row, field, ctx);
}

/** The row's rating on the file's scale; null when the row gives none. */
function ratingCell(row: MappedRow, ctx: RowContext): Rating | null {
  const value = row.cells.rating;
  if (value === undefined || !ctx.rating) return null;
  return readOrExplain(parseRating(value, ctx.rating), row, 'rating', ctx);
}

/** Inbound unless a direction column, an inbound=false flag or --brand says the brand wrote it. */
function directionOf(row: MappedRow, ctx: RowContext): Direction {
  const { direction, inbound } = row.cells;
  if (direction !== undefined) return readOrExplain(parseDirection(direction), row, 'direction', ctx) ?? 'inbound';
  if (inbound !== undefined && FALSE_WORDS.has(inbound.toLowerCase())) return 'outbound';
  return 'inbound';
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
  return id === undefined ? null : joinedId(`${space}:${id}`);
}

/** A free "customer" cell may hold a CRM id, an email or a handle, or a placeholder for nobody ("N/A", "0"). */
function keysFromCustomerCell(value: string, placeholders: Placeholders): IdentityKeys {
  if (placeholders.isNobodyKey(value)) return { placeholderId: nfc(value) };
  if (value.includes('@') && !value.startsWith('@')) return { email: normaliseEmail(value) };
  if (value.startsWith('@')) return { handle: normaliseHandle(value) };
  return { crmId: nfc(value) };
}

/**
 * The identity on a row, NFC-normalised. A placeholder author name or handle ("Ein Google-Nutzer", "Gast") is kept
 * as `placeholder`, a placeholder in an id or e-mail column ("N/A", "0") as `placeholderId`, never as a key: either
 * would join strangers.
 */
function identity(row: MappedRow, ctx: RowContext): IdentityKeys {
  const keys: IdentityKeys = {};
  const placeholders = ctx.placeholders ?? DEFAULT_PLACEHOLDERS;
  const { crmId, altId, email: emailCell, handle, name, firstName, lastName } = row.cells;
  if (crmId) Object.assign(keys, keysFromCustomerCell(crmId, placeholders));
  if (altId && placeholders.isNobodyKey(altId)) keys.placeholderId ??= nfc(altId);
  else if (altId) keys.altId = nfc(altId);
  const email = emailCell && placeholders.isNobodyKey(emailCell) ? undefined : emailCell;
  if (emailCell && !email) keys.placeholderId ??= nfc(emailCell);
  if (email) keys.email = normaliseEmail(email);
  const bareHandle = handle ? nfc(handle).replace(/^@/, '') : undefined;
  if (bareHandle && placeholders.has(bareHandle)) keys.placeholder = bareHandle;
  else if (handle) keys.handle = normaliseHandle(handle);
  // Profiles name a customer known only by email or handle as the input wrote it; joins use the normalised key.
  const writtenHandle = keys.handle && handle && keys.handle === nfc(handle).replace(/^@/, '').toLowerCase() ? nfc(handle).replace(/^@/, '') : undefined;
  const written = email ? nfc(email) : writtenHandle;
  if (written && !keys.crmId) keys.asWritten = written;
  const fullName = customerText(name) ?? ([firstName, lastName].map((part) => customerText(part)).filter(Boolean).join(' ') || undefined);
  if (fullName && placeholders.has(fullName)) keys.placeholder ??= nfc(fullName);
  else if (fullName) keys.name = nfc(fullName);
  for (const field of Object.keys(keys) as (keyof IdentityKeys)[]) keys[field] = shareIn(ctx, keys[field]!);
  return ctx.sharedWho ? ctx.sharedWho(keys) : keys;
}

/** The value as the file's one shared string of it (RowContext.shared), or as it is without one. */
const shareIn = (ctx: RowContext, value: string): string => (ctx.shared ? ctx.shared(value) : value);

/**
 * A cell kept on a record, composed and trimmed (unless `composed` is false: kept as written), as a string of its own
 * shared by the file's equal values. A cell is a slice of the file's decoded text, and one kept slice keeps all of
 * that text alive (Olist's order ids kept each file's whole text through linking).
 */
function sharedCell(ctx: RowContext, value: string | undefined, composed = true): string | null {
  if (value === undefined || (composed && value === '')) return null;
  return shareIn(ctx, composed ? nfc(value) : value);
}

const DEFAULT_PLACEHOLDERS = new Placeholders();

function baseEvent(row: MappedRow, ctx: RowContext, kind: EventKind, suffix = ''): IngestedEvent {
  const source: Source = { file: ctx.file, line: row.line };
  const channelCell = row.cells.channel ?? row.cells.platform;
  return {
    id: joinedId(`${ctx.file}:${row.line}${suffix}`),
    who: identity(row, ctx),
    customerKey: null,
    at: null,
    channel: channelCell ? shareIn(ctx, normaliseChannel(channelCell)) : ctx.channel,
    direction: 'inbound',
    kind,
    amount: null,
    orderId: null,
    text: null,
    messageId: null,
    replyTo: null,
    // Set for the finished event by expectsReplyAtIngest; linking decides for posts.
    expectsReply: false,
    rating: null,
    unseenReplies: 0,
    author: null,
    source,
  };
}

const hasIdentity = (keys: IdentityKeys): boolean =>
  Boolean(keys.crmId || keys.altId || keys.email || keys.handle || keys.name || keys.placeholder || keys.placeholderId);

function requireIdentity(keys: IdentityKeys, row: MappedRow, what: string): void {
  if (!hasIdentity(keys)) throw new RowError(`no customer id, email, handle or name on this ${what}`);
}

/**
 * The replies a row lists, set only when it lists some: a property added to every event, even as undefined, is one
 * more than baseEvent's object holds, and costs each event a property array (~40 bytes a record).
 */
function setReplies(event: IngestedEvent, replies: string[] | undefined): void {
  if (replies) event.replies = replies;
}

/** Message ids listed in one cell ("5,7"), in the event's conversation space. */
function listedIds(space: string, cell: string | undefined): string[] | undefined {
  const ids = cell?.split(/[\s,;|]+/).map(nfc).filter(Boolean);
  return ids && ids.length > 0 ? ids.map((id) => joinedId(`${space}:${id}`)) : undefined;
}

/**
 * The brand's reply written in the same row as the record it answers (a review's "Company response", E.ON's
 * replyContent, a ticket's first reply time): an outbound event answering the record, never the customer's voice.
 * A reply to a public review or post is itself public (`post`); any other is a message.
 */
function replyInRow(row: MappedRow, ctx: RowContext, record: IngestedEvent): IngestedEvent | null {
  const text = customerText(row.cells.reply);
  const repliedAt = dateCell(row, 'firstReplyAt', ctx);
  const replyMinutes = numberCell(row, 'firstReplyMinutes', ctx);
  if (!text && !repliedAt && replyMinutes === null) return null;
  const publicRecord = record.kind === 'review' || record.kind === 'post';
  const reply = baseEvent(row, ctx, publicRecord ? 'post' : 'message', '#reply');
  reply.channel = record.channel;
  reply.direction = 'outbound';
  reply.at = repliedAt ?? (replyMinutes !== null && record.at ? minutesAfter(record.at, replyMinutes, row, ctx) : null);
  reply.replyTo = record.messageId;
  reply.text = text ?? null;
  return reply;
}

/** The time `minutes` after `at`; a number of minutes that leads past any date (1e308) rejects the row, naming its column. */
function minutesAfter(at: Date, minutes: number, row: MappedRow, ctx: RowContext): Date | null {
  const time = at.getTime() + minutes * 60_000;
  if (Number.isFinite(time) && Math.abs(time) <= 8.64e15) return new Date(time);
  return readOrExplain<Date>({ ok: false, reason: `"${row.cells.firstReplyMinutes}" minutes in column ${columnName(row, 'firstReplyMinutes', ctx)} lead past any date` }, row, 'firstReplyMinutes', ctx);
}

/** An order line's value: quantity × unit price, else the amount, else the unit price of a one-unit line. */
function orderAmount(row: MappedRow, ctx: RowContext): number | null {
  const quantity = orderNumberCell(row, 'quantity', ctx);
  const unitPrice = orderNumberCell(row, 'unitPrice', ctx);
  const amount = orderNumberCell(row, 'amount', ctx);
  let value: number | null = null;
  if (quantity !== null && unitPrice !== null) value = lineValue(row, quantity, unitPrice, ctx);
  else if (amount !== null) value = amount;
  // A file of order items with a price and no quantity column (Olist) lists one unit per line.
  else if (unitPrice !== null && row.columns.quantity === undefined) value = unitPrice;
  // An orders export without any price column (Olist's orders file) still counts the order; its value comes
  // from its lines in another file. A file that has prices but not on this line cannot say what it was worth.
  else if (row.columns.unitPrice !== undefined || row.columns.amount !== undefined) {
    throw new RowError('order line has neither quantity × unit price nor an amount', row.columns.amount ?? row.columns.unitPrice);
  }
  return value === null ? null : Math.round(value * 100) / 100;
}

/** Quantity × unit price, unless the product is beyond MAX_ORDER_VALUE (then the row is rejected naming both columns). */
function lineValue(row: MappedRow, quantity: number, unitPrice: number, ctx: RowContext): number | null {
  const value = quantity * unitPrice;
  if (Math.abs(value) <= MAX_ORDER_VALUE) return value;
  const reason = `quantity × unit price ("${row.cells.quantity}" × "${row.cells.unitPrice}" in columns ${columnName(row, 'quantity', ctx)} and ${columnName(row, 'unitPrice', ctx)}) is ${beyond}`;
  return readOrExplain<number>({ ok: false, reason }, row, 'unitPrice', ctx);
}

/**
 * Order statuses that say the order did not go through, so its lines add no revenue: Olist's canceled and
 * unavailable, Shopify's voided and refunded (in full, with no counter-line in the export), their German names.
 */
const CANCELLED_STATUSES = new Set([
  'canceled', 'cancelled', 'cancel', 'unavailable', 'voided', 'void', 'refunded', 'rejected', 'storniert', 'storno', 'annulliert',
  'abgebrochen', 'nicht verfügbar', 'erstattet', 'rückerstattet', 'zurückerstattet', 'abgelehnt',
]);

export const isCancelledStatus = (status: string): boolean => CANCELLED_STATUSES.has(status.trim().toLowerCase().replace(/[_-]+/g, ' '));

function orderEvent(row: MappedRow, ctx: RowContext, refund = false): IngestedEvent {
  const event = baseEvent(row, ctx, 'order');
  event.orderId = sharedCell(ctx, row.cells.orderId);
  // An order line that names nobody joins the customer of its order (from any file of the run).
  if (!hasIdentity(event.who) && !event.orderId) throw new RowError('no customer id, email, handle or name on this order line, and no order id to join it by');
  event.amount = orderAmount(row, ctx);
  if (refund && event.amount !== null && event.amount > 0) event.amount = -event.amount;
  // Money paid back for an order: it counts against revenue, but is no order of its own.
  if (refund) event.refund = true;
  event.at = dateCell(row, 'date', ctx);
  event.text = customerText(row.cells.product ?? row.cells.text) ?? null;
  const status = sharedCell(ctx, row.cells.status);
  if (status) event.status = status;
  if (status && isCancelledStatus(status)) event.cancelled = true;
  return event;
}

const NORMALISERS: Record<RecordKind, (row: MappedRow, ctx: RowContext) => Normalised> = {
  contacts(row, ctx) {
    const read = identity(row, ctx);
    const handles = (['instagram', 'twitter', 'facebook', 'handle'] as const)
      .map((field) => row.cells[field])
      .filter((value): value is string => Boolean(value) && !(ctx.placeholders ?? DEFAULT_PLACEHOLDERS).has(value!.replace(/^@/, '')))
      .map(normaliseHandle);
    if (!read.crmId && !read.email && handles.length === 0) {
      const nobody = read.placeholderId ? ` ("${read.placeholderId}" is a placeholder that identifies nobody)` : '';
      throw new RowError(`contact has no customer id, email or social handle${nobody}`);
    }
    // The identity read is shared with the file's other rows that name the same person: a contact known by a listed
    // handle gets an identity of its own with it.
    const keys = !read.handle && handles[0] ? { ...read, handle: handles[0] } : read;
    const contact: Contact = {
      keys,
      handles: [...new Set(handles)],
      name: keys.name ?? null,
      phone: sharedCell(ctx, row.cells.phone, false),
      city: sharedCell(ctx, row.cells.city, false),
      crmStage: sharedCell(ctx, row.cells.crmStage, false),
      createdAt: dateCell(row, 'created', ctx),
      source: { file: ctx.file, line: row.line },
    };
    return { contacts: [contact], events: [], contextEvents: [] };
  },

  /** Order lines; a kind column may call a line a refund, or name another kind, read as in a generic export. */
  orders(row, ctx) {
    const declared = declaredKind(row);
    if (declared !== null && declared !== 'order' && declared !== 'refund') return NORMALISERS.messages(row, ctx);
    return { contacts: [], events: [orderEvent(row, ctx, declared === 'refund')], contextEvents: [] };
  },

  tickets(row, ctx) {
    const ticket = baseEvent(row, ctx, 'ticket');
    requireIdentity(ticket.who, row, 'ticket');
    ticket.at = dateCell(row, 'date', ctx);
    ticket.messageId = conversationId('ticket', row.cells.messageId ?? ticket.id);
    ticket.text = customerText(row.cells.text) ?? customerText(row.cells.subject) ?? null;
    ticket.rating = ratingCell(row, ctx);
    ticket.orderId = sharedCell(ctx, row.cells.orderId);
    const reply = replyInRow(row, ctx, ticket);
    return { contacts: [], events: reply ? [ticket, reply] : [ticket], contextEvents: [] };
  },

  social(row, ctx) {
    const post = baseEvent(row, ctx, 'post');
    if (!post.who.handle && !post.who.crmId && !post.who.email && !post.who.placeholder && !post.who.placeholderId) throw new RowError('comment has no author handle', row.columns.handle);
    post.at = dateCell(row, 'date', ctx);
    post.text = customerText(row.cells.text) ?? null;
    post.messageId = conversationId(post.channel, row.cells.messageId);
    post.replyTo = conversationId(post.channel, row.cells.replyTo);
    setReplies(post, listedIds(post.channel, row.cells.replies));
    const byBrand = directionOf(row, ctx) === 'outbound' || (post.who.handle !== undefined && ctx.brandHandles.has(post.who.handle));
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
    event.who = keysFromCustomerCell(customer, ctx.placeholders ?? DEFAULT_PLACEHOLDERS);
    if (event.who.placeholderId) throw new RowError(`note names the customer "${customer}", a placeholder that identifies nobody`, row.columns.crmId);
    event.direction = 'internal';
    event.channel = 'note';
    event.at = at;
    event.text = note;
    event.author = sharedCell(ctx, row.cells.author, false);
    event.analystCodes = analystCodes(row.cells.codes, note, event.author, source);
    return { contacts: [], events: [event], contextEvents: [] };
  },

  /**
   * A generic export: each row a message unless it says otherwise. A kind column names orders, tickets, reviews …;
   * a row with an amount and no text, or with an amount and an order id (an orders export with a comment column),
   * is an order; a direction column says whether the brand wrote it.
   */
  messages(row, ctx) {
    const declared = declaredKind(row);
    const text = customerText(row.cells.text);
    const hasAmount = row.cells.amount !== undefined || row.cells.unitPrice !== undefined;
    if (declared === 'order' || declared === 'refund' || (declared === null && hasAmount && (!text || row.cells.orderId !== undefined))) {
      return { contacts: [], events: [orderEvent(row, ctx, declared === 'refund')], contextEvents: [] };
    }
    const event = baseEvent(row, ctx, declared ?? 'message');
    event.direction = declared === 'note' ? 'internal' : directionOf(row, ctx);
    event.at = dateCell(row, 'date', ctx);
    event.text = text ?? null;
    event.rating = ratingCell(row, ctx);
    event.orderId = sharedCell(ctx, row.cells.orderId);
    event.messageId = conversationId(event.channel, row.cells.messageId);
    event.replyTo = conversationId(event.channel, row.cells.replyTo);
    setReplies(event, listedIds(event.channel, row.cells.replies));
    const reply = event.direction === 'inbound' ? replyInRow(row, ctx, event) : null;
    if (reply && !event.messageId) reply.replyTo = event.messageId = conversationId(event.channel, event.id);
    return { contacts: [], events: reply ? [event, reply] : [event], contextEvents: [] };
  },

  /**
   * Reviews and survey answers: a rating with (often) a text, written by the customer about the brand. The title
   * goes before the text. The brand's reply in the same row becomes its own outbound event answering the record.
   * Whether the file holds public reviews or answers to the brand's own survey was decided for the whole file;
   * a kind column may still say so per row.
   */
  reviews(row, ctx) {
    const declared = declaredKind(row);
    const kind: EventKind = declared === 'review' || declared === 'survey' ? declared : (ctx.recordKind ?? 'review');
    const record = baseEvent(row, ctx, kind);
    record.at = dateCell(row, 'date', ctx);
    record.text = titleAndBody(customerText(row.cells.subject), customerText(row.cells.text)) ?? null;
    record.rating = ratingCell(row, ctx);
    const product = row.cells.product?.trim();
    if (product) record.product = shareIn(ctx, nfc(product));
    if (record.text === null && record.rating === null) throw new RowError(`${kind} has neither a text nor a rating`, row.columns.text ?? row.columns.rating);
    record.orderId = sharedCell(ctx, row.cells.orderId);
    record.messageId = conversationId(record.channel, row.cells.messageId ?? record.id);
    const reply = replyInRow(row, ctx, record);
    return { contacts: [], events: reply ? [record, reply] : [record], contextEvents: [] };
  },
};

/**
 * Only a conversation the customer opened with the brand awaits an answer: their tickets and messages. Whether a
 * public post is addressed to the brand takes the whole thread to tell, so linking decides that.
 */
function expectsReplyAtIngest(event: IngestedEvent): boolean {
  return event.direction === 'inbound' && (event.kind === 'ticket' || event.kind === 'message');
}

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
  const normalised = NORMALISERS[ctx.kind](row, ctx);
  for (const event of normalised.events) event.expectsReply = expectsReplyAtIngest(event);
  return normalised;
}
