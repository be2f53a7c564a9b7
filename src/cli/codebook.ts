import { stringify } from 'yaml';
import { activeCodebook } from './pipeline.js';

export function runCodebook(flags: { codebook?: string; json?: boolean }): number {
  const codebook = activeCodebook(flags.codebook);
  process.stdout.write(flags.json ? `${JSON.stringify(codebook, null, 2)}\n` : stringify(codebook));
  return 0;
}
