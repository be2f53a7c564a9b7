import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';

export const ROOT = new URL('..', import.meta.url).pathname;
export const DEMO = readdirSync(join(ROOT, 'fixtures/demo'))
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .map((f) => `fixtures/demo/${f}`);
export const BRAND = ['--brand', 'nordlicht.kaffee', '--brand', 'nordlichtkaffee'];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the built CLI (bin/thick.js → dist/) the way a user does, from the project root (or `cwd`). For the smoke tests
 * that need a real process (the binary itself, pipes, signals, start-up time); everything else uses `runThick`.
 */
export function thick(args: string[], env: Record<string, string> = {}, cwd = ROOT, stdin: string | Uint8Array = ''): Run {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/thick.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    input: stdin,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface RunOptions {
  /** Variables set over the process's own, as for `thick` (NO_COLOR=1 unless given). */
  env?: Record<string, string>;
  /** The folder the command runs in (default the project root). */
  cwd?: string;
  /** What standard input holds (`-` as an input file); empty, as for a spawned run, when not given. */
  stdin?: string | Uint8Array;
}

/** Whether an in-process run is under way in this worker: runs share its cwd, environment and streams. */
let running = false;
/** The file standard input is read from, one per process (its runs are one at a time). */
let stdinFile: string | undefined;

/**
 * The CLI's main() in this process, as `thick` runs it in a child: the same argv, environment (NO_COLOR=1 over the
 * process's own), working folder, an empty or given standard input, and stdout and stderr captured as pipes would be
 * (no TTY, so no colour, no spinner and commander's 80 columns). Runs in one process are sequential (vitest runs a
 * file's tests one after another, and a worker's files one after another); two at once are refused, because the working
 * folder, the variables and the streams they borrow are the process's. All of it is put back afterwards.
 */
export async function runThick(args: string[], { env = {}, cwd = ROOT, stdin = '' }: RunOptions = {}): Promise<Run> {
  if (running) throw new Error('runThick: another in-process run is under way in this process, or one never ended (its test timed out); runs cannot overlap (await each one, no it.concurrent)');
  running = true;
  const undo: (() => void)[] = [];
  try {
    const [{ main }, { useStdin }] = await Promise.all([import('../src/cli/main.js'), import('../src/cli/stdin.js')]);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    undo.push(capture(process.stdout, stdout), capture(process.stderr, stderr));
    for (const [name, value] of Object.entries({ NO_COLOR: '1', ...env })) undo.push(setVariable(name, value));
    undo.push(enter(cwd));
    stdinFile ??= join(tempDir(), 'stdin');
    writeFileSync(stdinFile, stdin);
    const input = openSync(stdinFile, 'r');
    // Read whole through its descriptor (readStdin), or as a stream (process.stdin, as annotate streams it).
    useStdin({ fd: input, isTTY: false, hint: () => {} });
    undo.push(override(process, 'stdin', Readable.from(stdin.length ? [Buffer.from(stdin)] : [])));
    undo.push(() => {
      useStdin(null);
      closeSync(input);
    });
    const code = await main(['node', 'thick', ...args], { cwd: process.cwd(), env: { ...process.env } });
    return { code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
  } finally {
    for (const step of undo.reverse()) step();
    running = false;
  }
}

/** Set `key` on `target` as an own property; the returned function puts back what was there (own or inherited). */
function override(target: object, key: string, value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  return () => (own ? Object.defineProperty(target, key, own) : delete (target as Record<string, unknown>)[key]);
}

/** Keep what is written to `stream` (strings and bytes alike) and present it as a pipe, not a terminal. */
function capture(stream: NodeJS.WriteStream, into: Buffer[]): () => void {
  const write = (chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), done?: (error?: Error | null) => void): boolean => {
    into.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk));
    const callback = typeof encoding === 'function' ? encoding : done;
    if (callback) process.nextTick(callback);
    return true;
  };
  const undo = [override(stream, 'write', write), override(stream, 'isTTY', false), override(stream, 'columns', undefined)];
  return () => undo.reverse().forEach((step) => step());
}

function setVariable(name: string, value: string): () => void {
  const had = Object.hasOwn(process.env, name);
  const before = process.env[name];
  process.env[name] = value;
  return () => {
    if (had) process.env[name] = before;
    else delete process.env[name];
  };
}

/** Run in `cwd`: process.chdir, which only one run at a time may do (see runThick); back to where it was afterwards. */
function enter(cwd: string): () => void {
  const before = process.cwd();
  if (resolve(cwd) === before) return () => {};
  process.chdir(cwd);
  return () => process.chdir(before);
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'thick-test-'));

/** Every file under a folder, by its path relative to it, as text. */
export function filesUnder(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(files, filesUnder(path, `${prefix}${name}/`));
    else files[`${prefix}${name}`] = readFileSync(path, 'utf8');
  }
  return files;
}

/** Every file a run wrote, as bytes in base64 (so a byte-order mark or a stray byte counts). */
export function bytesUnder(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, bytesUnder(path, `${prefix}${entry.name}/`));
    else files[`${prefix}${entry.name}`] = readFileSync(path).toString('base64');
  }
  return files;
}

/** The --json summary without the folder it names, which differs by design. */
export const summaryOf = (stdout: string): unknown => ({ ...(JSON.parse(stdout) as object), out: null });

/**
 * A run whose customers mostly share gaps, one of them (otherLanguage) known only once their texts are annotated: so
 * each customer's page depends on every other customer's records. Written into `dir`; returns its path.
 */
export function sharedGapsExport(dir: string): string {
  const lines = ['customer_id,timestamp,channel,direction,amount,text'];
  const texts = ['Bonjour, ma commande n\'est toujours pas arrivée, pouvez-vous vérifier ?', 'Merci beaucoup, le café est excellent et la livraison rapide.', 'Hola, el paquete llegó roto y nadie contesta mis correos.'];
  for (let i = 2; i <= 30; i++) {
    const channel = i % 2 === 0 ? 'email' : 'chat';
    lines.push(`c${i},2024-05-${String((i % 27) + 1).padStart(2, '0')}T10:00:00Z,${channel},inbound,,"${i > 27 ? 'My order arrived late and the mug was chipped.' : texts[i % 3]}"`);
  }
  // c1 shares none of those gaps: four records in English, on both channels, and an order.
  const english = ['The grinder you sold me is excellent, thank you.', 'Could you tell me when the decaf beans are back?', 'Still waiting for an answer about the decaf.', 'Found them in the shop, all good now.'];
  english.forEach((text, i) => lines.push(`c1,2024-04-0${i + 1}T09:00:00Z,${i % 2 === 0 ? 'email' : 'chat'},inbound,,"${text}"`));
  lines.push('c1,2024-04-05T09:00:00Z,email,inbound,20,');
  lines.push('c2,2024-05-30T10:00:00Z,email,inbound,12.5,', 'bad row without enough columns');
  const file = join(dir, 'shared-gaps.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
