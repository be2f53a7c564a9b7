// Builders for unit tests: an event or customer with sensible defaults, overridden where a test cares; and a way to
// read what a command run in process writes; a folder as data.
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import { byCodePoint } from './collation.js';
import type { Customer, Event } from './model.js';
import type { Progress, ProgressStage } from './progress.js';
import { byAttention, type ProfiledCustomer } from './profile/index.js';
import { customerRow, overviewInputsOf } from './profile/row.js';
import { indexPage, runAsOf, runOverview, type IndexInputs } from './report/index-page.js';
import type { ReportLang } from './report/i18n.js';
import { pageMarkdown } from './report/page.js';

let counter = 0;

export function makeEvent(extra: Partial<Event> = {}): Event {
  counter += 1;
  return {
    id: `t.csv:${counter}`,
    who: {},
    customerKey: 'c1',
    at: new Date('2024-05-01T10:00:00Z'),
    channel: 'email',
    direction: 'inbound',
    kind: 'message',
    amount: null,
    orderId: null,
    text: null,
    messageId: null,
    replyTo: null,
    expectsReply: true,
    rating: null,
    unseenReplies: 0,
    author: null,
    source: { file: 't.csv', line: counter + 1 },
    lang: null,
    sentiment: null,
    annotations: [],
    ...extra,
  };
}

export function makeCustomer(extra: Partial<Customer> = {}): Customer {
  return {
    key: 'c1',
    name: 'Greta Beispiel',
    crmId: 'c1',
    emails: ['greta@example.org'],
    handles: [],
    contact: {
      keys: { crmId: 'c1', email: 'greta@example.org' },
      handles: [],
      name: 'Greta Beispiel',
      phone: null,
      city: 'Kiel',
      crmStage: 'customer',
      createdAt: null,
      source: { file: 'contacts.csv', line: 2 },
    },
    aliases: [],
    anonymous: false,
    nameJoins: [],
    ...extra,
  };
}

/** Capture what is written to stdout and stderr until vi.restoreAllMocks() (call it in afterEach). */
export function captureOutput(): { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { stdout: () => out.join(''), stderr: () => err.join('') };
}

/** A one-code codebook (pain.waiting) in YAML, with `patch` as the rest of the code's entry: for schema tests. */
export function withCode(patch: string): string {
  return `version: 1
codes:
  - id: pain.waiting
    category: pain
    label: { en: Waiting, de: Warten }
    description: Waits.
${patch}`;
}

/**
 * A folder as data, for comparing it before and after: each file's path and content, each symbolic link as `→ target`
 * (never followed), each folder as `/` (so an empty one shows). Paths use `/` between folders.
 */
export function folderSnapshot(root: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  const visit = (rel: string): void => {
    for (const name of readdirSync(rel ? join(root, rel) : root).sort(byCodePoint)) {
      const path = rel ? `${rel}/${name}` : name;
      const entry = lstatSync(join(root, path));
      if (entry.isSymbolicLink()) snapshot[path] = `→ ${readlinkSync(join(root, path))}`;
      else if (entry.isDirectory()) {
        snapshot[path] = '/';
        visit(path);
      } else snapshot[path] = readFileSync(join(root, path), 'utf8');
    }
  };
  visit('');
  return snapshot;
}

/** A fresh temporary folder holding the given files (relative path → text); its real path, as config search reports it. */
export function folderWith(files: Record<string, string> = {}): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'thick-folder-')));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/**
 * What a stage (and part of it) reported, checked as every count must be: from 0, never back, the last one the total.
 * Returns the counts, for what a test says beyond that.
 */
export function expectCountsRise(heard: readonly Progress[], stage: ProgressStage, part?: string): number[] {
  const reports = heard.filter((p) => p.stage === stage && p.part === part);
  const counts = reports.map((p) => p.done);
  expect(counts.length, `${stage} ${part ?? ''} reported`).toBeGreaterThan(1);
  expect(counts[0]).toBe(0);
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
  expect(counts.at(-1)).toBe(reports.at(-1)!.total);
  return counts;
}

/**
 * The index of profiled customers as Markdown, drawn straight from their profiles: tests read it whole. A run draws
 * it from rows (cli/write.ts), with the run's window and what changed since the last run.
 */
export function renderIndex(subjects: readonly ProfiledCustomer[], run: Omit<IndexInputs, 'overview'>, lang: ReportLang): string {
  const rows = subjects.map((subject) => customerRow(subject, {}));
  const overview = runOverview((passes) => overviewInputsOf(subjects, passes), { ...run, asOf: runAsOf([...rows].sort(byAttention)) });
  return pageMarkdown(indexPage(rows, { ...run, overview }, lang));
}
