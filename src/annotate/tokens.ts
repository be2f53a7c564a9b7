// A small tokenizer for short customer texts (tweets, comments, tickets, reviews).
// It keeps what carries feeling (words, emoji, emoticons, "!" and "?") and drops what does not
// (URLs, @handles, numbers), and it marks clause breaks so negation and "but" can be scoped.

export type TokenKind = 'word' | 'emoji' | 'emoticon' | 'mention' | 'bang' | 'question' | 'stop';

export interface Token {
  kind: TokenKind;
  /** The text as written (for words: used to see ALL-CAPS emphasis). */
  raw: string;
  /** Lower-cased word (apostrophes unified), the first pictograph of an emoji, or the emoticon with its mouth de-repeated. */
  norm: string;
}

// Order matters: URLs and handles go before emoticons (":/" in "https://"), emoticons before words ("xD").
const URL = String.raw`(?:https?:\/\/|www\.)\S+`;
const HANDLE = String.raw`@[\p{L}\p{N}_]+`;
const HASHTAG = String.raw`#([\p{L}\p{N}_]+)`;
// Eyes, optional nose, mouth (repeatable); plus the common sideways and Asian-style faces.
const EMOTICON =
  String.raw`(?<!\p{N})(?:>?[:;=][-'o^]?(?:\)+|\(+|D+|P+|p+|\/|\\|\|+|\*|@|O|o|\]+|\[+)|<\/?3+|\^_?\^|-[_.]-|o_O|O_o|\(:|\):)(?![\p{L}\p{N}])` +
  String.raw`|(?<!\p{L})(?:xD+|XD+|D:)(?![\p{L}\p{N}])`;
const EMOJI = String.raw`\p{Extended_Pictographic}`;
const WORD = String.raw`\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*`;
// Numbers carry no feeling and are dropped, but their punctuation must not break clauses: the comma
// in "49,90 €", the colon in "12:30" and the dots in a German date ("am 02.07. gekündigt") or an
// ordinal ("zum 3. Mal") are part of the number. A date's final dot still ends the sentence when a
// capital follows ("Heute ist der 15.07. Auf meinem Konto"); an ordinal has one or two digits.
const NUMBER = String.raw`\p{N}{1,2}\.(?=[ \t]+\p{L})|\p{N}+(?:[.,:/]\p{N}+)*(?:\.(?=[ \t]+\p{Ll}))?`;
const BANG = '!';
const QUESTION = String.raw`\?`;
const STOP = String.raw`[.,;:…()\[\]\n\r]|\s[-–—]\s`;

const TOKEN_RE = new RegExp(
  `(${URL})|(${HANDLE})|${HASHTAG}|(${EMOTICON})|(${EMOJI})|(${WORD})|(${BANG})|(${QUESTION})|(?:${NUMBER})|(${STOP})`,
  'gu',
);

// camelCase and letter/digit boundaries inside a hashtag: #WorstAirlineEver → Worst Airline Ever.
const HASHTAG_SPLIT = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;
const HASHTAG_PART = /^\p{L}[\p{L}\p{M}\p{N}]*$/u;

/** Lower-cases a word and unifies the typographic apostrophe. */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

const UMLAUT_RE = /[äöüß]/;
const UMLAUT_ALL = /[äöüß]/g;
const UMLAUT_ASCII: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * Folds German special letters to their ASCII spelling (ä→ae, ö→oe, ü→ue, ß→ss) so that
 * "pünktlich" and "puenktlich", "Spaß" and "Spass" meet. Folding only goes this way: unfolding
 * "ue" would be ambiguous ("neue", "Steuer").
 */
export function foldGerman(lower: string): string {
  return UMLAUT_RE.test(lower) ? lower.replace(UMLAUT_ALL, (c) => UMLAUT_ASCII[c] ?? c) : lower;
}

/** Emoticons are matched with a repeatable mouth (":)))"); this reduces them to one mouth (":)"). */
export function normaliseEmoticon(emoticon: string): string {
  return emoticon.replace(/([)(DPp|\]\[3])\1+$/, '$1');
}

/** Splits a text into tokens. URLs and numbers are dropped, @handles become bare 'mention' tokens, hashtags become their words. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    if (m[1] !== undefined) continue; // URL: no feeling in it
    if (m[2] !== undefined) {
      // Kept only as a sign that someone is being addressed; its words are never scored.
      tokens.push({ kind: 'mention', raw: m[2], norm: '@' });
      continue;
    }
    const tag = m[3];
    if (tag !== undefined) {
      pushHashtag(tokens, tag);
      continue;
    }
    const emoticon = m[4];
    if (emoticon !== undefined) {
      tokens.push({ kind: 'emoticon', raw: emoticon, norm: normaliseEmoticon(emoticon) });
      continue;
    }
    const emoji = m[5];
    if (emoji !== undefined) {
      tokens.push({ kind: 'emoji', raw: emoji, norm: emoji });
      continue;
    }
    const word = m[6];
    if (word !== undefined) {
      tokens.push({ kind: 'word', raw: word, norm: normaliseWord(word) });
      continue;
    }
    if (m[7] !== undefined) tokens.push({ kind: 'bang', raw: '!', norm: '!' });
    else if (m[8] !== undefined) tokens.push({ kind: 'question', raw: '?', norm: '?' });
    else if (m[9] !== undefined) tokens.push({ kind: 'stop', raw: m[0], norm: '.' });
    // Otherwise a number: dropped.
  }
  return tokens;
}

function pushHashtag(tokens: Token[], body: string): void {
  for (const chunk of body.split('_')) {
    for (const part of chunk.split(HASHTAG_SPLIT)) {
      if (HASHTAG_PART.test(part)) tokens.push({ kind: 'word', raw: part, norm: normaliseWord(part) });
    }
  }
}
