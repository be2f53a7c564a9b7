/**
 * thick as a library: ingest → link → annotate → profile, pure. Nothing here reads a file, a flag or the clock: the
 * caller ingests its bytes (ingest/index.ts), loads the codebook and model, and passes them in; the CLI (cli/) is one
 * such caller. What a run writes is the caller's business too (cli/write.ts renders and writes the reports).
 */
import { annotateEvents, type AnnotateContext } from './annotate/index.js';
import type { SentimentModel } from './annotate/classifier.js';
import { compileCodebook, type Codebook } from './annotate/codebook.js';
import { readFileOf, type FileIngest, type ReadFile } from './ingest/index.js';
import { fileIdentities, type FileIdentity } from './ingest/identity.js';
import { LINK_PASSES, linkCustomers, type Linked } from './ingest/link.js';
import { linkSettingAside, type RecordStore } from './ingest/link-aside.js';
import { screenDates } from './ingest/plausible.js';
import { byCodePoint } from './collation.js';
import { rejectUnjoined } from './ingest/unjoined.js';
import { cutAfter, type LeftOut } from './ingest/until.js';
import type { Event, IngestedEvent } from './model.js';
import { profilePart, profileTicker, runGaps, SETTLE_PASSES, settleProfiling, type ProfiledCustomer, type RunProfiling } from './profile/index.js';
import type { RunFacts } from './profile/evidence.js';
import { missingSignals } from './profile/signals.js';
import { foldWindow, windowCounts, type WindowFacts } from './profile/window.js';
import type { CustomerRow } from './profile/row.js';
import type { Finding, FindingKey } from './profile/wording.js';
import type { CodeInfo } from './report/codes.js';
import { passTicker, type OnProgress, type Passes } from './progress.js';

/** One message per declared signal the codebook cannot produce. */
export function declaredCodeWarnings(codebook: Codebook, file: string): string[] {
  return missingSignals(codebook.codes).map(({ missing, usedFor }) => {
    const what = missing.map((m) => (m.startsWith('category ') ? m : `"${m}"`)).join(', ');
    return `${file}: the codebook has no ${what}${codebook.replace ? ' (replace: true dropped the default)' : ''}; without it thick loses ${usedFor}`;
  });
}

/** What the report renderers need to know of each code: its category, label and whether it is experimental. */
export function codeInfo(codebook: Codebook): Map<string, CodeInfo> {
  return new Map(codebook.codes.map((code) => [code.id, { id: code.id, category: code.category, label: code.label, ...(code.experimental ? { experimental: true } : {}) }]));
}

export interface Analysis {
  /**
   * The files as read, less the rows linking found no customer for: those are among their rejected rows. Their
   * records are in `events` (annotated) and `profiled`.
   */
  ingests: ReadFile[];
  /** Per file: key column, rows per key, customers, records by kind, how rows were joined. */
  identities: FileIdentity[];
  profiled: ProfiledCustomer[];
  /** Gaps that hold for the whole run, said once in the index and in the --json summary. */
  runBlindSpots: Finding[];
  /** Customer gaps most of the run shares: kept in profiles.jsonl, left out of the Markdown reports. */
  sharedGaps: FindingKey[];
  events: Event[];
  warnings: string[];
  /** The run's time window (--since, --until) in figures; open at both ends without them. */
  window: WindowFacts;
}

/** A file of a run as the outputs tell it (the summary, the index, rejected.csv): no rows, no events. */
export type ReportedFile = Pick<FileIngest, 'file' | 'encoding' | 'delimiter' | 'rows' | 'rating' | 'contextEvents' | 'rejected'> & { preset: Pick<FileIngest['preset'], 'id'> };

/** Codes analysts wrote that the codebook does not know: kept, but probably a typo. They come with the rows (ingest). */
function unknownAnalystCodes(events: readonly IngestedEvent[], codebook: Codebook): string[] {
  const known = new Set(codebook.codes.map((c) => c.id));
  return events.flatMap((e) =>
    (e.analystCodes ?? [])
      .filter((a) => a.by.kind === 'analyst' && !known.has(a.code))
      .map((a) => `${a.source.file}:${a.source.line}: analyst code "${a.code}" is not in the codebook (kept as written; see thick codebook)`),
  );
}

/** Whether the run can show the brand's replies: a reply in it, or an input with a reply column (none answered yet). */
function repliesKnown(ingests: readonly ReadFile[], events: readonly IngestedEvent[]): boolean {
  const replyColumn = ingests.some((i) => (['reply', 'replies', 'firstReplyAt', 'firstReplyMinutes'] as const).some((field) => i.mapping[field] !== undefined));
  return replyColumn || events.some((e) => e.direction === 'outbound' || e.unseenReplies > 0);
}

/** What a run is analysed with: resources loaded at the edge, and the run's options. */
export interface AnalyseOptions {
  codebook: Codebook;
  /** A trained sentiment model (--model) instead of the built-in analyser. */
  model?: SentimentModel | null;
  /** Reference date for recency (--as-of); default: --until, else the latest plausible event in the data (ingest/plausible.ts). */
  asOf?: Date;
  /**
   * The time window (--since, --until, resolved at the edge by cli/window.ts). Records after `until` take no part in
   * the run (ingest/until.ts); what is "recent" starts at `since` (profile/index.ts).
   */
  window?: { since?: Date; until?: Date };
  /** The plausible dates (--dates); default: 1970-01-01 to a year after the reference date. */
  dates?: { from?: Date; until?: Date };
  /** The brand's own handles (--brand), normalised. */
  brandHandles?: ReadonlySet<string>;
  replyHorizonDays?: number;
  /** Show codes the codebook marks experimental (--all-codes). */
  allCodes?: boolean;
  /** Hears how far annotating and profiling have got, every so many events and customers (progress.ts). */
  onProgress?: OnProgress;
  /**
   * Where the files' records wait while linking decides (a big run's temporary file). The files given are then the
   * run's own: read nothing of them afterwards, as their records are let go as they are set aside (linkRun).
   */
  aside?: RecordStore;
}

/**
 * Link a run's files as one: every file's contacts and events, less the brand's own accounts (--brand), which get no
 * profile even when the CRM lists them as a contact. Rows that then join no customer become rejected rows of their
 * file (`ingests` is the files after that; read = used + rejected still holds). analyze, inspect and annotate all
 * link through here, so they agree on who each row is. `warnings` names the contacts left out, then linking's own.
 * With `aside`, the files' records wait there while linking decides (linkSettingAside), and the files are the run's:
 * they come back holding their records linked.
 */
export function linkRun(ingests: readonly FileIngest[], brandHandles: ReadonlySet<string>, passes?: Passes, aside?: RecordStore): { ingests: FileIngest[]; linked: Linked; warnings: string[] } {
  const all = ingests.flatMap((i) => i.contacts);
  const brandContacts = all.filter((c) => c.handles.some((h) => brandHandles.has(h)));
  const contacts = all.filter((c) => !brandContacts.includes(c));
  const linking = { brandHandles, passes };
  const linked = aside ? linkSettingAside(contacts, ingests, aside, linking) : linkCustomers(contacts, ingests.flatMap((i) => i.events), linking);
  const settled = rejectUnjoined(ingests, linked);
  const warnings = [
    ...brandContacts.map((c) => `${c.source.file}:${c.source.line}: contact ${c.keys.crmId ?? c.keys.email ?? c.handles[0]} is the brand's own account (--brand); no profile for it`),
    ...settled.linked.warnings,
  ];
  return { ...settled, warnings };
}

/**
 * Whether the run holds order data and social posts at all, from its records rather than its files' presets: a
 * generic export's kind column makes orders and posts too. A brand's public reply to a review is a post, but no
 * sign of social data: only the customers' own posts are.
 */
export function runHolds(events: readonly IngestedEvent[]): { ordersKnown: boolean; socialKnown: boolean } {
  return {
    ordersKnown: events.some((e) => e.kind === 'order'),
    socialKnown: events.some((e) => e.kind === 'post' && e.direction === 'inbound'),
  };
}

/** The latest record date of the run (what profiles measure recency from without --as-of or --until); null with none. */
function latestDated(events: readonly IngestedEvent[]): Date | null {
  let latest = Number.NEGATIVE_INFINITY;
  for (const event of events) if (event.at && event.at.getTime() > latest) latest = event.at.getTime();
  return latest === Number.NEGATIVE_INFINITY ? null : new Date(latest);
}

/** What the run-wide figures of a run (window, shared gaps) are settled from, once its customers are profiled. */
export interface RunOutline {
  /** What the whole run holds (profile/evidence.ts), over every customer and event, whoever was profiled. */
  run: RunFacts;
  /** The window asked for (--since, --until). */
  window: { since?: Date; until?: Date };
  /** The reference date the window facts name: --as-of, else --until, else the run's latest record; null with none. */
  reference: Date | null;
  /** What --until left out before linking. */
  leftOut: LeftOut;
}

/** A run's customers profiled (all of them, or one shard's), before the figures that need every profile. */
export interface ProfiledPart extends Omit<Analysis, 'runBlindSpots' | 'sharedGaps' | 'window'> {
  outline: RunOutline;
  /** Every customer of the run by key, in the order linking found them: the order of `profiled` when all are. */
  customerKeys: string[];
}

/**
 * A run settled from every file and customer before any record is annotated: the files as read, who is who, the
 * warnings, the reference date and what the run holds, RFM and slugs. Each customer is then profiled against it
 * (profileCustomers), all at once or part by part, with the same result.
 */
export interface PreparedRun extends Omit<ProfiledPart, 'profiled' | 'events'> {
  /** The run's customers and their records, linked, not yet annotated. */
  linked: Pick<Linked, 'customers' | 'events'>;
  annotating: AnnotateContext;
  profiling: RunProfiling;
}

/**
 * ingest → link, and all that the run shares, from every file and customer: dates screened, customers linked, the
 * reference date, what the run holds, RFM, slugs, the warnings (all but the window's, settleRun).
 */
export function prepareRun(files: readonly FileIngest[], options: AnalyseOptions): PreparedRun {
  const { codebook, model = null, asOf, dates, brandHandles = new Set<string>(), replyHorizonDays, allCodes = false, window = {} } = options;
  // Files in one fixed order, whatever order the shell or the user named them in: every output is the same.
  const byName = [...files].sort((a, b) => byCodePoint(a.file, b.file));
  const passes = linkTicker(byName, options.onProgress);
  const screening = passes.next(1);
  const { ingests: screened, warnings: dateWarnings } = screenDates(byName, { asOf, dates });
  // Cut before linking: someone whose every record lies after --until is no customer of this run yet.
  const { ingests: read, leftOut } = window.until ? cutAfter(screened, window.until) : { ingests: screened, leftOut: { records: 0, contacts: 0, rows: 0 } };
  screening(1);
  if (options.aside) letGoReplaced([...byName, ...screened], read);
  const contextEvents = read.flatMap((i) => i.contextEvents);
  const { ingests, linked, warnings: linkWarnings } = linkRun(read, brandHandles, passes, options.aside);
  const identifying = passes.next(1);
  const identities = fileIdentities(ingests, linked);
  identifying(1);
  const known = { ...runHolds(linked.events), repliesKnown: repliesKnown(ingests, linked.events) };
  // The run pictures the customers at the window's end: --until is the reference date unless --as-of says otherwise.
  const reference = asOf ?? window.until;
  const profiling = settleProfiling(linked.customers, linked.events, { asOf: reference, since: window.since, ...known, replyHorizonDays, codes: codebook.codes }, passes);
  const annotating = { codebook: compileCodebook(codebook, options.onProgress), contextEvents, model, allCodes };
  const warnings = [...linkWarnings, ...readWarnings(ingests, identities, dateWarnings), ...unknownAnalystCodes(linked.events, codebook)];
  if (asOf) {
    const later = linked.events.filter((e) => e.at && e.at > asOf).length;
    if (later > 0) warnings.push(`--as-of ${asOf.toISOString().slice(0, 10)}: ${later} event${later === 1 ? ' is' : 's are'} later than that date; recency and "recent" judgements treat them as current`);
  }
  const outline: RunOutline = { run: profiling.ctx.run, window, reference: reference ?? latestDated(linked.events), leftOut };
  return { ingests: ingests.map(readFileOf), identities, warnings, outline, customerKeys: linked.customers.map((c) => c.key), linked, annotating, profiling };
}

/**
 * The files that screening dates or --until replaced let go of their records: with the records set aside while
 * linking decides, the files as given must not keep them in memory beside the run's own (a weekly --until run).
 */
function letGoReplaced(earlier: readonly FileIngest[], kept: readonly FileIngest[]): void {
  const keep = new Set(kept);
  for (const file of earlier) if (!keep.has(file)) Object.assign(file, { events: [], used: [], contacts: [], contextEvents: [] });
}

/** What reading and linking the files left to say: placeholder authors, keys unique per row, odd dates, rejected rows. */
function readWarnings(ingests: readonly FileIngest[], identities: readonly FileIdentity[], dateWarnings: readonly string[]): string[] {
  // Placeholder authors, keys unique per row, joins by name alone, rows that name nobody: nothing is lost silently.
  const warnings = [...identities.flatMap((identity) => identity.warnings), ...dateWarnings];
  for (const ingest of ingests) {
    warnings.push(...ingest.warnings);
    for (const [field, info] of Object.entries(ingest.dateOrders)) {
      if (info.ambiguous) warnings.push(`${ingest.file}: column "${ingest.header[ingest.mapping[field as keyof typeof ingest.mapping]!]}" has ambiguous dates; read as ${info.order}${info.note ? ` (${info.note})` : ''}`);
    }
    if (ingest.rows.rejected > 0) warnings.push(`${ingest.file}: ${ingest.rows.rejected} row${ingest.rows.rejected === 1 ? '' : 's'} rejected, see rejected.csv`);
  }
  return warnings;
}

/**
 * Annotate and profile the customers of a prepared run that `only` accepts (all without it), in the run's order:
 * only their records are annotated. A customer's profile is the same whichever part of the run they are profiled in.
 */
export function profileCustomers(run: PreparedRun, only?: (customerKey: string) => boolean, onProgress?: OnProgress): { profiled: ProfiledCustomer[]; events: Event[] } {
  const { customers, events } = run.linked;
  const chosen = only ? events.filter((e) => e.customerKey !== null && only(e.customerKey)) : events;
  return profileRunPart(run, { customers: only ? customers.filter((c) => only(c.key)) : customers, events: chosen }, onProgress);
}

/** Some of a prepared run's customers and every record of theirs, in the run's order. */
export type RunPart = Pick<Linked, 'customers' | 'events'>;

/** Annotate and profile a part of a prepared run (takeParts): its records are annotated, its customers profiled. */
export function profileRunPart(run: PreparedRun, part: RunPart, onProgress?: OnProgress): { profiled: ProfiledCustomer[]; events: Event[] } {
  const annotated = annotateEvents(part.events, run.annotating, onProgress);
  const profiled = profilePart(part.customers, annotated, run.profiling, profileTicker(onProgress, part.customers.length));
  return { profiled, events: annotated };
}

/**
 * A prepared run's customers and records split into `count` parts by `partOf` (1 to count), each in the run's order.
 * The run gives its records up to the parts (its `linked.events` is left empty), so that each part's records can be
 * freed as soon as that part is profiled: a run in parts then never holds every record beside what its parts keep.
 */
export function takeParts(run: PreparedRun, count: number, partOf: (customerKey: string) => number): RunPart[] {
  const parts: RunPart[] = Array.from({ length: count }, () => ({ customers: [], events: [] }));
  for (const customer of run.linked.customers) parts[partOf(customer.key) - 1]!.customers.push(customer);
  // A record of no customer of the run (a brand's account left out) is in no part, as no profile reads it.
  for (const event of run.linked.events) if (event.customerKey !== null) parts[partOf(event.customerKey) - 1]?.events.push(event);
  run.linked = { customers: run.linked.customers, events: [] };
  return parts;
}

/**
 * ingest → link → annotate → profile, for every customer or those `only` accepts (a shard of the run). Everything the
 * run shares is read from every file and customer whatever `only` says (prepareRun); only the chosen customers'
 * events are annotated and only they are profiled: that is the work a shard saves. `warnings` are all but the
 * window's (settleRun).
 */
export function analyseCustomers(files: readonly FileIngest[], options: AnalyseOptions, only?: (customerKey: string) => boolean): ProfiledPart {
  return profiledPart(prepareRun(files, options), only, options.onProgress);
}

/** The customers of a prepared run that `only` accepts, profiled, without what only profiling them needed. */
export function profiledPart(prepared: PreparedRun, only: ((customerKey: string) => boolean) | undefined, onProgress: OnProgress | undefined): ProfiledPart {
  const { profiled, events } = profileCustomers(prepared, only, onProgress);
  const { linked: _linked, annotating: _annotating, profiling: _profiling, ...run } = prepared;
  return { ...run, profiled, events };
}

/**
 * The stage 'link' of a run: the dates screened (one pass), linkCustomers' passes, each file's keys told (one pass),
 * RFM and slugs settled (SETTLE_PASSES), over the run's records. Several seconds at 100k records, none of them long
 * enough for a line of its own.
 */
function linkTicker(files: readonly FileIngest[], onProgress: OnProgress | undefined): Passes {
  const records = files.reduce((n, f) => n + f.events.length + f.contacts.length, 0);
  return passTicker(onProgress, { stage: 'link', unit: 'records', total: records }, LINK_PASSES + 2 + SETTLE_PASSES);
}

/**
 * The figures that need every customer's profile: the gaps the run and most of its customers share, and the
 * window's, from each customer's findings and window counts. One run settles them after profiling; a merge of shards
 * (cli/merge.ts) settles them from every shard's customer rows, in the run's order, through this same function.
 */
export function settleRun<Part extends Pick<ProfiledPart, 'warnings' | 'outline'>>(part: Part, customers: readonly Pick<CustomerRow, 'findings' | 'window'>[]): Part & Pick<Analysis, 'runBlindSpots' | 'sharedGaps' | 'window'> {
  const { outline } = part;
  const { blindSpots, sharedGaps } = runGaps(customers, outline.run);
  const window = foldWindow(
    customers.map((c) => c.window),
    outline.window,
    outline.reference,
    outline.leftOut,
  );
  const warnings = [...part.warnings];
  if (outline.window.since && window.records.inWindow === 0) warnings.push(`the window from ${outline.window.since.toISOString().slice(0, 10)} holds no record of the run's customers: nothing in it is recent or new`);
  return { ...part, warnings, runBlindSpots: blindSpots, sharedGaps, window };
}

/** ingest → link → annotate → profile; no output written here. */
export function analyse(files: readonly FileIngest[], options: AnalyseOptions): Analysis {
  return analysePrepared(prepareRun(files, options), options.onProgress);
}

/** A prepared run's every customer annotated and profiled at once, and the run settled. */
export function analysePrepared(prepared: PreparedRun, onProgress?: OnProgress): Analysis {
  const part = profiledPart(prepared, undefined, onProgress);
  const settled = settleRun(
    part,
    part.profiled.map((subject) => ({ findings: subject.findings, window: windowCounts(subject, part.outline.window) })),
  );
  const { outline: _outline, customerKeys: _keys, ...analysis } = settled;
  return analysis;
}
