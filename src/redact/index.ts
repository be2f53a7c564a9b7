// The redact stage: between profile and report, a pure transform of a run's Analysis into a copy with no personal
// data in it (issue 8: --redact, and the handout). Every output is rendered from the Analysis, so masking it once
// masks Markdown, HTML, chart labels, profiles.jsonl, customers.csv, rejected.csv, the --json summary and stderr alike.
//
// Every string of an Analysis that reaches an output, and what becomes of it (copy.ts does it):
// - customer: key → pseudonym code ("7QMX"); name → pseudonym ("Person 7QMX"); crmId, aliases → "[id]"; emails →
//   "[e-mail]" each; handles → "[handle]" each (the brand's stay); contact (below); nameJoins are file:line.
// - contact (in customers): keys as a row's identity (below); handles as above; name → pseudonym
//   (of the customer it became, else "[name]"); phone → "[phone]"; city, crmStage → masked text.
// - identity on a row (Event.who, Contact.keys): crmId, altId, asWritten → "[id]"; email → "[e-mail]"; handle →
//   "[handle]" unless the brand's; name → the customer's pseudonym; placeholder, placeholderId → kept when thick
//   knows them for placeholders ("Ein Google-Nutzer", "N/A"), else masked text.
// - event: customerKey → pseudonym code; channel, text, product, status → masked text; author → analyst label;
//   annotations: quote → masked text, by.id → analyst label for analyst codes and context notes (rule, model and
//   reading ids are thick's); source (also of contacts, context notes, name joins) → with the file's masked name
//   (below). Kept: id, kind, orderId, messageId, replyTo, replies (record ids of the export, no one's name), dates,
//   amounts, ratings, sentiment, codes.
// - exchange: message, reply, settledBy.event → the copied events; settledBy.quote → masked text.
// - profile: id → code; slug → from the pseudonym ("person-7qmx"); name → pseudonym; channels → keyed by the masked
//   channel names; identity → masked as the customer's; stageReasons, blindSpots, attentionReasons → said anew from
//   the masked findings. Figures unchanged.
// - findings: a value that is one of the customer's ids (unlinked, ordersUnjoinable, noOrders, handleWithoutPosts)
//   → the kind of id it was; anonymous → the placeholder as written (not the record id in the display name); any
//   other value → masked as a message. The run's blind spots likewise.
// - ingest (the file as read, its records are in events and profiled): contextEvents (note → masked text, author →
//   label); rejected: reason → message with quoted values withheld, raw → every word withheld; warnings → message;
//   file → masked text, each masked name still told apart from the others ("[e-mail].csv",
//   "[e-mail].csv (2)"), in every source, rejected row and the summary alike. Kept: encoding, delimiter, preset,
//   header and mapping (column names), rows, rating.
// - identities: placeholder names and ids (record keys) → kept or masked as above; warnings → message. Kept: key
//   column, counts.
// - warnings, events: as above.
// Names that identify nobody stay: column names, code ids and labels, brand handles. A file's name is the user's
// choice, and "export-anna@example.org.csv" would be cited beside every quote of it: it is masked as text. Channel
// names are cells of the export like any other ("Via: anna@example.org"), masked as text; "email" stays "email".
import type { Analysis } from '../pipeline.js';
import { Copier } from './copy.js';
import type { RedactLang } from './labels.js';
import type { MaskCounts } from './mask.js';
import { runPeople } from './people.js';
import { progressTicker, type OnProgress } from '../progress.js';

export { Brand } from './brand.js';
export { placeholderFor, type RedactLang } from './labels.js';
export type { MaskCounts } from './mask.js';
export { pseudonym, pseudonymCodes } from './pseudonyms.js';

export interface RedactOptions {
  /** The language of the placeholders ("[phone]" or "[Telefon]"); pseudonyms read the same in both. Default en. */
  lang?: RedactLang;
  /** The brand's own handles (--brand): they, and e-mail addresses and pages on the brand's domain, stay. */
  brandHandles?: Iterable<string>;
  /**
   * Mixed into the pseudonym hash. Without one, anyone with thick and a customer's key can compute their pseudonym;
   * with one kept private, nobody can, and the same secret keeps pseudonyms stable across runs.
   */
  secret?: string;
  /** Hears how many events, then customers, are masked (progress.ts): a large run's masking takes seconds. */
  onProgress?: OnProgress;
}

export interface RedactedRun {
  analysis: Analysis;
  /** How many stretches of each kind were masked in distinct texts (names and ids replaced in fields are not counted). */
  masked: MaskCounts;
}

/** The Analysis with no personal data in it, and how much was masked. */
export function redactRun(analysis: Analysis, options: RedactOptions = {}): RedactedRun {
  const lang = options.lang ?? 'en';
  const people = runPeople(analysis, { lang, brandHandles: options.brandHandles ?? [], secret: options.secret ?? '' });
  const copy = new Copier(people, lang, analysis.profiled, analysis.ingests.map((i) => i.file));
  const redacted: Analysis = {
    ...analysis,
    ingests: analysis.ingests.map(copy.ingest),
    identities: analysis.identities.map(copy.identity),
    profiled: counted(analysis.profiled, copy.subject, progressTicker(options.onProgress, { stage: 'redact', unit: 'customers', total: analysis.profiled.length }, 16)),
    runBlindSpots: analysis.runBlindSpots.map((f) => copy.finding(f, null)),
    events: counted(analysis.events, copy.event, progressTicker(options.onProgress, { stage: 'redact', unit: 'events', total: analysis.events.length })),
    warnings: analysis.warnings.map((w) => people.masker.message(w)),
  };
  return { analysis: redacted, masked: { ...people.masker.counts } };
}

/** `items` mapped by `copy`, each one counted by `tick`. */
function counted<T>(items: readonly T[], copy: (item: T) => T, tick: (done: number) => void): T[] {
  return items.map((item, i) => {
    const copied = copy(item);
    tick(i + 1);
    return copied;
  });
}

/** The Analysis with no personal data in it: see the head of this file for what becomes of each string. */
export const redactAnalysis = (analysis: Analysis, options: RedactOptions = {}): Analysis => redactRun(analysis, options).analysis;
