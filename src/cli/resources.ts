// The files the pipeline needs, read at the edge and passed in: the lexicons and the default codebook that ship with
// thick, a user's codebook, a trained model. The stages (src/annotate, ingest, profile, report) read no files; a
// library user calls these loaders the same way the commands do.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ModelError, parseModel, serialiseModel, type SentimentModel } from '../annotate/classifier.js';
import { parseCodebook, type Codebook } from '../annotate/codebook.js';
import { provideLexicons, type LexiconFiles } from '../annotate/text/index.js';

/** The lexicon files under lexicons/ that the annotators read (see lexicons/README.md). */
const LEXICON_NAMES = ['negators.json', 'modifiers.json', 'en-domain.json', 'de-sentiment.json', 'emoji.json'];

let lexicons: LexiconFiles | undefined;

/**
 * Reads thick's lexicons (lexicons/<name> at the package root; the path resolves from both src/cli/ and dist/cli/)
 * once and provides them to the annotators. Lexicons ship with thick, so a missing or broken one is a broken
 * install: the error names the file.
 */
export function loadLexicons(): LexiconFiles {
  if (!lexicons) {
    lexicons = Object.fromEntries(LEXICON_NAMES.map((name) => [name, readLexicon(name)]));
    provideLexicons(lexicons);
  }
  return lexicons;
}

function readLexicon(name: string): unknown {
  const url = new URL(`../../lexicons/${name}`, import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8'));
  } catch (error) {
    throw new Error(`cannot load lexicon ${url.pathname}: ${(error as Error).message}`);
  }
}

export function loadCodebook(path: string): Codebook {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: cannot read codebook: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseCodebook(text, path);
}

let cachedDefault: Codebook | undefined;

/** The codebook shipped with thick (codebooks/default.yaml at the package root), read once. */
export function defaultCodebook(): Codebook {
  cachedDefault ??= loadCodebook(fileURLToPath(new URL('../../codebooks/default.yaml', import.meta.url)));
  return cachedDefault;
}

export function loadModel(path: string): SentimentModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelError(`${path}: cannot read model (${code === 'ENOENT' ? 'no such file' : code ?? String(error)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ModelError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  return parseModel(data, path);
}

/** Writes the model; returns its size in bytes. */
export function saveModel(model: SentimentModel, path: string): number {
  const text = serialiseModel(model);
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}
