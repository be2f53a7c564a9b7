// Who a run's texts may name, gathered once: each customer's pseudonym, the names and ids they go by (in the contacts
// export, on their rows, as their key), and the analysts who wrote notes. From these the Masker is built.
import type { Analysis } from '../cli/pipeline.js';
import { Placeholders } from '../ingest/placeholders.js';
import type { Customer, Event, IdentityKeys } from '../model.js';
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

/** The words of a customer's names their own texts may call them by (names.ts nameWords). */
const ownNameIndex = (names: readonly string[], texts: readonly string[], replacement: string): NameIndex =>
  new NameIndex(nameWords(names, lowerCaseWords(texts)).sort(byCodePoint).map((name) => ({ name, replacement })));

/** Every text of the run someone wrote: its common words tell a name from a word. */
const runTexts = (analysis: Analysis): string[] => [
  ...analysis.events.flatMap((e) => (e.text ? [e.text] : [])),
  ...analysis.ingests.flatMap((i) => i.contextEvents.map((c) => c.note)),
];

export function runPeople(analysis: Analysis, options: PeopleOptions): People {
  const brand = new Brand(options.brandHandles);
  const nameless = placeholderFor(options.lang)('name');
  const subjects = analysis.profiled;
  const codes = pseudonymCodes(subjects.map((s) => s.customer.key), options.secret);
  const pseudonyms = new Map([...codes].map(([key, code]) => [key, pseudonym(code)]));
  const analysts = analystLabels(analystNames(analysis));

  const names: KnownName[] = [];
  const parts: KnownName[] = [];
  const common = lowerCaseWords(runTexts(analysis));
  const ids: [string, string][] = [];
  const ownNames = new Map<string, { names: string[]; texts: string[] }>();
  for (const { customer, events } of [...subjects].sort((a, b) => byCodePoint(a.customer.key, b.customer.key))) {
    const replacement = pseudonyms.get(customer.key)!;
    const own = namesOf(customer, events);
    names.push(...own.map((name) => ({ name, replacement })));
    // A customer's first or last name alone, in another's records, may be anyone's of that name: "[name]".
    parts.push(...nameWords(own, common, 3).map((name) => ({ name, replacement: nameless })));
    ids.push(...idsOf(customer, events, brand).map((id): [string, string] => [id, replacement]));
    ownNames.set(customer.key, { names: own, texts: events.filter((e) => e.direction === 'inbound' && e.text).map((e) => e.text!) });
  }
  const analystNamesKnown = [...analysts].map(([name, replacement]) => ({ name, replacement }));
  const analystParts = analystNamesKnown.flatMap(({ name, replacement }) => nameWords([name], common, 3).map((part) => ({ name: part, replacement })));
  const all = knownNames([...names, ...analystNamesKnown], nameless);
  const quoted = new Map<string, string>([...all.map((n): [string, string] => [foldQuoted(n.name), n.replacement]), ...ids.map(([id, r]): [string, string] => [foldQuoted(id), r])]);
  const ownIndexes = new Map<string, NameIndex>();
  const masker = new Masker({
    lang: options.lang,
    brand,
    // A full name and an analyst's name are theirs wherever they stand; parts of names are looked for everywhere too.
    names: new NameIndex([...all.filter((n) => isFullName(n.name) || analysts.has(n.name)), ...knownNames([...analystParts, ...parts], nameless)]),
    ownNames: (owner) => {
      const own = ownNames.get(owner);
      if (!own) return null;
      if (!ownIndexes.has(owner)) ownIndexes.set(owner, ownNameIndex(own.names, own.texts, pseudonyms.get(owner)!));
      return ownIndexes.get(owner)!;
    },
    identifiers: new Identifiers(ids),
    quoted,
  });
  return { codes, pseudonyms, analysts, brand, masker };
}
