import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byCodePoint } from '../../collation.js';
import { GENERATED_MARK } from '../../report/customer.js';
import { DataError } from '../pipeline.js';
import { settle, swapSteps } from './commit.js';
import type { OutputFile, OutputPlan } from './files.js';
import { MANIFEST, manifestText } from './manifest.js';
import { outPlaces } from './places.js';
import { buildAside, writeOutput, writeOutputKeeping } from './safe-write.js';
import type { Progress } from '../../progress.js';
import { expectCountsRise, folderSnapshot } from '../../test-support.js';

// Invented outputs: an index linking one report per customer, profiles, and (in the old run only) rejected rows.
const report = (name: string, text: string): OutputFile => ({ path: `customers/${name}.md`, content: `# ${name}\n\n${text}\n\n${GENERATED_MARK}\n` });
function output(names: string[], text: string, rejected = false): OutputFile[] {
  return [
    { path: 'index.md', content: `${names.map((n) => `- [${n}](customers/${n}.md)`).join('\n')}\n` },
    ...names.map((n) => report(n, text)),
    { path: 'profiles.jsonl', content: names.map((n) => `${JSON.stringify({ n, text })}\n`).join('') },
    ...(rejected ? [{ path: 'rejected.csv', content: '\uFEFFfile,line,column,reason,raw\nkunden.csv,4,2,no customer,"x"\n' }] : []),
  ];
}
const OLD = output(['anna-alt', 'bernd-brand', 'carla-cord'], 'Stand Mai', true);
const NEW = output(['anna-alt', 'dora-dreher'], 'Stand Juni');

/** A fresh folder holding `out` (not created yet) and a file of the user's outside it. */
function workspace(): { ws: string; out: string; outside: string } {
  const ws = mkdtempSync(join(tmpdir(), 'thick-write-'));
  writeFileSync(join(ws, 'outside.md'), 'my own notes, outside the output\n');
  return { ws, out: join(ws, 'out'), outside: join(ws, 'outside.md') };
}

/** The folder as the list would write it: its files and their manifest, nothing else of thick's. */
const written = (files: readonly OutputFile[]): Record<string, string> =>
  Object.fromEntries([...files.map((f) => [f.path, String(f.content)]), [MANIFEST, manifestText(files)]]);

/**
 * Whole: the folder holds the list's manifest and every file of the list as written (but those the user has made
 * their own since, `users`, which may be on their way from the previous output), and every link of its index resolves.
 */
function isWhole(dir: string, files: readonly OutputFile[], users: Record<string, string> = {}): boolean {
  const snapshot = folderSnapshot(dir);
  const links = [...(snapshot['index.md'] ?? '').matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
  return (
    snapshot[MANIFEST] === manifestText(files) &&
    files.every((f) => f.path in users || snapshot[f.path] === f.content) &&
    links.length > 0 &&
    links.every((l) => existsSync(join(dir, l)))
  );
}
const sortedKeys = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => byCodePoint(a, b)));

/** The user's own entries, added to an output folder after a run. */
function addUsersFiles(out: string, outside: string): Record<string, string> {
  writeFileSync(join(out, 'notes.txt'), 'Workshop am Freitag\n');
  writeFileSync(join(out, 'customers', 'mine.md'), 'meine Notizen\n');
  // A copy of thick's report under another name, marker and all: the user's.
  writeFileSync(join(out, 'customers', 'bernd-copy.md'), readFileSync(join(out, 'customers', 'bernd-brand.md')));
  // thick's report of a customer the new run drops, edited by the user: the user's now.
  writeFileSync(join(out, 'customers', 'carla-cord.md'), `${readFileSync(join(out, 'customers', 'carla-cord.md'), 'utf8')}Anruf am 3.6.: zufrieden\n`);
  mkdirSync(join(out, 'archive'));
  writeFileSync(join(out, 'archive', 'april.md'), 'April\n');
  symlinkSync(outside, join(out, 'customers', 'link.md'));
  const snapshot = folderSnapshot(out);
  return Object.fromEntries(['notes.txt', 'customers/mine.md', 'customers/bernd-copy.md', 'customers/carla-cord.md', 'archive', 'archive/april.md', 'customers/link.md'].map((p) => [p, snapshot[p]!]));
}

const siblings = (ws: string) => readdirSync(ws).sort(byCodePoint);

describe('writeOutput', () => {
  it('writes every file of the list and a manifest with the SHA-256 of each, and leaves nothing beside the folder', () => {
    const { ws, out } = workspace();
    expect(writeOutput(out, OLD)).toEqual([]);
    expect(folderSnapshot(out)).toEqual({ ...written(OLD), customers: '/' });
    expect(readFileSync(join(out, MANIFEST), 'utf8')).toMatch(/^ {4}\{"path":"customers\/anna-alt\.md","sha256":"[0-9a-f]{64}"\},$/m);
    expect(siblings(ws)).toEqual(['out', 'outside.md']);
  });

  it('writes the same bytes, manifest included, for the same files listed in another order', () => {
    const a = workspace();
    const b = workspace();
    writeOutput(a.out, OLD);
    writeOutput(b.out, [...OLD].reverse());
    expect(folderSnapshot(b.out)).toEqual(folderSnapshot(a.out));
    writeOutput(a.out, OLD);
    expect(folderSnapshot(a.out)).toEqual(folderSnapshot(b.out));
  });

  it("writes a plan's files as it makes them, each one written before the next is made, and the same bytes as the list", () => {
    const { ws, out } = workspace();
    const staged = (path: string) => existsSync(join(ws, '.out.thick-new', path));
    const seen: boolean[] = [];
    const plan: OutputPlan = {
      paths: NEW.map((f) => f.path),
      *files() {
        for (const [i, file] of NEW.entries()) {
          seen.push(i === 0 || staged(NEW[i - 1]!.path));
          yield file;
        }
      },
    };
    writeOutput(out, plan);
    expect(seen).toEqual(NEW.map(() => true));
    expect(isWhole(out, NEW)).toBe(true);
    const listed = workspace();
    writeOutput(listed.out, NEW);
    expect(folderSnapshot(out)).toEqual(folderSnapshot(listed.out));
  });

  it('stops, changing nothing, when a plan makes other files than it lists (a bug in thick)', () => {
    const { ws, out } = workspace();
    writeOutput(out, OLD);
    const before = folderSnapshot(out);
    const swapped: OutputPlan = { paths: NEW.map((f) => f.path), files: () => [...NEW].reverse() };
    expect(() => writeOutput(out, swapped)).toThrow(`output file "profiles.jsonl" comes where the plan lists "index.md"`);
    const short: OutputPlan = { paths: NEW.map((f) => f.path), files: () => NEW.slice(0, -1) };
    expect(() => writeOutput(out, short)).toThrow(`the plan lists ${NEW.length} output files, but ${NEW.length - 1} were made`);
    expect(folderSnapshot(out)).toEqual(before);
    expect(siblings(ws)).toEqual(['out', 'outside.md']);
  });

  it("replaces thick's files, removes its stale ones, and keeps every entry of the user's, a link as a link", () => {
    const { ws, out, outside } = workspace();
    writeOutput(out, OLD);
    const users = addUsersFiles(out, outside);
    writeOutput(out, NEW);
    expect(isWhole(out, NEW)).toBe(true);
    const after = folderSnapshot(out);
    for (const [path, content] of Object.entries(users)) expect(after[path]).toBe(content);
    // bernd-brand.md and rejected.csv were thick's and unchanged: gone with the run that no longer writes them.
    expect(Object.keys(after).sort(byCodePoint)).toEqual(Object.keys({ ...written(NEW), ...users, customers: '/' }).sort(byCodePoint));
    expect(lstatSync(join(out, 'customers', 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(outside, 'utf8')).toBe('my own notes, outside the output\n');
    expect(siblings(ws)).toEqual(['out', 'outside.md']);
  });

  it.each([
    ['a file of the user\'s at a report\'s name', (out: string) => writeFileSync(join(out, 'customers', 'dora-dreher.md'), 'meins\n'), 'customers/dora-dreher.md (not written by thick)'],
    ["thick's report, edited by the user", (out: string) => writeFileSync(join(out, 'customers', 'anna-alt.md'), 'bearbeitet\n'), 'customers/anna-alt.md (changed since thick wrote it)'],
    ['a symbolic link at a report\'s name', (out: string, outside: string) => symlinkSync(outside, join(out, 'customers', 'dora-dreher.md')), 'customers/dora-dreher.md (a symbolic link to'],
  ])('stops before changing anything when the new output needs a name that holds %s', (_, plant, reason) => {
    const { ws, out, outside } = workspace();
    writeOutput(out, OLD);
    plant(out, outside);
    const before = folderSnapshot(out);
    const run = () => writeOutput(out, NEW);
    expect(run).toThrow(DataError);
    expect(run).toThrow(`${out}: thick changed nothing, because the new output needs names that hold files it did not write or that were changed since: ${join(out, reason)}`);
    expect(folderSnapshot(out)).toEqual(before);
    expect(readFileSync(outside, 'utf8')).toBe('my own notes, outside the output\n');
    expect(siblings(ws)).toEqual(['out', 'outside.md']);
  });

  it('stops when a file or a link has the name of a folder thick writes into, and names a folder at a file name', () => {
    const { out, outside } = workspace();
    mkdirSync(out);
    writeFileSync(join(out, 'customers'), 'not a folder\n');
    expect(() => writeOutput(out, NEW)).toThrow(`${join(out, 'customers')} (not a folder, where thick writes a folder)`);
    const linked = workspace();
    mkdirSync(linked.out);
    symlinkSync(linked.ws, join(linked.out, 'customers'));
    expect(() => writeOutput(linked.out, NEW)).toThrow(`${join(linked.out, 'customers')} (a symbolic link to ${linked.ws}; thick never writes through a link)`);
    expect(readdirSync(linked.ws).sort(byCodePoint)).toEqual(['out', 'outside.md']);
    const folder = workspace();
    mkdirSync(join(folder.out, 'index.md'), { recursive: true });
    expect(() => writeOutput(folder.out, NEW)).toThrow('index.md (a folder, where thick writes a file)');
    expect(readFileSync(outside, 'utf8')).toBe('my own notes, outside the output\n');
  });

  it('names reports of an earlier thick that kept no manifest, and counts what it does not name', () => {
    const { out } = workspace();
    mkdirSync(join(out, 'customers'), { recursive: true });
    for (const n of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) writeFileSync(join(out, 'customers', `${n}.md`), `# ${n}\n${GENERATED_MARK}\n`);
    const message = () => writeOutput(out, output(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 'neu'));
    expect(message).toThrow(`${join(out, 'customers/a.md')} (written by an earlier thick that kept no list of its files, so it may have been edited)`);
    expect(message).toThrow(/customers\/e\.md \([^)]*\) and 2 more\. Move or rename them \(or choose another -o\), then run again$/);
  });

  it('follows a symlinked -o once: the folder it names gets the output, and the link stays a link', () => {
    const { ws, out } = workspace();
    mkdirSync(out);
    symlinkSync(out, join(ws, 'link-to-out'));
    writeOutput(join(ws, 'link-to-out'), OLD);
    writeOutput(join(ws, 'link-to-out'), NEW);
    expect(lstatSync(join(ws, 'link-to-out')).isSymbolicLink()).toBe(true);
    expect(isWhole(out, NEW)).toBe(true);
    expect(siblings(ws)).toEqual(['link-to-out', 'out', 'outside.md']);
    symlinkSync(join(ws, 'gone'), join(ws, 'dangling'));
    expect(() => writeOutput(join(ws, 'dangling'), NEW)).toThrow(`${join(ws, 'dangling')}: is a symbolic link to a folder that does not exist; create that folder or remove the link`);
  });

  it('says in one line when -o is a file, or lies under one', () => {
    const { outside } = workspace();
    expect(() => writeOutput(outside, NEW)).toThrow(`${outside}: is a file, not a folder; give a folder for -o`);
    expect(() => writeOutput(join(outside, 'sub', 'out'), NEW)).toThrow(`${join(outside, 'sub', 'out')}: cannot be created, because ${outside} is a file, not a folder`);
  });

  it("removes a killed run's unfinished build and leaves the previous output as it was", () => {
    const { ws, out, outside } = workspace();
    writeOutput(out, OLD);
    addUsersFiles(out, outside);
    const before = folderSnapshot(out);
    mkdirSync(join(ws, '.out.thick-new', 'customers'), { recursive: true });
    writeFileSync(join(ws, '.out.thick-new', 'customers', 'anna-alt.md'), '# anna-al'); // cut off mid-write
    expect(settle(outPlaces(out))).toEqual([`${out}: removed the unfinished output of an interrupted run; the previous output was left as it was`]);
    expect(folderSnapshot(out)).toEqual(before);
    expect(siblings(ws)).toEqual(['out', 'outside.md']);
  });
});

describe('the progress of writing an output', () => {
  it('checks the previous output file by file, writes the new one, then counts the previous files it removes', () => {
    const { out } = workspace();
    const first: Progress[] = [];
    writeOutputKeeping(out, OLD, (p) => first.push(p));
    // Nothing to check or remove on a first run.
    expect([...new Set(first.map((p) => p.stage))]).toEqual(['write']);
    const heard: Progress[] = [];
    writeOutputKeeping(out, NEW, (p) => heard.push(p));
    expect([...new Set(heard.map((p) => p.stage))]).toEqual(['check', 'write', 'remove']);
    expect(expectCountsRise(heard, 'check').at(-1)).toBe(OLD.length);
    expect(expectCountsRise(heard, 'write').at(-1)).toBe(NEW.length);
    // anna-alt is in both outputs: its old file is removed with the rest of the previous output.
    expect(expectCountsRise(heard, 'remove').at(-1)).toBe(OLD.length);
    expect(folderSnapshot(out)).toEqual({ ...written(NEW), customers: '/' });
  });
});

describe('a run killed during the swap', () => {
  it('leaves one whole output after every step, and the next run settles on it, with every file of the user in place', () => {
    const probe = workspace();
    writeOutput(probe.out, OLD);
    addUsersFiles(probe.out, probe.outside);
    const stepCount = swapSteps(outPlaces(probe.out), buildAside(outPlaces(probe.out), NEW)).length;
    settle(outPlaces(probe.out));
    // The journal, set aside, put in place, 6 entries of the user's moved (archive/, bernd-copy.md, the edited
    // carla-cord.md, link.md, mine.md, notes.txt), remove the previous output, remove the journal.
    expect(stepCount).toBe(11);
    for (let done = 0; done <= stepCount; done++) {
      const { ws, out, outside } = workspace();
      writeOutput(out, OLD);
      const users = addUsersFiles(out, outside);
      const before = folderSnapshot(out);
      const places = outPlaces(out);
      const steps = swapSteps(places, buildAside(places, NEW));
      const turningPoint = steps.findIndex((s) => s.what === 'set the previous output aside') + 1;
      for (const step of steps.slice(0, done)) step.run();

      // Killed here: the output folder holds the previous output or the new one, whole; or, between two renames,
      // the previous output waits whole beside the new one.
      if (existsSync(out)) expect([done, isWhole(out, done < turningPoint ? OLD : NEW, users)]).toEqual([done, true]);
      else expect([isWhole(places.backup, OLD, users), isWhole(places.staging, NEW)]).toEqual([true, true]);
      for (const path of Object.keys(users)) expect([out, places.backup].some((dir) => lstatSync(join(dir, path), { throwIfNoEntry: false }))).toBe(true);

      settle(places);
      const expected = done < turningPoint ? before : { ...written(NEW), ...users, customers: '/' };
      expect([done, folderSnapshot(out)]).toEqual([done, sortedKeys(expected)]);
      expect(siblings(ws)).toEqual(['out', 'outside.md']);
      writeOutput(out, NEW);
      expect(isWhole(out, NEW)).toBe(true);
    }
  });
});

describe('the lock of the output folder', () => {
  it("stops a second run while the first one's process lives, and takes over the lock of one that died", () => {
    const { ws, out } = workspace();
    writeOutput(out, OLD);
    const lock = join(ws, '.out.thick-lock');
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname() }));
    expect(() => writeOutput(out, NEW)).toThrow(`${out}: another thick run (pid ${process.ppid} on ${hostname()}) is writing there; wait for it, or if none is running, remove ${lock}`);
    expect(isWhole(out, OLD)).toBe(true);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(lock, JSON.stringify({ pid: gone, host: hostname() }));
    writeOutput(out, NEW);
    expect(isWhole(out, NEW)).toBe(true);
    expect(siblings(ws)).toEqual(['out', 'outside.md']);
  });
});
