// --fail-on <rule>, repeatable: a condition on the run's figures and on what changed since the last run; when one
// holds, the run still writes everything and exits 3, so a weekly CI job fails and tells the team. Rules are parsed
// and their metrics checked against the codebook before any input is read: a typo must not cost a whole run.
import type { Stage } from '../model.js';
import { newlyIn, newlyWith, type Changes } from '../profile/changes.js';
import type { RunState } from '../profile/state.js';
import { UsageError } from './options.js';

export type Operator = '>' | '>=' | '<' | '<=' | '=' | '!=';

/** What a run offers the rules: its figures and state, and the changes (null on a first run). */
export interface Measures {
  customers: number;
  rejected: number;
  /** Conversations waiting for an answer within the reply horizon (profiles' dialog.stillOpen, summed). */
  stillOpen: number;
  /** Customers per stage. */
  stages: Readonly<Record<string, number>>;
  /** Customers per code (any code of the codebook). */
  codes: Readonly<Record<string, number>>;
  state: RunState;
  changes: Changes | null;
}

export interface FailRule {
  /** The rule as written, trimmed. */
  rule: string;
  metric: string;
  op: Operator;
  threshold: number;
  value: (m: Measures) => number | null;
}

/** How a rule came out: its value (null for a change on a first run: unknown, not 0) and whether it held. */
export interface Alert {
  rule: string;
  value: number | null;
  held: boolean;
}

const STAGES: readonly Stage[] = ['stranger', 'acquaintance', 'regular', 'advocate', 'at-risk'];

const openConversations = (state: RunState): number => Object.values(state.customers).reduce((n, c) => n + (c.open?.length ?? 0), 0);
const sumN = (list: readonly { n: number }[]): number => list.reduce((n, x) => n + x.n, 0);
/**
 * A metric of the changes: null on a first run, where there is nothing to compare with. Not 0: `new-customers<1` (a
 * stale export) would then fire on every fresh folder.
 */
const changed = (count: (c: Changes, m: Measures) => number) => (m: Measures) => (m.changes ? count(m.changes, m) : null);

/** The fixed metrics, with what each counts (the README's table says the same). */
const METRICS: Readonly<Record<string, (m: Measures) => number | null>> = {
  customers: (m) => m.customers,
  rejected: (m) => m.rejected,
  unanswered: (m) => openConversations(m.state),
  'still-open': (m) => m.stillOpen,
  'new-customers': changed((c) => c.newCustomers.length),
  'gone-customers': changed((c) => c.goneCustomers.length),
  'stage-changes': changed((c) => c.stageChanges.length),
  'tone-up': changed((c) => c.toneUp.length),
  'tone-down': changed((c) => c.toneDown.length),
  'rating-up': changed((c) => c.ratingUp.length),
  'rating-down': changed((c) => c.ratingDown.length),
  'new-pain-codes': changed((c) => c.newPainCodes.length),
  'newly-unanswered': changed((c) => sumN(c.newlyUnanswered)),
  'newly-answered': changed((c) => sumN(c.newlyAnswered)),
};

export const GRAMMAR = [
  "a rule is <metric><operator><number>, quoted in a shell, e.g. --fail-on 'unanswered>0', 'newly-at-risk>=3', 'pain.waiting.new>5'",
  'operators: > >= < <= = !=',
  `metrics: ${Object.keys(METRICS).join(', ')}`,
  `  <stage>, newly-<stage> (stages: ${STAGES.join(', ')})`,
  '  <code> (customers with a code of the codebook), <code>.new (customers newly with a pain code)',
].join('\n');

const RULE = /^\s*([a-z0-9][a-z0-9._-]*)\s*(>=|<=|!=|>|<|=)\s*(\d+)\s*$/i;

/** The form of a rule; the likeliest malformed one is a metric alone, the shell having taken ">0" as a redirection. */
export const RULE_SHAPE = "a rule <metric><operator><number>, e.g. unanswered>0, newly-at-risk>=3 (operators > >= < <= = !=); in a shell, quote it: --fail-on 'unanswered>0' (unquoted, > and < are redirections)";

const METRIC_NAMES = `metrics: ${Object.keys(METRICS).join(', ')}, <stage>, newly-<stage> (stages: ${STAGES.join(', ')}), <code>, <code>.new`;

/**
 * Why a rule is not one, as far as that can be told without the codebook (which may come from the same config file):
 * its form and, for a metric without a dot (codes always have one), its name. For the option table, whose message
 * names where the rule came from (a config file, THICK_FAIL_ON or the flag); codes are checked by parseFailOn.
 */
export function ruleProblem(text: string): string | null {
  const match = RULE.exec(text);
  if (!match) return `expected ${RULE_SHAPE}`;
  const metric = match[1]!.toLowerCase();
  if (metric.includes('.')) return null;
  const why = metricOf(metric, new Set(), new Set());
  return typeof why === 'string' ? `expected a rule on a metric thick knows: ${why}; ${METRIC_NAMES}` : null;
}

function usage(rule: string, why: string): UsageError {
  return new UsageError(`--fail-on ${JSON.stringify(rule)}: ${why}\n${GRAMMAR}`);
}

/** The value of a metric by its name, or why the name is not one; `codes` are the codebook's, `pain` its pain codes. */
function metricOf(metric: string, codes: ReadonlySet<string>, pain: ReadonlySet<string>): ((m: Measures) => number | null) | string {
  const fixed = METRICS[metric];
  if (fixed) return fixed;
  if ((STAGES as readonly string[]).includes(metric)) return (m) => m.stages[metric] ?? 0;
  const stage = metric.startsWith('newly-') ? metric.slice('newly-'.length) : null;
  if (stage !== null) return (STAGES as readonly string[]).includes(stage) ? changed((c, m) => newlyIn(c, stage, m.state).length) : `unknown stage "${stage}"`;
  if (metric.endsWith('.new')) {
    const code = metric.slice(0, -'.new'.length);
    if (!codes.has(code)) return `unknown code "${code}" (see thick codebook)`;
    if (!pain.has(code)) return `"${code}" is not a pain code: only pain codes are compared between runs`;
    return changed((c) => newlyWith(c, code).length);
  }
  if (codes.has(metric)) return (m) => m.codes[metric] ?? 0;
  return metric.includes('.') ? `unknown code "${metric}" (see thick codebook)` : `unknown metric "${metric}"`;
}

/** The --fail-on rules, checked against the codebook's codes; a malformed rule or unknown metric is a usage error. */
export function parseFailOn(rules: readonly string[] | undefined, codes: ReadonlySet<string>, pain: ReadonlySet<string>): FailRule[] {
  return (rules ?? []).map((rule) => {
    const match = RULE.exec(rule);
    if (!match) throw usage(rule, 'not a rule');
    const metric = match[1]!.toLowerCase();
    const value = metricOf(metric, codes, pain);
    if (typeof value === 'string') throw usage(rule, value);
    return { rule: rule.trim(), metric, op: match[2] as Operator, threshold: Number(match[3]), value };
  });
}

function holds(value: number, op: Operator, threshold: number): boolean {
  switch (op) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '=':
      return value === threshold;
    case '!=':
      return value !== threshold;
  }
}

/** Every rule with its value and whether it held, in the order given; a value not known holds no rule. */
export function checkRules(rules: readonly FailRule[], measures: Measures): Alert[] {
  return rules.map((r) => {
    const value = r.value(measures);
    return { rule: r.rule, value, held: value !== null && holds(value, r.op, r.threshold) };
  });
}
