// Sign-offs: thanks and greetings that merely close a message are politeness, not praise; no code is found inside
// them.

import type { Token } from '../text/index.js';

// Sign-offs: thanks and greetings closing a message, perhaps with a name ("Danke, Thomas", "Viele Grüße aus Kiel,
// Jens Hansen", "Thanks again, Mike"). A CORE word makes a sentence a closing; FILLER words may stand around it.
// Emphatic thanks ("thank you so much", "vielen herzlichen Dank") are left out on purpose: they are often praise.
const SIGN_OFF_CORE = new Set([
  'danke', 'dank', 'dankeschoen', 'gruss', 'gruesse', 'gruessen', 'gruesschen', 'mfg', 'lg', 'vg', 'bg', 'hochachtungsvoll',
  'tschuess', 'ciao', 'servus', 'thanks', 'thank', 'thx', 'ty', 'tia', 'cheers', 'regards', 'best', 'sincerely', 'bye',
]);
const SIGN_OFF_FILLER = new Set([
  'vielen', 'besten', 'beste', 'lieben', 'liebe', 'viele', 'freundliche', 'freundlichen', 'sonnige', 'schoene', 'mit', 'und',
  'aus', 'im', 'voraus', 'schon', 'mal', 'nochmal', 'nochmals', 'ihnen', 'dir', 'euch', 'bis', 'bald', 'dann', 'you', 'in',
  'advance', 'again', 'kind', 'kindest', 'warm', 'warmest', 'all', 'the', 'with', 'and', 'from', 'yours', 'x', 'xx', 'xoxo',
]);
/** At most this many name tokens (capitalised) in a sign-off: "Gruß aus Kiel, Jens Hansen", "Gruß M. Bauer". */
const SIGN_OFF_MAX_NAMES = 4;

type SignOffSentence = 'closing' | 'names' | 'content';

function signOffSentence(text: string, tokens: readonly Token[], first: number, last: number): SignOffSentence {
  let core = false;
  let names = 0;
  for (let k = first; k <= last; k++) {
    const token = tokens[k]!;
    if (SIGN_OFF_CORE.has(token.folded)) core = true;
    else if (SIGN_OFF_FILLER.has(token.folded)) continue;
    else if (/\p{Lu}/u.test(text[token.start] ?? '')) names += 1;
    else return 'content';
  }
  if (names > SIGN_OFF_MAX_NAMES) return 'content';
  if (!core) return names > 0 && names === last - first + 1 ? 'names' : 'content';
  // "Danke, Thomas" is a closing; "Thomas dankt" is not: a closing starts with a formula word.
  const opener = tokens[first]!.folded;
  return SIGN_OFF_CORE.has(opener) || SIGN_OFF_FILLER.has(opener) ? 'closing' : 'content';
}

/**
 * The offset where the message's sign-off begins, or undefined when it has none: the run of final sentences made
 * only of closing formulas and names, with at least one closing, after some content ("Danke!" alone keeps its thanks).
 */
export function signOffStart(text: string, tokens: readonly Token[]): number | undefined {
  let start: number | undefined;
  let names = 0;
  let last = tokens.length - 1;
  while (last >= 0) {
    const sentence = tokens[last]!.sentence;
    let first = last;
    while (first > 0 && tokens[first - 1]!.sentence === sentence) first -= 1;
    const kind = signOffSentence(text, tokens, first, last);
    if (kind === 'content') break;
    if (kind === 'names') {
      names += last - first + 1;
      if (names > SIGN_OFF_MAX_NAMES) break;
    } else start = tokens[first]!.start;
    last = first - 1;
  }
  return start !== undefined && last >= 0 ? start : undefined;
}
