// A profiled customer as a run's outputs read it once their page is drawn: the profile and findings (the index's
// list, customers.csv, profiles.jsonl, the gaps, --fail-on), the state entry's draft, the window's counts and the
// world events their records fall in. No events: a run can keep a row per customer and let the records go, which
// is what `thick merge` does with a shard's customers and what a run split in parts will do
// (docs/design/out-of-core-runs.md). What the index overview reads of the records (said records, figures) goes
// beside the rows (OverviewInputs), made when the index is drawn.
import type { Source } from '../model.js';
import type { ProfiledCustomer } from './index.js';
import { customerFigures, type OverviewInputs } from './overview.js';
import { commonScale } from './ratings.js';
import { stateDraft, type StateDraft } from './state.js';
import { customerSaid, keptForExamples, onScale, type SaidRecord } from './themes.js';
import { windowCounts, type Window, type WindowCounts } from './window.js';
import { noPasses, type Passes } from '../progress.js';

export interface CustomerRow extends Pick<ProfiledCustomer, 'profile' | 'findings' | 'asOf'> {
  /** Their entry in the run's state, before the run's common scale and their id are known (state.ts). */
  state: StateDraft;
  /** Their records in the run's window (--since, --until), before it and undated (window.ts). */
  window: WindowCounts;
  /** The world events (context notes) their records fall in, by file and line (index-page.ts contextsTouched). */
  contexts: string[];
}

/**
 * A customer's row. `plain` is the customer as profiled, `shown` as the outputs show them (redacted, or the same):
 * the state knows customers by their own keys, whatever the outputs call them.
 */
export function customerRow(shown: ProfiledCustomer, window: Window, plain: ProfiledCustomer = shown): CustomerRow {
  return {
    profile: shown.profile,
    findings: shown.findings,
    asOf: shown.asOf,
    state: stateDraft(plain),
    window: windowCounts(shown, window),
    contexts: contextsTouched(shown),
  };
}

/** A customer's said records (their rating not yet on the run's scale) and figures: what the overview folds. */
export interface CustomerSaid {
  said: SaidRecord[];
  figures: OverviewInputs['customers'][number];
}

export function customerSaidOf(subject: ProfiledCustomer): CustomerSaid {
  return { said: customerSaid(subject), figures: { figures: customerFigures(subject), stage: subject.profile.stage } };
}

/**
 * What the overview folds of a part of a run's customers: each one's said records and figures, with words kept only
 * on the hits that can still be a theme's example whatever the other parts hold (themes.ts keptForExamples).
 */
export function partSaid(subjects: readonly ProfiledCustomer[]): CustomerSaid[] {
  const said = subjects.map(customerSaidOf);
  const kept = keptForExamples(said.flatMap((customer) => customer.said));
  let at = 0;
  return said.map((customer) => {
    const records = kept.slice(at, (at += customer.said.length));
    return { ...customer, said: records };
  });
}

/**
 * The overview's inputs from every customer's said records and figures, gathered in any order: ratings are placed on
 * the run's common scale, known only once all are counted. `tick` hears how many customers are done.
 */
export function foldOverviewInputs(customers: Iterable<CustomerSaid>, tick: (done: number) => void = () => {}): OverviewInputs {
  const records: SaidRecord[] = [];
  const figures: OverviewInputs['customers'][number][] = [];
  for (const customer of customers) {
    for (const record of customer.said) records.push(record);
    figures.push(customer.figures);
    tick(figures.length);
  }
  const scale = commonScale(records.flatMap((r) => (r.given && r.own ? [r.given] : [])));
  return { records: onScale(records, scale), scale, customers: figures };
}

/** A customer as a part of a run (or a shard) keeps them for the run's fold: their place in the run, row and said records. */
export interface FoldedRow {
  order: number;
  row: CustomerRow;
  said: CustomerSaid;
}

/**
 * A part's profiled customers as the fold keeps them: `order` gives each customer key's place in the run, `window`
 * is the run's (--since, --until). Said records are thinned over the whole part (partSaid).
 */
export function foldedRows(subjects: readonly ProfiledCustomer[], order: ReadonlyMap<string, number>, window: Window): FoldedRow[] {
  const said = partSaid(subjects);
  return subjects.map((subject, i) => ({ order: order.get(subject.customer.key)!, row: customerRow(subject, window), said: said[i]! }));
}

/** The overview's inputs from profiled customers (one pass of `passes`, counted in customers). */
export function overviewInputsOf(profiled: readonly ProfiledCustomer[], passes: Passes = noPasses): OverviewInputs {
  const tick = passes.next(profiled.length);
  return foldOverviewInputs(
    (function* () {
      for (const subject of profiled) yield customerSaidOf(subject);
    })(),
    tick,
  );
}

/** A world event (a context note) by its file and line. */
export const contextKey = (source: Source): string => `${source.file}\u0000${source.line}`;

/**
 * The world events (context notes, by file and line) a customer's records fall in: what the index's world events
 * need of a customer, once, rather than every record of the run searched once per world event.
 */
export function contextsTouched(subject: Pick<ProfiledCustomer, 'events'>): string[] {
  const keys = new Set<string>();
  for (const event of subject.events) for (const annotation of event.annotations) if (annotation.code === 'context') keys.add(contextKey(annotation.source));
  return [...keys];
}
