import { describe, expect, it } from 'vitest';
import { diffStates } from '../profile/changes.js';
import { STATE_VERSION, type RunState } from '../profile/state.js';
import { checkRules, parseFailOn, type Measures } from './fail-on.js';
import { UsageError } from './options.js';

const CODES = new Set(['pain.waiting', 'pain.damaged', 'dialog.praise']);
const PAIN = new Set(['pain.waiting', 'pain.damaged']);
const parse = (...rules: string[]) => parseFailOn(rules, CODES, PAIN);

const state = (customers: RunState['customers']): RunState => ({ version: STATE_VERSION, asOf: '2026-01-14', window: null, redacted: false, scale: null, customers });
const before = state({ a: { id: 'a', stage: 'regular', open: ['k1'] } });
const now = state({ a: { id: 'a', stage: 'at-risk', pain: ['pain.waiting'], open: ['k1', 'k2'] }, b: { id: 'b', stage: 'at-risk', open: ['k3'] } });
const measures = (changes = diffStates(before, now) as Measures['changes']): Measures => ({ customers: 2, rejected: 4, stillOpen: 1, stages: { 'at-risk': 2 }, codes: { 'pain.waiting': 1 }, state: now, changes });

describe('--fail-on', () => {
  it('reads <metric><operator><number> with every operator, spaces allowed', () => {
    const rules = parse('unanswered>2', 'unanswered >= 3', 'customers<3', 'rejected<=3', 'at-risk=2', 'customers!=2');
    expect(rules.map((r) => [r.metric, r.op, r.threshold])).toEqual([
      ['unanswered', '>', 2],
      ['unanswered', '>=', 3],
      ['customers', '<', 3],
      ['rejected', '<=', 3],
      ['at-risk', '=', 2],
      ['customers', '!=', 2],
    ]);
    expect(checkRules(rules, measures()).map((a) => [a.rule, a.value, a.held])).toEqual([
      ['unanswered>2', 3, true],
      ['unanswered >= 3', 3, true],
      ['customers<3', 2, true],
      ['rejected<=3', 4, false],
      ['at-risk=2', 2, true],
      ['customers!=2', 2, false],
    ]);
  });
  it('tells still-open (within the reply horizon) from unanswered (however old)', () => {
    expect(checkRules(parse('unanswered>1', 'still-open>1'), measures()).map((a) => [a.rule, a.value, a.held])).toEqual([
      ['unanswered>1', 3, true],
      ['still-open>1', 1, false],
    ]);
  });

  it('measures the changes: newly in a stage, newly with a pain code, newly unanswered, new customers', () => {
    const rules = parse('newly-at-risk>=2', 'pain.waiting.new>0', 'newly-unanswered>1', 'new-customers=1', 'pain.waiting>0', 'dialog.praise>0');
    expect(checkRules(rules, measures()).map((a) => [a.value, a.held])).toEqual([
      [2, true],
      [1, true],
      [2, true],
      [1, true],
      [1, true],
      [0, false],
    ]);
  });

  it('knows no change on a first run: its value is null and no change rule holds, whatever its operator', () => {
    // new-customers<1 or stage-changes=0 (a stale export) must not fire on a fresh folder either.
    const rules = parse('newly-at-risk>0', 'pain.waiting.new>0', 'new-customers>0', 'new-customers<1', 'stage-changes=0', 'newly-answered<=0', 'unanswered>0');
    expect(checkRules(rules, measures(null)).map((a) => [a.value, a.held])).toEqual([
      [null, false],
      [null, false],
      [null, false],
      [null, false],
      [null, false],
      [null, false],
      [3, true],
    ]);
  });

  it('is a usage error, with the grammar, for a malformed rule, an unknown metric, stage or code', () => {
    for (const [rule, why] of [
      ['unanswered', 'not a rule'],
      ['unanswered>-1', 'not a rule'],
      ['unanswered=>1', 'not a rule'],
      ['unanswerd>0', 'unknown metric "unanswerd"'],
      ['newly-vip>0', 'unknown stage "vip"'],
      ['pain.wating.new>5', 'unknown code "pain.wating"'],
      ['pain.wating>5', 'unknown code "pain.wating"'],
      ['dialog.praise.new>0', '"dialog.praise" is not a pain code'],
    ]) {
      expect(() => parse(rule!), rule).toThrow(UsageError);
      expect(() => parse(rule!), rule).toThrow(why);
      expect(() => parse(rule!), rule).toThrow('operators: > >= < <= = !=');
    }
  });
});
