import { readFileSync } from 'node:fs';

/**
 * Reads one of thick's lexicon files (lexicons/<name> at the package root; the path resolves from both
 * src/annotate/text/ and dist/annotate/text/). Lexicons ship with thick, so a missing or broken one is a broken
 * install: the error names the file.
 */
export function readLexicon<T>(name: string): T {
  const url = new URL(`../../../lexicons/${name}`, import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as T;
  } catch (error) {
    throw new Error(`cannot load lexicon ${url.pathname}: ${(error as Error).message}`);
  }
}
