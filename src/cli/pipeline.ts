import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { annotateEvents } from '../annotate/index.js';
import { loadModel, ModelError, type SentimentModel } from '../annotate/classifier.js';
import { compileCodebook, defaultCodebook, loadCodebook, mergeCodebooks, type Codebook } from '../annotate/codebook.js';
import { ingestFile, type FileIngest, type IngestOptions } from '../ingest/index.js';
import { fileIdentities, type FileIdentity } from '../ingest/identity.js';
import { linkCustomers } from '../ingest/link.js';
import type { Event } from '../model.js';
import { profileRun, type ProfiledCustomer } from '../profile/index.js';
import { missingSignals } from '../profile/signals.js';
import type { Finding, FindingKey } from '../profile/wording.js';
import type { CodeInfo } from '../report/codes.js';
import { describeError } from './errno.js';
import { UsageError } from './options.js';

/** A problem with the data itself (unreadable file, unknown layout): exit code 1. */
export class DataError extends Error {}

export function readInput(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new DataError(`${file}: cannot read (${describeError(error)})`);
  }
}

/** One key per file on disk, so a symlink or "./x" is the same file as "x". */
function samePath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/** Read every file once (a path given twice would count its rows twice), in the order given. */
export function ingestAll(files: readonly string[], options: IngestOptions, onFile?: (file: string) => void): FileIngest[] {
  const byPath = new Map<string, FileIngest>();
  for (const file of files) {
    const earlier = byPath.get(samePath(file));
    if (earlier) {
      earlier.warnings.push(`${file}: given more than once; read once`);
      continue;
    }
    onFile?.(file);
    byPath.set(samePath(file), ingestOne(file, options));
  }
  return [...byPath.values()];
}

function ingestOne(file: string, options: IngestOptions): FileIngest {
  try {
    return ingestFile(readInput(file), file, options);
  } catch (error) {
    if (error instanceof DataError) throw error;
    if (error instanceof Error && error.name === 'MappingError') throw error;
    throw new DataError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The default codebook, or the user's (extending it, or replacing it with `replace: true`). A user codebook is
 * checked against the codes and categories thick's judgements rely on (profile/signals.ts): each one it leaves out
 * is pushed to `warnings`, naming which judgement loses what.
 */
export function activeCodebook(extra: string | undefined, warnings: string[] = []): Codebook {
  if (!extra) return defaultCodebook();
  let custom: Codebook;
  try {
    custom = loadCodebook(extra);
  } catch (error) {
    // A codebook is an option the user wrote: a mistake in it is a usage error (exit 2), not a data error.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const active = custom.replace ? custom : mergeCodebooks(defaultCodebook(), custom);
  warnings.push(...declaredCodeWarnings(active, extra));
  return active;
}

/** One message per declared signal the codebook cannot produce. */
export function declaredCodeWarnings(codebook: Codebook, file: string): string[] {
  return missingSignals(codebook.codes).map(({ missing, usedFor }) => {
    const what = missing.map((m) => (m.startsWith('category ') ? m : `"${m}"`)).join(', ');
    return `${file}: the codebook has no ${what}${codebook.replace ? ' (replace: true dropped the default)' : ''}; without it thick loses ${usedFor}`;
  });
}

/** The model named by --model, or null; a missing or malformed model file is a usage error (exit 2). */
export function activeModel(path: string | undefined): SentimentModel | null {
  if (!path) return null;
  try {
    return loadModel(path);
  } catch (error) {
    if (error instanceof ModelError) throw new UsageError(error.message);
    throw error;
  }
}

export function codeInfo(codebook: Codebook): Map<string, CodeInfo> {
  return new Map(codebook.codes.map((code) => [code.id, { id: code.id, category: code.category, label: code.label }]));
}

export interface Analysis {
  ingests: FileIngest[];
  /** Per file: key column, rows per key, customers, records by kind, how rows were joined. */
  identities: FileIdentity[];
  profiled: ProfiledCustomer[];
  /** Gaps that hold for the whole run, said once in the index and in the --json summary. */
  runBlindSpots: Finding[];
  /** Customer gaps most of the run shares: kept in profiles.jsonl, left out of the Markdown reports. */
  sharedGaps: FindingKey[];
  events: Event[];
  warnings: string[];
}

/** Codes analysts wrote that the codebook does not know: kept, but probably a typo. */
function unknownAnalystCodes(events: readonly Event[], codebook: Codebook): string[] {
  const known = new Set(codebook.codes.map((c) => c.id));
  return events.flatMap((e) =>
    e.annotations
      .filter((a) => a.by.kind === 'analyst' && !known.has(a.code))
      .map((a) => `${a.source.file}:${a.source.line}: analyst code "${a.code}" is not in the codebook (kept as written; see thick codebook)`),
  );
}

/** Whether the run can show the brand's replies: a reply in it, or an input with a reply column (none answered yet). */
function repliesKnown(ingests: readonly FileIngest[], events: readonly Event[]): boolean {
  const replyColumn = ingests.some((i) => (['reply', 'replies', 'firstReplyAt', 'firstReplyMinutes'] as const).some((field) => i.mapping[field] !== undefined));
  return replyColumn || events.some((e) => e.direction === 'outbound' || e.unseenReplies > 0);
}

/** What a run is analysed with: resources loaded at the edge, and the run's options. */
export interface AnalyseOptions {
  codebook: Codebook;
  /** A trained sentiment model (--model) instead of the built-in analyser. */
  model?: SentimentModel | null;
  /** Reference date for recency (--as-of); default: the latest event in the data. */
  asOf?: Date;
  /** The brand's own handles (--brand), normalised. */
  brandHandles?: ReadonlySet<string>;
  replyHorizonDays?: number;
  /** Show codes the codebook marks experimental (--all-codes). */
  allCodes?: boolean;
}

/** ingest → link → annotate → profile; no output written here. */
export function analyse(ingests: FileIngest[], options: AnalyseOptions): Analysis {
  const { codebook, model = null, asOf, brandHandles = new Set<string>(), replyHorizonDays, allCodes = false } = options;
  // The brand's own accounts get no profile, even when the CRM lists them as a contact.
  const brandContacts = ingests.flatMap((i) => i.contacts).filter((c) => c.handles.some((h) => brandHandles.has(h)));
  const contacts = ingests.flatMap((i) => i.contacts).filter((c) => !brandContacts.includes(c));
  const events = ingests.flatMap((i) => i.events);
  const contextEvents = ingests.flatMap((i) => i.contextEvents);
  const linked = linkCustomers(contacts, events, { brandHandles });
  const identities = fileIdentities(ingests, linked);
  const annotated = annotateEvents(linked.events, { codebook: compileCodebook(codebook), contextEvents, model, allCodes });
  const known = { ordersKnown: ingests.some((i) => i.preset.kind === 'orders'), socialKnown: ingests.some((i) => i.preset.kind === 'social'), repliesKnown: repliesKnown(ingests, annotated) };
  const { profiled, blindSpots: gaps, sharedGaps } = profileRun(linked.customers, annotated, {
    asOf,
    ...known,
    replyHorizonDays,
    codes: codebook.codes,
  });
  const warnings = [
    ...brandContacts.map((c) => `${c.source.file}:${c.source.line}: contact ${c.keys.crmId ?? c.keys.email ?? c.handles[0]} is the brand's own account (--brand); no profile for it`),
    ...linked.warnings,
    // Placeholder authors, keys unique per row, joins by name alone, rows that name nobody: nothing is lost silently.
    ...identities.flatMap((identity) => identity.warnings),
  ];
  for (const ingest of ingests) {
    warnings.push(...ingest.warnings);
    for (const [field, info] of Object.entries(ingest.dateOrders)) {
      if (info.ambiguous) warnings.push(`${ingest.file}: column "${ingest.header[ingest.mapping[field as keyof typeof ingest.mapping]!]}" has ambiguous dates; read as ${info.order}${info.note ? ` (${info.note})` : ''}`);
    }
    if (ingest.rows.rejected > 0) warnings.push(`${ingest.file}: ${ingest.rows.rejected} row${ingest.rows.rejected === 1 ? '' : 's'} rejected, see rejected.csv`);
  }
  warnings.push(...unknownAnalystCodes(annotated, codebook));
  if (asOf) {
    const later = annotated.filter((e) => e.at && e.at > asOf).length;
    if (later > 0) warnings.push(`--as-of ${asOf.toISOString().slice(0, 10)}: ${later} event${later === 1 ? ' is' : 's are'} later than that date; recency and "recent" judgements treat them as current`);
  }
  return { ingests, identities, profiled, runBlindSpots: gaps, sharedGaps, events: annotated, warnings };
}
