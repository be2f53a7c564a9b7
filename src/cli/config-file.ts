// Finding and reading a config file: thick.config.yaml/.yml/.json or a "thick" key in package.json, from the working
// directory upward (lilconfig), or the one file --config / THICK_CONFIG names. Only what a file says is read here;
// settings.ts checks it against the option table.

import { extname, isAbsolute, relative, resolve } from 'node:path';
import { lilconfigSync, type LoaderSync } from 'lilconfig';
import { yamlData } from '../yaml-data.js';
import { UsageError } from './options.js';

export interface ConfigFile {
  /** Absolute path. */
  path: string;
  /** How messages name it: relative to the working directory when it is below it. */
  shown: string;
  /** The file's folder: relative paths in it are read from here. */
  dir: string;
  values: Record<string, unknown>;
}

export const SEARCH_PLACES = ['thick.config.yaml', 'thick.config.yml', 'thick.config.json', 'package.json'];
const READABLE = new Set(['.yaml', '.yml', '.json', '']);


/** A loader whose parse error names the file, also when the search found it. */
const loader =
  (kind: 'YAML' | 'JSON', cwd: string): LoaderSync =>
  (path, content) => {
    try {
      return kind === 'JSON' ? JSON.parse(content) : yamlData(content);
    } catch (error) {
      throw new UsageError(`${shownPath(path, cwd)}: not valid ${kind}: ${(error as Error).message}`);
    }
  };

function searcher(cwd: string) {
  const yaml = loader('YAML', cwd);
  return lilconfigSync('thick', { searchPlaces: SEARCH_PLACES, cache: false, loaders: { '.yaml': yaml, '.yml': yaml, noExt: yaml, '.json': loader('JSON', cwd) } });
}

/** A path as a message shows it: relative to the working directory when below it, else as it is. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The config file for a run: the named one (no search), else the first found from `cwd` upward, else none. */
export function findConfig(cwd: string, named?: string): ConfigFile | null {
  const path = named === undefined ? undefined : resolve(cwd, named);
  if (path !== undefined && !READABLE.has(extname(path))) {
    throw new UsageError(`${named}: a config file is YAML (.yaml, .yml) or JSON (.json)`);
  }
  let found: ReturnType<ReturnType<typeof searcher>['search']>;
  try {
    found = path === undefined ? searcher(cwd).search(cwd) : searcher(cwd).load(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`${shownPath((error as NodeJS.ErrnoException).path ?? path ?? cwd, cwd)}: cannot read config file (${code})`);
  }
  if (!found) return null;
  const shown = shownPath(found.filepath, cwd);
  const values: unknown = found.isEmpty || found.config == null ? {} : found.config;
  if (typeof values !== 'object' || Array.isArray(values)) {
    throw new UsageError(`${shown}: expected keys and values (brand: …, lang: …), found ${Array.isArray(values) ? 'a list' : JSON.stringify(values)}`);
  }
  return { path: found.filepath, shown, dir: resolve(found.filepath, '..'), values: values as Record<string, unknown> };
}
