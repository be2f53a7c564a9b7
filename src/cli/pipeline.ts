import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { ModelError, type SentimentModel } from '../annotate/classifier.js';
import { mergeCodebooks, type Codebook } from '../annotate/codebook.js';
import { defaultCodebook, loadCodebook, loadModel } from './resources.js';
import { ingestFile, type FileIngest, type IngestOptions } from '../ingest/index.js';
import { declaredCodeWarnings } from '../pipeline.js';
import { describeError } from './errno.js';
import { DataError } from './errors.js';
import { UsageError } from './options.js';
import { checkStdinOnce, inputName, isStdin, readStdin, STDIN_ARG } from './stdin.js';

export { DataError };

/** An input's bytes: a file, or standard input for `-` (stdin.ts). */
export function readInput(file: string): Uint8Array {
  try {
    return isStdin(file) ? readStdin() : readFileSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
}

/** The error for an input that cannot be read (missing, a folder, no permission). */
export function unreadable(file: string, error: unknown): DataError {
  // A folder of exports is named by its files: the shell lists them, and thick never guesses which are inputs.
  const hint = (error as NodeJS.ErrnoException).code === 'EISDIR' && !isStdin(file) ? `; name its files, e.g. ${file.replace(/\/+$/, '')}/*.csv` : '';
  return new DataError(`${inputName(file)}: cannot read (${describeError(error)})${hint}`);
}

/** Read standard input now when it is among `files`: before any spinner runs, so the terminal hint stands alone. */
export function readStdinFirst(files: readonly string[]): void {
  if (files.some(isStdin)) readInput(STDIN_ARG);
}

/** One key per file on disk, so a symlink or "./x" is the same file as "x". */
function samePath(file: string): string {
  if (isStdin(file)) return '\0stdin'; // no path on disk is this
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/** Read every file once (a path given twice would count its rows twice), in the order given. */
export function ingestAll(files: readonly string[], options: IngestOptions, onFile?: (file: string) => void): FileIngest[] {
  const inputs = distinctInputs(files);
  readStdinFirst(files);
  return inputs.map(({ file, repeated }) => {
    onFile?.(inputName(file));
    const ingest = ingestOne(file, options);
    ingest.warnings.push(...repeated);
    return ingest;
  });
}

/**
 * The files to read, each once, in the order given (a symlink or "./x" is the same file as "x"), each with a warning
 * for every time it was named again. Standard input named twice is a usage error: it can be read only once.
 */
export function distinctInputs(files: readonly string[]): { file: string; repeated: string[] }[] {
  checkStdinOnce(files);
  const byPath = new Map<string, { file: string; repeated: string[] }>();
  for (const file of files) {
    const earlier = byPath.get(samePath(file));
    if (earlier) earlier.repeated.push(`${file}: given more than once; read once`);
    else byPath.set(samePath(file), { file, repeated: [] });
  }
  return [...byPath.values()];
}

function ingestOne(file: string, options: IngestOptions): FileIngest {
  try {
    return ingestFile(readInput(file), inputName(file), options);
  } catch (error) {
    throw ingestError(error);
  }
}

/** What reading a file threw, as the CLI reports it: a mapping mistake as it is, anything else as a data error. */
export function ingestError(error: unknown): Error {
  if (error instanceof DataError) return error;
  if (error instanceof Error && error.name === 'MappingError') return error;
  return new DataError(error instanceof Error ? error.message : String(error));
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

