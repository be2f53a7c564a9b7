// The run's output as data: a list of files, each a path inside the output folder and its content. One function
// builds the list from the Analysis (write.ts runFiles), one writes any list safely (safe-write.ts writeOutput), so
// a new output (customers.csv, an HTML page, a handout) is one more entry and gets every guarantee of the writer.

/** One file of a run's output: `path` is relative to the output folder, with `/` between folders. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * A run's output as the writer takes it: every path known before anything is built (the survey finds a conflict with
 * the user's files before a page is rendered), and the files made one at a time, in the order of `paths`, as the
 * writer asks for them. A run of 100,000 customers then never holds all its pages at once: each is written and let go.
 */
export interface OutputPlan {
  paths: readonly string[];
  files: () => Iterable<OutputFile>;
}

/** A plan of files already made: the list itself. */
export const planOf = (files: readonly OutputFile[]): OutputPlan => ({ paths: files.map((f) => f.path), files: () => files });

/** A segment a path inside the output folder may not have: empty, `.`, `..`, or one with a backslash or NUL. */
const BAD_SEGMENT = /^\.{0,2}$|[\\\0]/;

/** A relative path with `/` between its parts that stays inside the folder it is relative to. */
export const isPlainPath = (path: string): boolean => !path.startsWith('/') && !path.split('/').some((segment) => BAD_SEGMENT.test(segment));

/** The folders a file path lies in, outermost first: `a/b/c.md` → `a`, `a/b`. */
export function foldersOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * A list the writer can honour: relative paths that stay inside the folder, none twice, none both a file and the
 * folder of another. A list that breaks this is a bug in thick, not in the user's data, so it throws plainly.
 */
export function checkFileList(list: readonly string[], reserved: readonly string[]): void {
  const paths = new Set<string>();
  for (const path of list) {
    if (!isPlainPath(path)) throw new Error(`output path ${JSON.stringify(path)} is not a plain relative path`);
    if (paths.has(path)) throw new Error(`output path ${JSON.stringify(path)} is in the list twice`);
    if (reserved.includes(path)) throw new Error(`output path ${JSON.stringify(path)} is thick's own bookkeeping file`);
    paths.add(path);
  }
  for (const path of paths) {
    const folder = foldersOf(path).find((f) => paths.has(f));
    if (folder) throw new Error(`output path ${JSON.stringify(folder)} is both a file and the folder of ${JSON.stringify(path)}`);
  }
}
