import type { Overrides } from '../ingest/mapping.js';
import { loadMappingFile, parseAsOf, parseMapFlags } from './options.js';
import { activeCodebook, activeModel, analyse, codeInfo, ingestAll } from './pipeline.js';
import { terminal } from './terminal.js';
import { writeReports } from './write.js';

export interface IngestFlags {
  map: string[];
  mapping?: string;
  preset?: string;
  brand: string[];
  /** Author names that identify nobody, beyond the built-in list (--placeholder, repeatable). */
  placeholder?: string[];
}

export interface AnalyzeFlags extends IngestFlags {
  out: string;
  json?: boolean;
  strict?: boolean;
  codebook?: string;
  lang: 'en' | 'de';
  asOf?: string;
  model?: string;
  quiet?: boolean;
}

export interface RunSummary {
  rows: { read: number; used: number; rejected: number };
  customers: number;
  reports: number;
  warnings: string[];
  files: { file: string; encoding: string; delimiter: string; preset: string; rows: { read: number; used: number; rejected: number } }[];
  contextEvents: number;
  out: string;
}

/** --map flags win over the mapping file; both are checked before any file is read. */
export function ingestOptionsFrom(flags: IngestFlags) {
  const file = flags.mapping ? loadMappingFile(flags.mapping) : { columns: undefined, preset: undefined };
  const overrides: Overrides = { ...(file.columns ?? {}), ...parseMapFlags(flags.map) };
  return { overrides, preset: flags.preset ?? file.preset, brandHandles: new Set(flags.brand), placeholders: flags.placeholder ?? [] };
}

export async function runAnalyze(files: string[], flags: AnalyzeFlags): Promise<number> {
  const term = terminal(flags.quiet || flags.json);
  const options = ingestOptionsFrom(flags);
  const asOf = flags.asOf !== undefined ? parseAsOf(flags.asOf) : undefined;
  const codebook = activeCodebook(flags.codebook);
  const model = activeModel(flags.model);
  const ingests = ingestAll(files, options, (file) => term.step(`reading ${file}`));
  term.step('annotating and profiling');
  const analysis = analyse(ingests, codebook, asOf, model, options.brandHandles);
  term.step(`writing reports to ${flags.out}`);
  const reports = writeReports(flags.out, analysis, codeInfo(codebook), flags.lang);

  const files_ = ingests.map((i) => ({ file: i.file, encoding: i.encoding, delimiter: i.delimiter, preset: i.preset.id, rows: i.rows }));
  const total = files_.reduce((sum, f) => ({ read: sum.read + f.rows.read, used: sum.used + f.rows.used, rejected: sum.rejected + f.rows.rejected }), { read: 0, used: 0, rejected: 0 });
  const summary: RunSummary = { rows: total, customers: analysis.profiled.length, reports, warnings: analysis.warnings, files: files_, contextEvents: ingests.reduce((n, i) => n + i.contextEvents.length, 0), out: flags.out };

  if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else {
    term.done(`${reports} reports in ${flags.out}/ (${total.read} rows read, ${total.used} used, ${total.rejected} rejected)`);
    for (const warning of analysis.warnings) term.warn(warning);
  }
  if (flags.strict && total.rejected > 0) {
    if (!flags.json) term.error(`--strict: ${total.rejected} row${total.rejected === 1 ? '' : 's'} rejected (see ${flags.out}/rejected.csv)`);
    return 1;
  }
  return 0;
}
