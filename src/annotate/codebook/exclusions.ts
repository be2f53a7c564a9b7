// Exclusions: an exclude phrase or exclude_regex vetoes every hit of its code in the sentences where it occurs
// ("i missed my flight" is no longing, "meine <anything but a parcel> ist kaputt" no damaged delivery).

import { sentenceOf } from '../text/index.js';
import type { Candidates, CodedText } from './candidates.js';
import type { CompiledCode } from './compile.js';
import { mayMatch } from './prefilter.js';
import { forEachMatch } from './regex.js';

/** The sentences in which one of the code's exclusions occurs. */
function vetoedSentences(t: CodedText, code: CompiledCode): Set<number> {
  const vetoed = new Set<number>();
  if (code.exclude.length > 0) {
    for (let i = 0; i < t.tokens.length; i++) if (code.excludeList.holdsAt(t.tokens, i)) vetoed.add(t.tokens[i]!.sentence);
  }
  for (const regex of code.excludeRegexes) {
    if (!mayMatch(regex, t.possible)) continue;
    const { re } = regex;
    forEachMatch(re, t.blanked, (m) => {
      const last = sentenceOf(t.sentenceEnds, m.index + Math.max(0, m[0].length - 1));
      for (let sentence = sentenceOf(t.sentenceEnds, m.index); sentence <= last; sentence++) vetoed.add(sentence);
    });
  }
  return vetoed;
}

/** Drops the candidates that an exclusion of their code vetoes. */
export function applyExclusions(t: CodedText, codes: readonly CompiledCode[], candidates: Candidates): void {
  codes.forEach((code, c) => {
    const list = candidates[c];
    if ((code.exclude.length === 0 && code.excludeRegexes.length === 0) || !list || list.length === 0) return;
    const vetoed = vetoedSentences(t, code);
    if (vetoed.size > 0) candidates[c] = list.filter((cand) => !vetoed.has(cand.sentence));
  });
}
