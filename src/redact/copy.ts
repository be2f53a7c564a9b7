// The redacted copy of each kind of object an Analysis holds. Every string that can reach an output is masked or
// replaced (index.ts lists them); figures, dates, kinds, codes and sources are kept as they are. Events are copied
// once each and shared, so an exchange's message is still one of its customer's events.
import type { FileIdentity } from '../ingest/identity.js';
import type { ReadFile } from '../ingest/index.js';
import { Placeholders } from '../ingest/placeholders.js';
import type { Annotation, Contact, ContextEvent, Customer, Event, IdentityKeys, Profile, Rejection, Source } from '../model.js';
import type { Exchange } from '../profile/dialog.js';
import { slugify, type ProfiledCustomer } from '../profile/index.js';
import { say, type Finding } from '../profile/wording.js';
import { bareHandle, placeholderFor, type RedactLang } from './labels.js';
import type { People } from './people.js';

const placeholders = new Placeholders();

/** Gaps whose value is one of the customer's ids (judgements.ts identityGaps, orderGaps). */
const ID_VALUED = new Set<Finding['key']>(['unlinked', 'ordersUnjoinable', 'noOrders', 'handleWithoutPosts']);

export class Copier {
  private readonly events = new Map<Event, Event>();
  private readonly mask: (kind: 'email' | 'id' | 'name' | 'phone') => string;
  private readonly handle: string;
  /** The customer each contacts-export record became. */
  private readonly contactOwners: ReadonlyMap<Contact, string>;
  /** Each input file's name as the outputs show it. */
  private readonly files: ReadonlyMap<string, string>;

  constructor(
    private readonly people: People,
    lang: RedactLang,
    subjects: readonly ProfiledCustomer[],
    files: readonly string[],
  ) {
    this.mask = placeholderFor(lang);
    this.handle = bareHandle(lang);
    this.contactOwners = new Map(subjects.flatMap((s) => (s.customer.contact ? [[s.customer.contact, s.customer.key] as const] : [])));
    this.files = fileNames(files, (name) => people.masker.text(name));
  }

  /** An input file's name: the user chose it, and "export-anna@example.org.csv" is cited in every quote of it. */
  file = (name: string): string => this.files.get(name) ?? this.people.masker.text(name);

  private source = (source: Source): Source => {
    const file = this.file(source.file);
    return file === source.file ? source : { ...source, file };
  };

  private code = (key: string): string => this.people.codes.get(key) ?? this.mask('id');
  private pseudonym = (key: string | null): string => (key === null ? undefined : this.people.pseudonyms.get(key)) ?? this.mask('name');
  private handleOf = (handle: string): string => (this.people.brand.isHandle(handle) ? handle : this.handle);
  /** A placeholder author or id ("Ein Google-Nutzer", "N/A") names nobody and stays; anything else is masked. */
  private placeholder = (value: string): string => (placeholders.has(value) ? value : this.people.masker.text(value));

  /**
   * A channel as the export names it: a free cell ("Via", "Platform"), so it may hold an address or a handle, and it
   * lands in charts, segment tables, profiles.jsonl and customers.csv. "email" or "instagram" stay as they are.
   */
  channel = (channel: string): string => this.people.masker.text(channel);

  /** A customer's records per channel, under the masked channel names (two masked alike count together). */
  private channels(counts: Record<string, number>): Record<string, number> {
    const masked: Record<string, number> = {};
    for (const [channel, n] of Object.entries(counts)) masked[this.channel(channel)] = (masked[this.channel(channel)] ?? 0) + n;
    return masked;
  }

  analyst = (name: string): string => this.people.analysts.get(name) ?? (name === 'analyst' ? name : this.people.masker.text(name));

  /** The identity on a row: every id masked, the name as the customer's pseudonym. */
  keys(who: IdentityKeys, owner: string | null): IdentityKeys {
    const masked: IdentityKeys = {};
    if (who.crmId !== undefined) masked.crmId = this.mask('id');
    if (who.email !== undefined) masked.email = this.mask('email');
    if (who.handle !== undefined) masked.handle = this.handleOf(who.handle);
    if (who.name !== undefined) masked.name = this.pseudonym(owner);
    if (who.altId !== undefined) masked.altId = this.mask('id');
    if (who.placeholder !== undefined) masked.placeholder = this.placeholder(who.placeholder);
    if (who.placeholderId !== undefined) masked.placeholderId = this.placeholder(who.placeholderId);
    if (who.asWritten !== undefined) masked.asWritten = this.mask('id');
    return masked;
  }

  private annotation(annotation: Annotation, owner: string | null): Annotation {
    const { by } = annotation;
    // A context note is the same world event for every customer it touches: masked alike everywhere.
    const quote = this.people.masker.textOrNull(annotation.quote, annotation.code === 'context' ? null : owner);
    const maker = by.kind === 'analyst' || by.kind === 'context' ? { kind: by.kind, id: this.analyst(by.id) } : by;
    return { ...annotation, quote, by: maker, source: this.source(annotation.source) };
  }

  event = (event: Event): Event => {
    const done = this.events.get(event);
    if (done) return done;
    const owner = event.customerKey;
    const { masker } = this.people;
    const copy: Event = {
      ...event,
      who: this.keys(event.who, owner),
      customerKey: owner === null ? null : this.code(owner),
      channel: this.channel(event.channel),
      text: masker.textOrNull(event.text, owner),
      author: event.author === null ? null : this.analyst(event.author),
      annotations: event.annotations.map((a) => this.annotation(a, owner)),
      source: this.source(event.source),
    };
    if (event.product !== undefined) copy.product = masker.text(event.product);
    if (event.status !== undefined) copy.status = masker.text(event.status);
    this.events.set(event, copy);
    return copy;
  };

  contact(contact: Contact): Contact {
    const owner = this.contactOwners.get(contact) ?? null;
    return {
      ...contact,
      keys: this.keys(contact.keys, owner),
      handles: contact.handles.map(this.handleOf),
      name: contact.name === null ? null : this.pseudonym(owner),
      phone: contact.phone === null ? null : this.mask('phone'),
      city: this.people.masker.textOrNull(contact.city, owner),
      crmStage: this.people.masker.textOrNull(contact.crmStage, owner),
      source: this.source(contact.source),
    };
  }

  customer(customer: Customer): Customer {
    return {
      ...customer,
      key: this.code(customer.key),
      name: this.pseudonym(customer.key),
      crmId: customer.crmId === null ? null : this.mask('id'),
      emails: customer.emails.map(() => this.mask('email')),
      handles: customer.handles.map(this.handleOf),
      contact: customer.contact && this.contact(customer.contact),
      aliases: customer.aliases.map(() => this.mask('id')),
      nameJoins: customer.nameJoins.map(this.source),
    };
  }

  /** A finding's value: an id of the customer's as the kind of id it was, anything else masked as thick's words. */
  finding(finding: Finding, subject: ProfiledCustomer | null): Finding {
    if (finding.value === undefined) return finding;
    if (subject && finding.key === 'anonymous') {
      const written = subject.events.find((e) => e.who.placeholder)?.who.placeholder;
      return { ...finding, value: written ? this.placeholder(written) : '' };
    }
    if (subject && ID_VALUED.has(finding.key)) return { ...finding, value: this.idValue(finding.value, subject.customer) };
    return { ...finding, value: this.people.masker.message(finding.value) };
  }

  private idValue(value: string, customer: Customer): string {
    if (value.startsWith('@') || customer.handles.includes(value)) return value.startsWith('@') ? `@${this.handle}` : this.handle;
    return customer.emails.includes(value) ? this.mask('email') : this.mask('id');
  }

  private exchange(exchange: Exchange, owner: string): Exchange {
    const copy: Exchange = { ...exchange, message: this.event(exchange.message), reply: exchange.reply && this.event(exchange.reply) };
    if (exchange.settledBy) copy.settledBy = { ...exchange.settledBy, event: this.event(exchange.settledBy.event), quote: this.people.masker.text(exchange.settledBy.quote, owner) };
    return copy;
  }

  /** The profile as profiles.jsonl writes it: pseudonym for id and name, ids masked, judgements said anew. */
  private profile(profile: Profile, key: string, findings: ProfiledCustomer['findings']): Profile {
    const name = this.pseudonym(key);
    const english = (list: readonly Finding[]) => list.map((f) => say(f, 'en'));
    return {
      ...profile,
      id: this.code(key),
      slug: slugify(name),
      name,
      channels: this.channels(profile.channels),
      identity: {
        crmId: profile.identity.crmId === null ? null : this.mask('id'),
        emails: profile.identity.emails.map(() => this.mask('email')),
        handles: profile.identity.handles.map(this.handleOf),
        linked: profile.identity.linked,
      },
      stageReasons: english(findings.stage),
      blindSpots: english(findings.blindSpots),
      attentionReasons: english(findings.attention),
    };
  }

  subject = (subject: ProfiledCustomer): ProfiledCustomer => {
    const key = subject.customer.key;
    const finding = (f: Finding) => this.finding(f, subject);
    const findings = { stage: subject.findings.stage.map(finding), blindSpots: subject.findings.blindSpots.map(finding), attention: subject.findings.attention.map(finding) };
    return {
      ...subject,
      profile: this.profile(subject.profile, key, findings),
      customer: this.customer(subject.customer),
      events: subject.events.map(this.event),
      exchanges: subject.exchanges.map((x) => this.exchange(x, key)),
      findings,
    };
  };

  private contextEvent = (context: ContextEvent): ContextEvent => ({
    ...context,
    note: this.people.masker.text(context.note),
    author: context.author === null ? null : this.analyst(context.author),
    source: this.source(context.source),
  });

  private rejection = (rejection: Rejection): Rejection => ({ ...rejection, file: this.file(rejection.file), reason: this.people.masker.reason(rejection.reason), raw: this.people.masker.withheld(rejection.raw) });

  ingest = (ingest: ReadFile): ReadFile => {
    const { masker } = this.people;
    return {
      ...ingest,
      file: this.file(ingest.file),
      contextEvents: ingest.contextEvents.map(this.contextEvent),
      rejected: ingest.rejected.map(this.rejection),
      warnings: ingest.warnings.map((w) => masker.message(w)),
    };
  };

  /** Placeholder names and ids per file, keyed as written: a key that is no placeholder of thick's is masked. */
  private placeholderCounts(counts: Record<string, number>): Record<string, number> {
    const masked: Record<string, number> = {};
    for (const [value, n] of Object.entries(counts)) {
      const key = this.placeholder(value);
      masked[key] = (masked[key] ?? 0) + n;
    }
    return masked;
  }

  identity = (identity: FileIdentity): FileIdentity => ({
    ...identity,
    file: this.file(identity.file),
    placeholders: this.placeholderCounts(identity.placeholders),
    placeholderIds: this.placeholderCounts(identity.placeholderIds),
    warnings: identity.warnings.map((w) => this.people.masker.message(w)),
  });
}

/**
 * The input files' names with personal data masked, each still its own: two names masked alike ("[e-mail].csv")
 * are told apart by a number, since file and line find a quote's source and a world event's customers.
 */
function fileNames(files: readonly string[], mask: (name: string) => string): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set(files.filter((file) => mask(file) === file));
  for (const file of files) {
    if (names.has(file)) continue;
    let shown = mask(file);
    for (let n = 2; shown !== file && taken.has(shown); n++) shown = `${mask(file)} (${n})`;
    taken.add(shown);
    names.set(file, shown);
  }
  return names;
}
