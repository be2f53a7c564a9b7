import { fileIdentities, type FileIdentity } from '../ingest/identity.js';
import type { FileIngest } from '../ingest/index.js';
import { SCALES } from '../rating-scales.js';
import { ingestOptionsFrom, type IngestFlags } from './analyze.js';
import { describeIdentity } from './identity-text.js';
import { linkRun } from '../pipeline.js';
import { ingestAll } from './pipeline.js';
import { colourFor } from './terminal.js';
import { jsonText } from '../profile/record.js';

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', none: 'none (one column)' };

/** What `thick inspect` reports per file: how it is read, and who its rows are (key, customers, joins). */
export function findings(ingest: FileIngest, identity: FileIdentity) {
  const { file: _file, warnings: identityWarnings, ...who } = identity;
  return {
    file: ingest.file,
    encoding: ingest.encoding,
    delimiter: ingest.delimiter,
    preset: ingest.preset.id,
    kind: ingest.preset.kind,
    mapping: Object.fromEntries(Object.entries(ingest.mapping).map(([field, index]) => [field, ingest.header[index]])),
    unmapped: ingest.header.filter((_, i) => !Object.values(ingest.mapping).includes(i)),
    dateOrders: ingest.dateOrders,
    rating: ingest.rating,
    rows: ingest.rows,
    ...who,
    problems: ingest.rejected.slice(0, 10).map((r) => `line ${r.line}${r.column ? `, column ${r.column}` : ''}: ${r.reason}`),
    warnings: [...ingest.warnings, ...identityWarnings],
  };
}

/** Inspect reads the files as analyze would, joins them as one run (Olist's four files), but writes nothing. */
function inspectAll(files: string[], flags: IngestFlags) {
  const options = ingestOptionsFrom(flags);
  // Linked exactly as analyze links them (the brand's own contacts left out, rows that join no customer rejected),
  // so both say the same of each file.
  const { ingests, linked, warnings } = linkRun(ingestAll(files, options), options.brandHandles);
  const identities = fileIdentities(ingests, linked);
  return { all: ingests.map((ingest, i) => findings(ingest, identities[i]!)), identities, runWarnings: warnings };
}

export async function runInspect(files: string[], flags: IngestFlags & { json?: boolean }): Promise<number> {
  const { all, identities, runWarnings } = inspectAll(files, flags);
  if (flags.json) {
    process.stdout.write(`${jsonText(all, 2)}\n`);
    return 0;
  }
  // Its text goes to stdout: coloured only when a person reads stdout at a terminal, never into a pipe or file.
  const colour = colourFor(process.stdout);
  const lines: string[] = [];
  for (const f of all) {
    lines.push(colour.bold(f.file));
    lines.push(`  encoding   ${f.encoding}`, `  delimiter  ${DELIMITER_NAMES[f.delimiter] ?? f.delimiter}`, `  preset     ${f.preset} (${f.kind})`);
    lines.push(`  rows       ${f.rows.read} read, ${f.rows.used} used, ${f.rows.rejected} rejected`);
    lines.push(`  who        ${describeIdentity(identities[all.indexOf(f)]!).slice(f.file.length + 2)}`);
    if (f.rating) lines.push(`  rating     ${f.rating.column}: ${SCALES[f.rating.scale].name}`);
    lines.push('  columns');
    for (const [field, column] of Object.entries(f.mapping)) lines.push(`    ${field.padEnd(18)} ← ${column}`);
    if (f.unmapped.length) lines.push(`    (not used: ${f.unmapped.join(', ')})`);
    for (const [field, info] of Object.entries(f.dateOrders)) {
      lines.push(`  dates      ${field}: ${info.order}${info.ambiguous ? colour.yellow(' (ambiguous)') : ''}${info.note ? ` ${info.note}` : ''}`);
    }
    for (const warning of f.warnings) lines.push(colour.yellow(`  warning    ${warning}`));
    if (f.problems.length) {
      lines.push(colour.yellow('  problems'));
      for (const p of f.problems) lines.push(`    ${p}`);
    }
    lines.push('');
  }
  for (const warning of runWarnings) lines.push(colour.yellow(`warning: ${warning}`));
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
