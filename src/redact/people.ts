// Who a run's texts may name, gathered once: each customer's pseudonym, the names and ids they go by (in the contacts
// export, on their rows, as their key), and the analysts who wrote notes. From these the Masker is built.
import type { Analysis } from '../pipeline.js';
import { Placeholders } from '../ingest/placeholders.js';
import type { Customer, Event, IdentityKeys } from '../model.js';
import type { ProfiledCustomer } from '../profile/index.js';
import { Brand } from './brand.js';
import { Identifiers } from './identifiers.js';
import { placeholderFor, type RedactLang } from './labels.js';
import { foldQuoted, Masker } from './mask.js';
import { isFullName, lowerCaseWords, NameIndex, nameWords, type KnownName } from './names.js';
import { analystLabels, pseudonym, pseudonymCodes } from './pseudonyms.js';
import { byCodePoint } from '../collation.js';

export interface PeopleOptions {
  lang: RedactLang;
  brandHandles: Iterable<string>;
  secret: string;
}

export interface People {
  /** Customer key → pseudonym code ("7QMX"). */
  codes: ReadonlyMap<string, string>;
  /** Customer key → pseudonym ("Person 7QMX"). */
  pseudonyms: ReadonlyMap<string, string>;
  /** Analyst name as written → label ("Analyst A"). */
  analysts: ReadonlyMap<string, string>;
  brand: Brand;
  masker: Masker;
}

/** The names a customer goes by: their display name, their contact's, and those written on their rows. */
function namesOf(customer: Customer, events: readonly Event[]): string[] {
  if (customer.anonymous) return [];
  const placeholders = new Placeholders();
  const names = [customer.name, customer.contact?.name, ...events.map((e) => (e.direction === 'inbound' ? e.who.name : undefined))];
  return [...new Set(names.filter((n): n is string => Boolean(n?.trim()) && !placeholders.has(n!)))];
}

const keysOf = (keys: IdentityKeys | undefined): (string | undefined)[] => (keys ? [keys.crmId, keys.email, keys.handle, keys.altId, keys.asWritten] : []);

/** The ids a customer goes by: key, CRM id, e-mails, handles, aliases, and the same on their rows. */
function idsOf(customer: Customer, events: readonly Event[], brand: Brand): string[] {
  const ids = [
    ...(customer.anonymous ? [] : [customer.key]),
    customer.crmId,
    ...customer.emails,
    ...customer.handles,
    ...customer.aliases,
    ...keysOf(customer.contact?.keys),
    ...(customer.contact?.handles ?? []),
    ...events.flatMap((e) => (e.direction === 'inbound' ? keysOf(e.who) : [])),
  ];
  return [...new Set(ids.filter((id): id is string => Boolean(id?.trim()) && !brand.isHandle(id!)))];
}

/** Analysts' names: authors of notes and context notes, and the makers of analyst codes. */
function analystNames(analysis: Analysis): string[] {
  const names = [
    ...analysis.events.flatMap((e) => [e.kind === 'note' ? e.author : null, ...e.annotations.filter((a) => a.by.kind === 'analyst' || a.by.kind === 'context').map((a) => a.by.id)]),
    ...analysis.ingests.flatMap((i) => i.contextEvents.map((c) => c.author)),
  ];
  // "analyst" is what thick writes when a note names no author.
  return names.filter((n): n is string => Boolean(n?.trim()) && n !== 'analyst');
}

/** Names that stand for one person each; a name two customers share stands for neither, and is masked as "[name]". */
function knownNames(entries: readonly KnownName[], nameless: string): KnownName[] {
  const by = new Map<string, KnownName>();
  for (const entry of entries) {
    const key = foldQuoted(entry.name);
    const earlier = by.get(key);
    by.set(key, earlier && earlier.replacement !== entry.replacement ? { name: entry.name, replacement: nameless } : (earlier ?? entry));
  }
  return [...by.values()].sort((a, b) => byCodePoint(a.name, b.name));
}

/** Every text of the run someone wrote: its common words tell a name from a word. */
const runTexts = (analysis: Analysis): string[] => [
  ...analysis.events.flatMap((e) => (e.text ? [e.text] : [])),
  ...analysis.ingests.flatMap((i) => i.contextEvents.map((c) => c.note)),
];

/** What the run's customers are called, and by which ids they go. */
interface Known {
  /** Every name of every customer, with their pseudonym. */
  names: KnownName[];
  /** Parts of contacts' names, to be looked for in every text as "[name]". */
  parts: KnownName[];
  ids: [string, string][];
  /** Per customer: the words their own records may call them by (names.ts nameWords), found lazily. */
  own: (key: string) => NameIndex | null;
}

/**
 * The words a customer's own records may call them by. A contact's name is a person's: a part of it is a word only
 * where they write it in lower case themselves. A name typed on a review site ("Gluten Free Girl") is a word wherever
 * the run writes it in lower case.
 */
function ownNames(subject: ProfiledCustomer, names: readonly string[], runCommon: ReadonlySet<string>, replacement: string): NameIndex {
  const ownTexts = subject.events.filter((e) => e.direction === 'inbound' && e.text).map((e) => e.text!);
  const common = lowerCaseWords(ownTexts);
  if (!subject.customer.contact) for (const word of runCommon) common.add(word);
  return new NameIndex(nameWords(names, common).sort(byCodePoint).map((name) => ({ name, replacement })));
}

function knownCustomers(analysis: Analysis, pseudonyms: ReadonlyMap<string, string>, common: ReadonlySet<string>, brand: Brand, nameless: string): Known {
  const known: Known = { names: [], parts: [], ids: [], own: () => null };
  const own = new Map<string, () => NameIndex>();
  for (const subject of [...analysis.profiled].sort((a, b) => byCodePoint(a.customer.key, b.customer.key))) {
    const { customer, events } = subject;
    const replacement = pseudonyms.get(customer.key)!;
    const names = namesOf(customer, events);
    known.names.push(...names.map((name) => ({ name, replacement })));
    // A contact's first or last name alone, in another's records, may be anyone's of that name: "[name]". Only a
    // CRM contact's: the name a reviewer types ("Texas Mom", "Sam") is too often a place or a word.
    if (customer.contact?.name) known.parts.push(...nameWords([customer.contact.name], common, 3).map((name) => ({ name, replacement: nameless })));
    known.ids.push(...idsOf(customer, events, brand).map((id): [string, string] => [id, replacement]));
    let index: NameIndex | undefined;
    own.set(customer.key, () => (index ??= ownNames(subject, names, common, replacement)));
  }
  known.own = (key) => own.get(key)?.() ?? null;
  return known;
}

export function runPeople(analysis: Analysis, options: PeopleOptions): People {
  const brand = new Brand(options.brandHandles);
  const nameless = placeholderFor(options.lang)('name');
  const codes = pseudonymCodes(analysis.profiled.map((s) => s.customer.key), options.secret);
  const pseudonyms = new Map([...codes].map(([key, code]) => [key, pseudonym(code)]));
  const analysts = analystLabels(analystNames(analysis));
  const common = lowerCaseWords(runTexts(analysis));
  const known = knownCustomers(analysis, pseudonyms, common, brand, nameless);
  const analystNamesKnown = [...analysts].map(([name, replacement]) => ({ name, replacement }));
  const analystParts = analystNamesKnown.flatMap(({ name, replacement }) => nameWords([name], common, 3).map((part) => ({ name: part, replacement })));
  const all = knownNames([...known.names, ...analystNamesKnown], nameless);
  const quoted = new Map<string, string>([...all, ...known.ids.map(([name, replacement]) => ({ name, replacement }))].map((n) => [foldQuoted(n.name), n.replacement]));
  const masker = new Masker({
    lang: options.lang,
    brand,
    // A full name (two words with capitals: "my opinion" is no one's name in others' texts) and an analyst's name are
    // theirs wherever they stand; so are the parts of contacts' and analysts' names, as "[name]" or the analyst's label.
    names: new NameIndex([...all.filter((n) => isFullName(n.name, 2) || analysts.has(n.name)), ...knownNames([...analystParts, ...known.parts], nameless)]),
    ownNames: known.own,
    identifiers: new Identifiers(known.ids),
    quoted,
  });
  return { codes, pseudonyms, analysts, brand, masker };
}
