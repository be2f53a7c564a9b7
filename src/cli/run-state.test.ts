import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_FILE, stateText, STATE_VERSION, type RunState } from '../profile/state.js';
import { writeOutput } from './output/safe-write.js';
import { diffStates } from '../profile/changes.js';
import type { Progress } from '../progress.js';
import { expectCountsRise } from '../test-support.js';
import { changesSince, readPreviousState } from './run-state.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'thick-state-'));
const state: RunState = { version: STATE_VERSION, asOf: '2026-01-07', window: null, redacted: false, scale: null, customers: { h: { id: 'a', stage: 'regular' } } };

describe('the previous run\'s state', () => {
  it('is read when thick wrote it and it is unchanged', () => {
    const out = join(tempDir(), 'out');
    writeOutput(out, [{ path: STATE_FILE, content: stateText(state) }]);
    expect(readPreviousState(out)).toEqual({ state, changes: null });
  });

  it('is a first run, silently, with no folder, no state, or a state deleted by hand', () => {
    const out = join(tempDir(), 'out');
    expect(readPreviousState(out)).toEqual({ state: null, changes: null });
    writeOutput(out, [{ path: 'index.md', content: '# x\n' }]);
    expect(readPreviousState(out)).toEqual({ state: null, changes: null });
    writeOutput(out, [{ path: STATE_FILE, content: stateText(state) }]);
    rmSync(join(out, STATE_FILE));
    expect(readPreviousState(out)).toEqual({ state: null, changes: null });
  });

  it('is not read when edited since thick wrote it (the write then stops and names it)', () => {
    const out = join(tempDir(), 'out');
    writeOutput(out, [{ path: STATE_FILE, content: stateText(state) }]);
    writeFileSync(join(out, STATE_FILE), stateText({ ...state, asOf: '2026-01-01' }));
    expect(readPreviousState(out)).toEqual({ state: null, changes: null });
  });

  it('is a first run with a warning when another version of thick wrote it', () => {
    const out = join(tempDir(), 'out');
    writeOutput(out, [{ path: STATE_FILE, content: stateText(state).replace(`"version":${STATE_VERSION}`, '"version":99') }]);
    expect(readPreviousState(out)).toEqual({
      state: null,
      changes: null,
      warning: `${out}/thick-state.json: was written by another version of thick (state version 99, this one reads 1); this run compares with nothing and counts as a first run`,
    });
  });
});

describe('comparing with the previous run', () => {
  const now: RunState = { ...state, customers: { h: { id: 'a', stage: 'at-risk' }, i: { id: 'b', stage: 'stranger' } } };

  it('is a stage of its own over this run\'s customers, rising to them whether the data changed or not', () => {
    const out = join(tempDir(), 'out');
    writeOutput(out, [{ path: STATE_FILE, content: stateText(state) }]);
    const heard: Progress[] = [];
    expect(changesSince(out, now, false, (p) => heard.push(p))).toEqual({ changes: diffStates(state, now) });
    expect(expectCountsRise(heard, 'compare').at(-1)).toBe(2);
    expect(heard.every((p) => p.stage === 'compare' && p.unit === 'customers' && p.share)).toBe(true);
    // A rerun over the same data: the changes the previous run found, and the stage done without telling them again.
    const changes = diffStates(state, now);
    writeOutput(out, [{ path: STATE_FILE, content: stateText(now, changes) }]);
    const rerun: Progress[] = [];
    expect(changesSince(out, now, false, (p) => rerun.push(p))).toEqual({ changes });
    expect(expectCountsRise(rerun, 'compare').at(-1)).toBe(2);
  });

  it('is no stage at all on a first run, and says why a state it cannot read is no comparison', () => {
    const out = join(tempDir(), 'out');
    const heard: Progress[] = [];
    expect(changesSince(out, now, false, (p) => heard.push(p))).toEqual({ changes: null });
    expect(heard).toEqual([]);
    writeOutput(out, [{ path: STATE_FILE, content: stateText(state).replace(`"version":${STATE_VERSION}`, '"version":99') }]);
    expect(changesSince(out, now, false, (p) => heard.push(p))).toEqual({ changes: null, warning: expect.stringContaining('another version of thick') });
  });
});
