// The few codes and code categories that thick's judgements read, declared in one place with what each is used
// for. profile/ and report/ ask `signals.is('pain', code)` instead of naming code ids, so a user codebook can rename,
// add or drop codes, and the CLI can say which judgement loses what when a codebook leaves a signal out.

/** What a code is (its id, category and label); the active codebook's codes, or unknown codes read by their id prefix. */
export interface CodeKind {
  id: string;
  category: string;
  /** How the codebook names the code; without one, judgements name it by its id. */
  label?: { en: string; de: string };
}

export interface SignalDeclaration {
  /** Codes of this category carry the signal (a user's own `pain.parking` counts as a pain). */
  category?: string;
  /** These code ids carry the signal. */
  codes?: readonly string[];
  /** Which judgements read the signal: shown when a codebook lacks it. */
  usedFor: string;
}

export const SIGNALS = {
  pain: {
    category: 'pain',
    usedFor: 'the at-risk stage (mostly negative with pain points), attention (recent complaints), the opener that acknowledges a pain, complaints on the timeline',
  },
  longing: { category: 'longing', usedFor: 'the opener that picks up a wish' },
  life: { category: 'life', usedFor: 'the opener that asks how a life event went' },
  role: { category: 'role', usedFor: 'the opener that speaks to the role a customer takes' },
  turningAway: {
    codes: ['trust.loyalty-withheld'],
    usedFor: 'the at-risk stage ("turning away or loyalty refused came up") and the opener that asks what would win them back; a cancellation they suffered is a pain like others',
  },
  cancellation: {
    codes: ['pain.cancellation'],
    usedFor: 'openers: a cancellation the customer made themselves ("please cancel my order") is not asked about as a pending pain',
  },
  question: { codes: ['dialog.question'], usedFor: 'dialog (a closing reply that asks something still needs an answer) and attention (open questions)' },
  complaint: { codes: ['dialog.complaint'], usedFor: 'dialog (a reply that complains still needs an answer) and the advocate stage (no complaint left open)' },
  responseNeeded: { codes: ['action.response-needed'], usedFor: 'dialog (a reply that needs a response is not a closing word)' },
  praise: { codes: ['dialog.praise'], usedFor: 'the advocate stage ("praised the brand") and the opener that thanks for praise' },
  suggestion: {
    codes: ['dialog.suggestion', 'action.suggestion'],
    usedFor: 'the opener that picks up a wish, and ideas in analyst notes',
  },
  supporter: {
    codes: ['role.recommender', 'role.helper', 'role.advisor'],
    usedFor: 'the advocate stage (recommends, helps or advises others) and the opener that thanks them for it',
  },
  mistrust: {
    codes: ['trust.prepayment', 'trust.proof-demanded'],
    usedFor: "the portrait's experience line (prepayment or proof demanded is mistrust the customer feels, like a pain)",
  },
  critic: { codes: ['role.critic'], usedFor: 'the opener for critics (their criticism is taken up, never thanked for)' },
  notMeaningful: { codes: ['action.not-meaningful'], usedFor: 'choosing telling quotes (a text coded as not meaningful is quoted last), and the run\'s themes (a record that says nothing is no theme)' },
} as const satisfies Record<string, SignalDeclaration>;

export type Signal = keyof typeof SIGNALS;

/** Answers "does this code carry that signal?" for one codebook, and names its codes. */
export interface Signals {
  is(signal: Signal, code: string): boolean;
  /** The codebook's label of a code in both languages; a code it does not know is named by its id. */
  label(code: string): { en: string; de: string };
}

const prefixOf = (code: string): string => code.split('.')[0] ?? code;

/**
 * Signals for a codebook's codes. A code the codebook does not know (an analyst's own code) is read by its id's
 * prefix, "pain.x" as a pain; without a codebook every code is.
 */
export function signalsFor(codes: readonly CodeKind[] = []): Signals {
  const category = new Map(codes.map((c) => [c.id, c.category]));
  const labels = new Map(codes.filter((c) => c.label).map((c) => [c.id, c.label!]));
  return {
    label: (code) => labels.get(code) ?? { en: code, de: code },
    is(signal, code) {
      const declared: SignalDeclaration = SIGNALS[signal];
      if (declared.codes?.includes(code)) return true;
      return declared.category !== undefined && (category.get(code) ?? prefixOf(code)) === declared.category;
    },
  };
}

/** A signal the codebook cannot produce, and which judgements lose it. */
export interface MissingSignal {
  signal: Signal;
  /** The declared code ids (or "category <name>") that the codebook lacks. */
  missing: string[];
  usedFor: string;
}

/**
 * Which declared signals a codebook leaves out: a category with no code, or a declared code id it does not have.
 * A signal carried by several codes is reported with the ones missing, even when others remain.
 */
export function missingSignals(codes: readonly CodeKind[]): MissingSignal[] {
  const ids = new Set(codes.map((c) => c.id));
  const categories = new Set(codes.map((c) => c.category));
  const result: MissingSignal[] = [];
  for (const [signal, declared] of Object.entries(SIGNALS) as [Signal, SignalDeclaration][]) {
    const missing: string[] = [];
    if (declared.category !== undefined && !categories.has(declared.category)) missing.push(`category ${declared.category}`);
    // A declared code keeps its signal in any category: it is declared by id.
    for (const code of declared.codes ?? []) if (!ids.has(code)) missing.push(code);
    if (missing.length > 0) result.push({ signal, missing, usedFor: declared.usedFor });
  }
  return result;
}
