import { lstatSync } from 'node:fs';
import { describeError } from '../errno.js';
import { DataError } from '../pipeline.js';

/** An error the operating system raised (it carries an errno code such as ENOSPC), as opposed to a bug in thick. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/**
 * Run one file-system step; a system error becomes a DataError of one line, "<path>: cannot <doing> (<cause>)",
 * which the CLI prints without a stack trace and exits 1 on. Bugs (errors without a code) pass unchanged.
 */
export function attempt<T>(path: string, doing: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw failure(path, doing, error);
  }
}

/** The error to throw for a failed step: a system error in one line, anything else as it is. */
export function failure(path: string, doing: string, error: unknown): unknown {
  return isSystemError(error) ? new DataError(`${path}: cannot ${doing} (${describeError(error)})`) : error;
}

/** Whether a path exists as an entry of its folder, without following a symbolic link there. */
export function entryExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if (isSystemError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return false;
    throw error;
  }
}
