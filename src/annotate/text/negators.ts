// Negation words: the one list (lexicons/negators.json) that sentiment, the codebook and the trained classifier
// negate with. Each annotator still decides what a negation reaches (sentiment: the next few words of the clause;
// codebook: a hit at most two words later); the words themselves are the same for all.

import type { Lang } from '../../model.js';
import { foldKey } from './fold.js';
import { lexiconFile } from './lexicon-file.js';

export type NegatorLang = 'en' | 'de';

interface NegatorsFile {
  negators: Record<NegatorLang, string[]>;
  negationBreakers: Record<NegatorLang, string[]>;
  postNegators: { de: string[] };
}

export interface Negators {
  /** Single-word negators, folded ("not", "dont", "keine"). */
  readonly words: ReadonlySet<string>;
  /** Multi-word negators, folded ("noch nie"): for matchers that read phrases. */
  readonly phrases: readonly string[];
  /** Words that cancel a negator right before them: "not only", "nicht nur" do not negate. */
  readonly breakers: ReadonlySet<string>;
  /** German negators that may stand after their verb at the end of a clause ("gefällt mir nicht"). */
  readonly afterVerb: ReadonlySet<string>;
  /** English is among the languages: any word ending in "n't" negates ("shan't"), listed or not. */
  readonly contractions: boolean;
}

let file: NegatorsFile | null = null;
const byLanguages = new Map<string, Negators>();

function build(langs: readonly NegatorLang[]): Negators {
  file ??= lexiconFile<NegatorsFile>('negators.json');
  const all = langs.flatMap((lang) => file!.negators[lang]);
  return {
    words: new Set(all.filter((w) => !w.includes(' ')).map(foldKey)),
    phrases: all.filter((w) => w.includes(' ')).map(foldKey),
    breakers: new Set(langs.flatMap((lang) => file!.negationBreakers[lang]).map(foldKey)),
    afterVerb: new Set(langs.includes('de') ? file.postNegators.de.map(foldKey) : []),
    contractions: langs.includes('en'),
  };
}

/** The negators of these languages (read once, cached per language list; order only orders `phrases`). */
export function negatorsFor(langs: readonly NegatorLang[]): Negators {
  const key = langs.join('+');
  let negators = byLanguages.get(key);
  if (!negators) {
    negators = build(langs);
    byLanguages.set(key, negators);
  }
  return negators;
}

/**
 * The negators a text in this language is read with: German texts borrow English negation ("no way", "never"),
 * texts of undetected language get both.
 */
export function negatorsOf(lang: Lang): Negators {
  // Asked for every text by several annotators: kept per language rather than looked up by a joined key each time.
  let negators = byLang.get(lang);
  if (negators === undefined) {
    negators = negatorsFor(lang === 'en' ? ['en'] : lang === 'de' ? ['de', 'en'] : ['en', 'de']);
    byLang.set(lang, negators);
  }
  return negators;
}
const byLang = new Map<Lang, Negators>();

/** Whether a folded word negates what follows it. */
export function isNegator(negators: Negators, folded: string): boolean {
  return negators.words.has(folded) || (negators.contractions && folded.endsWith("n't"));
}
