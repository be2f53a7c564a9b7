/**
 * The lexicon files thick ships (lexicons/<name>), as parsed JSON keyed by file name. The annotators read no files:
 * the edge (src/cli/resources.ts, `loadLexicons`) reads them and provides them here once, before the pipeline runs.
 *
 * This is the one module-level slot for resources. The lexicons are read deep inside the shared text kernel
 * (negators, sentiment word lists) by functions called per word from many annotators; threading a value through
 * every one of them would touch most of src/annotate for no gain, since the lexicons are the same for a whole run.
 */
export type LexiconFiles = Readonly<Record<string, unknown>>;

let provided: LexiconFiles | null = null;

/** Called by the edge (and test setup) with the lexicons it loaded; the annotators' caches build from these. */
export function provideLexicons(files: LexiconFiles): void {
  provided = files;
}

/** One provided lexicon file; a missing one is a caller that skipped loadLexicons, and the error says so. */
export function lexiconFile<T>(name: string): T {
  if (!provided) throw new Error(`lexicons not loaded: call loadLexicons() (dist/cli/resources.js) before annotating`);
  const file = provided[name];
  if (file === undefined) throw new Error(`lexicon ${name} was not provided`);
  return file as T;
}
