// The workshop handout: the run's highlights and the portraits of the customers who need attention first, on a few
// printable pages. It is written only from a redacted Analysis (cli/analyze.ts redacts the whole run first), so the
// names here are pseudonyms and the quotes are masked: this page adds no data of its own, only a selection.
import { byAttention } from '../profile/index.js';
import type { RunOverview } from '../profile/overview.js';
import type { CustomerRow } from '../profile/row.js';
import type { CodeInfo } from './codes.js';
import { heading } from './format.js';
import type { ReportLang } from './i18n.js';
import type { Block } from './page.js';
import type { Portrait } from './portrait.js';
import { overviewHighlights } from './run-overview.js';
import { runAsOf } from './index-page.js';
import type { WindowFacts } from '../profile/window.js';

const WORDS = {
  en: {
    title: 'Workshop handout',
    masked:
      'Pseudonymised: every name is a pseudonym ("Person 7QMX"), and e-mail addresses, phone numbers, IBANs, street addresses, handles and personal links are masked, in quotes too.',
    portraits: (n: number) => (n === 1 ? 'The customer who needs attention first' : `The ${n} customers who need attention first`),
    none: 'No customers in this run.',
  },
  de: {
    title: 'Workshop-Handout',
    masked:
      'Pseudonymisiert: Alle Namen sind Pseudonyme („Person 7QMX“); E-Mail-Adressen, Telefonnummern, IBANs, Anschriften, Nutzernamen und persönliche Links sind unkenntlich gemacht, auch in Zitaten.',
    portraits: (n: number) => (n === 1 ? 'Wer zuerst Aufmerksamkeit braucht' : `Die ${n} Kundinnen und Kunden, die zuerst Aufmerksamkeit brauchen`),
    none: 'In dieser Auswertung gibt es keine Kundinnen und Kunden.',
  },
} as const;

export interface HandoutInputs {
  codes: ReadonlyMap<string, CodeInfo>;
  /** How many portraits (--top). */
  top: number;
  /** The run's time window (--since, --until), as the index says it. */
  window?: WindowFacts;
  /** The run as a whole, as the index shows it (index-page.ts runOverview). */
  overview: RunOverview;
  /** A customer's portrait (portrait.ts), for the first `top` of them. */
  portrait: (customer: CustomerRow) => Portrait;
}

/** One customer's portrait under a numbered heading: who, what moves them, what to do next. */
function portraitBlocks(customer: CustomerRow, rank: number, { who, moves, next }: Portrait): Block[] {
  return [`### ${rank}. ${heading(customer.profile.name ?? customer.profile.id)}`, '', who, '', moves, '', next, ''];
}

/** The handout as blocks: title, what is masked, the run's highlights, then the top customers' portraits. */
export function handoutPage(customers: readonly CustomerRow[], inputs: HandoutInputs, lang: ReportLang): Block[] {
  const w = WORDS[lang];
  const sorted = [...customers].sort(byAttention);
  const shown = sorted.slice(0, Math.max(0, inputs.top));
  const portraits = shown.length === 0 ? [w.none, ''] : shown.flatMap((s, i) => portraitBlocks(s, i + 1, inputs.portrait(s)));
  return [
    `# ${w.title}`,
    '',
    `*${w.masked}*`,
    '',
    ...overviewHighlights(inputs.overview, { codes: inputs.codes, lang, asOf: runAsOf(sorted), window: inputs.window }),
    `## ${w.portraits(shown.length)}`,
    '',
    ...portraits,
  ];
}
