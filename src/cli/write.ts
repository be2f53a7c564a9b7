import type { Rejection } from '../model.js';
import { byAttention, type ProfiledCustomer } from '../profile/index.js';
import { jsonText } from '../profile/record.js';
import { say, type Finding } from '../profile/wording.js';
import type { CodeInfo } from '../report/codes.js';
import { blindSpotsSection, customerPage, customerPageAround } from '../report/customer.js';
import { customersCsv } from '../report/customers-csv.js';
import { handoutPage } from '../report/handout.js';
import { portrait, type Portrait } from '../report/portrait.js';
import { customerRow, foldOverviewInputs, overviewInputsOf, type CustomerRow, type CustomerSaid, type FoldedRow } from '../profile/row.js';
import type { OverviewInputs, RunOverview } from '../profile/overview.js';
import type { Passes } from '../progress.js';
import { htmlSlot, pageHtml, pageHtmlParts } from '../report/html.js';
import type { ReportLang } from '../report/i18n.js';
import { indexPage, runAsOf, runOverview, type IndexInputs } from '../report/index-page.js';
import { filledSlot, markdownParts, markdownSlot, pageMarkdown, type Block, type SlottedText } from '../report/page.js';
import type { OutputFile, OutputPlan } from './output/files.js';
import { MANIFEST } from './output/manifest.js';
import { passTicker, progressTicker, type OnProgress } from '../progress.js';
import { OVERVIEW_PASSES } from '../profile/overview.js';
import { writeOutputKeeping } from './output/safe-write.js';
import { settleRun, type Analysis, type ProfiledPart, type ReportedFile } from '../pipeline.js';
import type { Changes } from '../profile/changes.js';
import { STATE_FILE, stateText, type RunState } from '../profile/state.js';
import type { SinceLastRun } from '../report/since-last-run.js';
import { csvFile } from '../report/csv.js';

/** What a run's outputs are written from: an Analysis (reportedRun), or a sharded run's shards merged (cli/merge.ts). */
export interface ReportedRun extends Omit<Analysis, 'ingests' | 'events' | 'profiled'> {
  ingests: readonly ReportedFile[];
  /** The run's customers in the run's order, as its outputs read them (profile/row.ts). */
  customers: readonly CustomerRow[];
  /**
   * What the index's overview is made of: every said record of the run, gathered when the index is drawn (once, for
   * a run folded from parts or shards, which lets its said records go then).
   */
  overviewInputs: (passes: Passes) => OverviewInputs;
  /** Each customer's page and portrait, drawn as they are written. */
  draw: CustomerDrawing;
}

/** How a customer's page and handout portrait are drawn: from the customer as profiled, or a shard's page filled. */
export interface CustomerDrawing {
  page(customer: CustomerRow, how: { codes: ReadonlyMap<string, CodeInfo>; sharedGaps: readonly string[]; lang: ReportLang; format?: ReportFormat }): DrawnPage;
  /** Absent where the run holds no profiled customers (a merge of shards, which draw no handout). */
  portrait?(customer: CustomerRow, codes: ReadonlyMap<string, CodeInfo>, lang: ReportLang): Portrait;
}

/** The window an Analysis names, as Dates. */
const windowOf = ({ since, until }: Analysis['window']) => ({ ...(since !== null ? { since: new Date(since) } : {}), ...(until !== null ? { until: new Date(until) } : {}) });

/**
 * An analysis as its outputs are written: `shown` is the analysis the outputs show (redacted, or `plain` itself),
 * `plain` the one made, whose customers' own keys the state keeps. Pages and portraits are drawn from the profiled
 * customers as they are written.
 */
export function reportedRun(plain: Analysis, shown: Analysis = plain): ReportedRun {
  const { profiled, events: _events, ...run } = shown;
  const { customers, subjects } = rowsOf(plain, shown);
  const subjectOf = (customer: CustomerRow): ProfiledCustomer => subjects.get(customer)!;
  return {
    ...run,
    customers,
    overviewInputs: (passes) => overviewInputsOf(profiled, passes),
    draw: {
      page: (customer, { codes, sharedGaps, lang, format }) => customerPages(subjectOf(customer), codes, sharedGaps, { lang, format }),
      portrait: (customer, codes, lang) => portrait(subjectOf(customer), codes, lang),
    },
  };
}

/**
 * A customer as a part of a run leaves them once their records are let go (a shard of `thick merge`, or a part of a
 * run too big to hold at once): their row, what the index overview folds of them, their page drawn with its slot
 * open, and their place in the run (the order linking found them in).
 */
export interface FoldedCustomer extends FoldedRow {
  page: () => SlottedPages;
}

/**
 * The outputs of a run gathered part by part, written as one run writes them: the customers in the run's order,
 * the gaps and the window settled over every row (settleRun, as one run settles them), each page's slot filled with
 * the customer's blind spots but the gaps most of the run shares, known only now that every part is in.
 */
export function foldedRun(part: Pick<ProfiledPart, 'identities' | 'warnings' | 'outline'> & { ingests: readonly ReportedFile[] }, folded: FoldedCustomer[]): ReportedRun {
  folded.sort((a, b) => a.order - b.order);
  const customers = folded.map((c) => c.row);
  // Only what the outputs read of the part: a prepared run (parts.ts) holds every record besides.
  const { ingests, identities, warnings, outline } = part;
  const { outline: _outline, ...settled } = settleRun({ ingests, identities, warnings, outline }, customers);
  const pages = new Map(folded.map((c) => [c.row, c.page]));
  // Only the index's overview reads the said records: they are let go once it has them, before the pages are written.
  let said: CustomerSaid[] | null = folded.map((c) => c.said);
  return {
    ...settled,
    customers,
    overviewInputs: (passes) => {
      if (!said) throw new Error("a folded run's overview inputs are gathered once: its said records are let go then");
      const taken = said;
      said = null;
      return foldOverviewInputs(taken, passes.next(taken.length));
    },
    draw: { page: (customer, { sharedGaps, lang }) => filledPages(pages.get(customer)!(), customer.findings.blindSpots, sharedGaps, lang) },
  };
}

/**
 * The rows of an analysis, with the customer each was made from. Apart from reportedRun, whose closures must not keep
 * the plain analysis alive while a redacted run is written: only the rows' state drafts come from it.
 */
function rowsOf(plain: Analysis, shown: Analysis): { customers: CustomerRow[]; subjects: Map<CustomerRow, ProfiledCustomer> } {
  const window = windowOf(plain.window);
  const subjects = new Map<CustomerRow, ProfiledCustomer>();
  const customers = shown.profiled.map((subject, i) => {
    const row = customerRow(subject, window, plain.profiled[i]);
    subjects.set(row, subject);
    return row;
  });
  return { customers, subjects };
}

/** A gap of the whole run in the --json summary: its key, its English wording, and how many customers it concerns. */
export interface RunGap {
  key: string;
  text: string;
  /** For a gap most customers share: how many of how many. */
  customers?: { n: number; of: number };
}

/** The gaps the index says once, for the --json summary (the same Analysis the index is written from). */
export function runGaps(analysis: Pick<ReportedRun, 'runBlindSpots'>): RunGap[] {
  return analysis.runBlindSpots.map((f) => ({
    key: f.key === 'commonGap' ? (f.value ?? f.key) : f.key,
    text: say(f, 'en'),
    ...(f.key === 'commonGap' ? { customers: { n: f.n ?? 0, of: f.of ?? 0 } } : {}),
  }));
}

export function rejectedCsv(rejections: readonly Rejection[]): string {
  return csvFile([['file', 'line', 'column', 'reason', 'raw'], ...rejections.map((r) => [r.file, r.line, r.column, r.reason, r.raw])]);
}

/** Which pages a run writes: Markdown (the default), HTML, or both side by side. */
export type ReportFormat = 'md' | 'html' | 'both';

/** The run's input files as the index and the overview tell them. */
const runFilesOf = (run: ReportedRun): IndexInputs['files'] => run.ingests.map((i) => ({ file: i.file, preset: i.preset.id, rows: i.rows }));

/** The index's "Since last run": the changes, with this run's customers by id to name and link them. */
function sinceLastRun(sorted: readonly CustomerRow[], codes: ReadonlyMap<string, CodeInfo>, { state, changes }: RunStateOutput): SinceLastRun {
  // Ranked as the index lists them, so a list cut at ten names those who need attention first.
  const customers = new Map(sorted.map(({ profile }, rank) => [profile.id, { name: profile.name ?? profile.id, slug: profile.slug, rank }]));
  return { changes, customers, codes, scale: state.scale };
}

/** A page drawn in the run's formats: Markdown and/or HTML (null where --format leaves it out). */
export interface DrawnPage {
  md: string | null;
  html: string | null;
}

/** A page's blocks drawn in each format asked for, from the same blocks, so both formats show the same page. */
function drawn(blocks: readonly Block[], lang: ReportLang, format: ReportFormat): DrawnPage {
  return { md: format !== 'html' ? pageMarkdown(blocks) : null, html: format !== 'md' ? pageHtml(blocks, { lang }) : null };
}

/**
 * A customer's page, leaving out the gaps most of the run shares (`sharedGaps`, said once in the index). A shard
 * (shard.ts) draws its customers' pages with a slot where that list goes (customerPagesWithSlot); `thick merge`
 * fills the slot once the run's shared gaps are known (filledPages).
 */
export function customerPages(subject: ProfiledCustomer, codes: ReadonlyMap<string, CodeInfo>, sharedGaps: readonly string[], { lang, format = 'md' }: Pick<OutputOptions, 'lang' | 'format'>): DrawnPage {
  return drawn(customerPage(subject, { lang, codes, sharedGaps }), lang, format);
}

/** A customer's page in the run's formats, each with a slot left open where the blind-spot list goes. */
export interface SlottedPages {
  md: SlottedText | null;
  html: SlottedText | null;
}

/**
 * How each format draws a page cut around a slot, and the lines that fill it: the slot's cuts and filling are the
 * same for both formats (page.ts filledSlot); only the drawing of blocks differs (HTML escapes text its own way).
 */
const SLOT_DRAWING = {
  md: { around: (parts: readonly Block[][]) => markdownParts(parts), slot: markdownSlot },
  html: { around: (parts: readonly Block[][], lang: ReportLang) => pageHtmlParts(parts, { lang }), slot: htmlSlot },
} as const;

/**
 * A customer's page drawn before the run's shared gaps are known: everything but the blind-spot list, which is left
 * as a slot. Filled (filledPages), it is the page customerPages draws with the run's shared gaps, byte for byte.
 */
export function customerPagesWithSlot(subject: ProfiledCustomer, codes: ReadonlyMap<string, CodeInfo>, { lang, format = 'md' }: Pick<OutputOptions, 'lang' | 'format'>): SlottedPages {
  const { before, after } = customerPageAround(subject, { lang, codes });
  const slotted = (parts: string[]): SlottedText => ({ before: parts[0]!, after: parts[1]! });
  return {
    md: format !== 'html' ? slotted(SLOT_DRAWING.md.around([before, after])) : null,
    html: format !== 'md' ? slotted(SLOT_DRAWING.html.around([before, after], lang)) : null,
  };
}

/** A page drawn with a slot, filled with the customer's blind spots but those most of the run shares. */
export function filledPages(page: SlottedPages, blindSpots: readonly Finding[], sharedGaps: readonly string[], lang: ReportLang): DrawnPage {
  const lines = blindSpotsSection(blindSpots, sharedGaps, lang);
  return {
    md: page.md && filledSlot(page.md, SLOT_DRAWING.md.slot(lines)),
    html: page.html && filledSlot(page.html, SLOT_DRAWING.html.slot(lines)),
  };
}

/** A page's files: Markdown and/or HTML, as drawn. The HTML pages link to each other and each opens offline. */
function* pageFiles(name: string, page: DrawnPage): Generator<OutputFile> {
  if (page.md !== null) yield { path: `${name}.md`, content: page.md };
  if (page.html !== null) yield { path: `${name}.html`, content: page.html };
}

/**
 * The index, drawn in the run's formats, and the run's overview it shows (which the handout shows too). The
 * overview goes over every record several times (seconds at 100k), so it reports in passes of its own while the
 * count of files waits at the index.
 */
function indexPages(run: ReportedRun, sorted: readonly CustomerRow[], codes: ReadonlyMap<string, CodeInfo>, options: OutputOptions): { page: DrawnPage; overview: RunOverview } {
  const { lang, format = 'md', indexTop, runState, onProgress } = options;
  const passes = passTicker(onProgress, { stage: 'write', unit: 'customers', total: sorted.length, part: 'the index' }, OVERVIEW_PASSES + 1);
  const files = runFilesOf(run);
  const overview = runOverview(run.overviewInputs, { files, window: run.window, asOf: runAsOf(sorted) }, passes);
  const inputs: IndexInputs = {
    files,
    contextEvents: run.ingests.flatMap((i) => i.contextEvents),
    blindSpots: run.runBlindSpots,
    codes,
    top: indexTop,
    window: run.window,
    overview,
    ...(runState ? { sinceLastRun: sinceLastRun(sorted, codes, runState) } : {}),
  };
  const blocks = indexPage(sorted, inputs, lang);
  const drawing = passes.next(1);
  const page = drawn(blocks, lang, format);
  drawing(1);
  return { page, overview };
}

/** The paths of the report pages, in the order runOutput makes them. */
function reportPaths(sorted: readonly CustomerRow[], format: ReportFormat = 'md'): string[] {
  const names = ['index', ...sorted.map((subject) => `customers/${subject.profile.slug}`)];
  return names.flatMap((name) => [...(format !== 'html' ? [`${name}.md`] : []), ...(format !== 'md' ? [`${name}.html`] : [])]);
}

/** How a run's output is written: the language, which pages, how many customers the index lists, and the handout. */
export interface OutputOptions {
  lang: ReportLang;
  format?: ReportFormat;
  /** --index-top: how many customers index.md lists; all without it. */
  indexTop?: number;
  /** --handout --top N: write handout.md and handout.html with this many portraits (the analysis is redacted first). */
  handoutTop?: number;
  /** The analysis is redacted (--redact, --handout): files of the user's that the folder keeps are not, and are named. */
  redacted?: boolean;
  /** The run's state (written as thick-state.json) and what changed since the previous run (the index's "Since last run"). */
  runState?: RunStateOutput;
  /** Hears how far the run's files are made and written (progress.ts): pages are rendered as they are written. */
  onProgress?: OnProgress;
}

/** What a run leaves for the next one, and what changed since the last one (null on a first run). */
export interface RunStateOutput {
  state: RunState;
  changes: Changes | null;
}

/** The workshop handout, as Markdown and as HTML, whatever --format says: one is read on screen, one is printed. */
function handoutFiles(run: ReportedRun, overview: RunOverview, codes: ReadonlyMap<string, CodeInfo>, lang: ReportLang, top: number): OutputFile[] {
  const { portrait } = run.draw;
  if (!portrait) throw new Error('a handout needs the profiled customers: a merge of shards draws none');
  const blocks = handoutPage(run.customers, { codes, top, window: run.window, overview, portrait: (customer) => portrait(customer, codes, lang) }, lang);
  return [
    { path: 'handout.md', content: pageMarkdown(blocks) },
    { path: 'handout.html', content: pageHtml(blocks, { lang }) },
  ];
}

/**
 * Every file of a run's output, built from the Analysis: index.md and one customers/<slug>.md per customer (and/or
 * their .html pages, by `format`; the index lists the first `indexTop` customers), customers.csv, profiles.jsonl,
 * the handout when asked for, when rows were rejected, rejected.csv, and the state the next run compares with
 * (thick-state.json). A new output is one more entry here, in `paths` and in `files` alike;
 * writeOutput gives it the same safety (built aside and swapped in, never over a user's file, listed in the
 * manifest, and gone from the folder when a later run no longer writes it). The files are made as the writer takes
 * them, so the pages of a large run are never all held at once.
 */
export function runOutput(run: ReportedRun, codes: ReadonlyMap<string, CodeInfo>, options: OutputOptions): OutputPlan {
  const { lang, format, handoutTop, runState } = options;
  const sorted = [...run.customers].sort(byAttention);
  const rejections = run.ingests.flatMap((i) => i.rejected);
  const paths = [
    ...reportPaths(sorted, options.format),
    'customers.csv',
    'profiles.jsonl',
    ...(handoutTop !== undefined ? ['handout.md', 'handout.html'] : []),
    ...(rejections.length > 0 ? ['rejected.csv'] : []),
    ...(runState ? [STATE_FILE] : []),
  ];
  function* files(): Generator<OutputFile> {
    const index = indexPages(run, sorted, codes, options);
    yield* pageFiles('index', index.page);
    const how = { codes, sharedGaps: run.sharedGaps, lang, format };
    for (const customer of sorted) yield* pageFiles(`customers/${customer.profile.slug}`, run.draw.page(customer, how));
    // One big file each (about a second at 100k customers): each counts its customers while the count of files waits.
    const part = (name: string) => progressTicker(options.onProgress, { stage: 'write', unit: 'customers', total: sorted.length, part: name });
    yield { path: 'customers.csv', content: customersCsv(sorted, codes, part('customers.csv')) };
    yield { path: 'profiles.jsonl', content: profilesJsonl(sorted, part('profiles.jsonl')) };
    if (handoutTop !== undefined) yield* handoutFiles(run, index.overview, codes, lang, handoutTop);
    if (rejections.length > 0) yield { path: 'rejected.csv', content: rejectedCsv(rejections) };
    if (runState) yield { path: STATE_FILE, content: stateText(runState.state, runState.changes) };
  }
  return { paths, files };
}

/** profiles.jsonl: one JSON object per customer, in the order of the index. */
function profilesJsonl(sorted: readonly CustomerRow[], tick: (done: number) => void): Buffer {
  // Bytes, not one string: a million customers' profiles (~1 GB) are more text than a string may hold.
  return Buffer.concat(
    sorted.map((subject, i) => {
      tick(i + 1);
      return Buffer.from(`${jsonText(subject.profile)}\n`);
    }),
  );
}

/** Every file of a run's output at once (runOutput, made in full): for tests and small runs. */
export function runFiles(run: ReportedRun, codes: ReadonlyMap<string, CodeInfo>, options: OutputOptions): OutputFile[] {
  return [...runOutput(run, codes, options).files()];
}

/** Write the run's output to outDir safely (output/safe-write.ts); returns how many reports, and what the user should know. */
export function writeReports(outDir: string, run: ReportedRun, codes: ReadonlyMap<string, CodeInfo>, options: OutputOptions): { reports: number; warnings: string[] } {
  const { warnings, kept } = writeOutputKeeping(outDir, runOutput(run, codes, options), options.onProgress);
  if (options.redacted && kept.length > 0) warnings.push(unmaskedWarning(outDir, kept));
  return { reports: run.customers.length, warnings };
}

/**
 * A redacted run keeps the user's files in the output folder as they are (a report they edited under its old name,
 * their notes): none of them is masked, so the folder as a whole is not fit to hand out, and the user must hear it.
 * Their names are not said: a name like "customers/7-anna-berg.md" is personal data the summary must not carry.
 */
function unmaskedWarning(outDir: string, kept: readonly string[]): string {
  const files = kept.length === 1 ? 'a file of yours' : `${kept.length} files of yours`;
  return `${outDir}: holds ${files} that thick did not write and so did not pseudonymise (every file its ${MANIFEST} does not list); hand out the files thick wrote, not the whole folder`;
}
