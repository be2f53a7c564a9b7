import { stringify } from 'yaml';
import { activeCodebook } from './pipeline.js';
import { terminal } from './terminal.js';
import { jsonText } from '../profile/record.js';

/**
 * Print the active codebook on stdout; what a user codebook leaves out of thick's judgements goes to stderr, unless
 * -q (then stderr carries errors only).
 */
export function runCodebook(flags: { codebook?: string; json?: boolean; quiet?: boolean }): number {
  const warnings: string[] = [];
  const codebook = activeCodebook(flags.codebook, warnings);
  process.stdout.write(flags.json ? `${jsonText(codebook, 2)}\n` : stringify(codebook));
  const term = terminal(flags.quiet);
  for (const warning of flags.quiet ? [] : warnings) term.warn(warning);
  return 0;
}
