// The tokenizer every annotator reads a customer text with (short texts: tweets, comments, tickets, reviews).
// One pass yields every token with its kind, its text as written, its normal and folded forms, its offsets in the
// text and the index of its sentence. Annotators pick the kinds they need: sentiment keeps what carries feeling
// (words, emoji, emoticons, "!" and "?") and the clause breaks; the codebook matches words and numbers; language
// detection reads the words. URLs, e-mail addresses, @handles and HTML entities are not the customer's words and
// are tokens of their own kinds, so nobody mistakes them for text.

import { foldLowerCase, normaliseWord } from './fold.js';
import { assignSentences } from './sentences.js';

export type TokenKind =
  | 'word'
  | 'number'
  | 'emoji'
  | 'emoticon'
  | 'mention'
  | 'url'
  | 'email'
  | 'entity'
  | 'bang'
  | 'question'
  | 'stop';

export interface Token {
  readonly kind: TokenKind;
  /** The text as written (for words: used to see capitals, ALL-CAPS emphasis). */
  readonly raw: string;
  /**
   * Words: lower case, apostrophe unified. Numbers: the digits without a final ordinal or date dot ("3." → "3").
   * Emoji: the pictograph. Emoticons: one mouth (":)))" → ":)"). Mentions: the lower-cased handle. Breaks: ".".
   */
  readonly norm: string;
  /** Words: `fold(norm)` (ä→ae, accents dropped), the form lexicons and codebooks compare. Other kinds: `norm`. */
  readonly folded: string;
  /** Offsets of the token in the text: text.slice(start, end) === raw. */
  readonly start: number;
  readonly end: number;
  /** 0-based index of the sentence the token belongs to; a sentence's final punctuation belongs to it. */
  readonly sentence: number;
  /** True for the words and numbers a hashtag was split into (#WorstAirlineEver → worst, airline, ever). */
  readonly hashtag: boolean;
}

/** A token while its text is being read: the sentence splitter sets its sentence. */
export type OpenToken = { -readonly [K in keyof Token]: Token[K] };

/** A tokenized text: its tokens and the offsets where its sentences end (see sentences.ts). */
export interface ReadText {
  text: string;
  tokens: readonly Token[];
  /** Offset of the punctuation or line break that ends each sentence, ascending. */
  sentenceEnds: readonly number[];
}

// Order matters: URLs and handles go before emoticons (":/" in "https://") and words; emoticons before words ("xD").
const URL = String.raw`(?:[hH][tT][tT][pP][sS]?:\/\/|[wW]{3}\.)\S+`;
const HANDLE = String.raw`@[\p{L}\p{N}_]+`;
const HASHTAG = String.raw`#[\p{L}\p{N}_]+`;
const ENTITY = String.raw`&#?[a-zA-Z0-9]+;`;
// Eyes, optional nose, mouth (repeatable); plus the common sideways and Asian-style faces.
const EMOTICON =
  String.raw`(?<!\p{N})(?:>?[:;=][-'o^]?(?:\)+|\(+|D+|P+|p+|\/|\\|\|+|\*|@|O|o|\]+|\[+)|<\/?3+|\^_?\^|-[_.]-|o_O|O_o|\(:|\):)(?![\p{L}\p{N}])` +
  String.raw`|(?<!\p{L})(?:xD+|XD+|D:)(?![\p{L}\p{N}])`;
const EMOJI = String.raw`\p{Extended_Pictographic}`;
// A word starts with a letter and may go on with letters and digits ("iPhone15", "B2B"); inner apostrophes join
// (don't, geht's). Digits before letters are a number of their own: "24hrs" is "24 hrs", "2day" is "2 day", so
// the lexicons' "hrs" and "day" are found.
const WORD = String.raw`\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*`;
// A number's punctuation is part of it, so it breaks no clause and ends no sentence: the comma in "49,90 €", the
// colon in "12:30" and the dots in a German date ("am 02.07. gekündigt") or an ordinal ("zum 3. Mal"). A date's
// final dot still ends the sentence when a capital follows ("Heute ist der 15.07. Auf meinem Konto"); an
// ordinal has one or two digits.
const NUMBER = String.raw`\p{N}{1,2}\.(?=[ \t]+\p{L})|\p{N}+(?:[.,:/]\p{N}+)*(?:\.(?=[ \t]+\p{Ll}))?`;
const STOP = String.raw`[.,;:…()\[\]\n\r]|\s[-–—]\s`;

// One capture group per kind, in this order.
const KINDS = ['url', 'mention', 'hashtag', 'entity', 'emoticon', 'emoji', 'word', 'bang', 'question', 'number', 'stop'] as const;
const TOKEN_RE = new RegExp(
  [URL, HANDLE, HASHTAG, ENTITY, EMOTICON, EMOJI, WORD, '!', String.raw`\?`, NUMBER, STOP].map((p) => `(${p})`).join('|'),
  'gu',
);

// camelCase and letter/digit boundaries inside a hashtag: #WorstAirlineEver → Worst Airline Ever.
const HASHTAG_SPLIT = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;
const HASHTAG_WORD = /^\p{L}[\p{L}\p{M}\p{N}]*$/u;
const DIGITS = /^\p{N}+$/u;

/** Emoticons are matched with a repeatable mouth (":)))"); this reduces them to one mouth (":)"). */
export function normaliseEmoticon(emoticon: string): string {
  return emoticon.replace(/([)(DPp|\]\[3])\1+$/, '$1');
}

function token(kind: TokenKind, raw: string, start: number, norm: string, folded = norm, hashtag = false): OpenToken {
  return { kind, raw, norm, folded, start, end: start + raw.length, sentence: 0, hashtag };
}

const NON_ASCII = /[^\x00-\x7f]/;

function wordToken(raw: string, start: number, hashtag = false): OpenToken {
  if (!NON_ASCII.test(raw)) {
    const lower = raw.toLowerCase(); // an ASCII word has no ’ and nothing to fold
    return token('word', raw, start, lower, lower, hashtag);
  }
  const norm = normaliseWord(raw);
  return token('word', raw, start, norm, foldLowerCase(norm), hashtag);
}

function numberToken(raw: string, start: number, hashtag = false): OpenToken {
  const norm = raw.endsWith('.') ? raw.slice(0, -1) : raw;
  return token('number', raw, start, norm, norm, hashtag);
}

/** A hashtag is the words it is made of; its digits are numbers. */
function pushHashtag(tokens: OpenToken[], tag: string, start: number): void {
  let offset = start + 1; // after '#'
  for (const chunk of tag.slice(1).split('_')) {
    for (const part of chunk.split(HASHTAG_SPLIT)) {
      if (HASHTAG_WORD.test(part)) tokens.push(wordToken(part, offset, true));
      else if (DIGITS.test(part)) tokens.push(numberToken(part, offset, true));
      offset += part.length;
    }
    offset += 1; // the '_'
  }
}

function tokenOf(kind: (typeof KINDS)[number], raw: string, start: number): OpenToken | null {
  switch (kind) {
    case 'word':
      return wordToken(raw, start);
    case 'number':
      return numberToken(raw, start);
    case 'mention':
      return token('mention', raw, start, raw.toLowerCase());
    case 'emoticon':
      return token('emoticon', raw, start, normaliseEmoticon(raw));
    case 'stop':
      return token('stop', raw, start, '.');
    case 'hashtag':
      return null; // split by pushHashtag
    default:
      return token(kind, raw, start, raw);
  }
}

// An e-mail address starts like a word or number; it is looked for only where one is followed by a character an
// address can go on with, which keeps the one big expression above fast.
const EMAIL_AT = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/y;
const EMAIL_GOES_ON = /[@._+-]/;

/** The e-mail address starting at `start`, if the word or number found there is the start of one. */
function emailAt(text: string, start: number, end: number): string | null {
  if (!EMAIL_GOES_ON.test(text.charAt(end))) return null;
  EMAIL_AT.lastIndex = start;
  return EMAIL_AT.exec(text)?.[0] ?? null;
}

function scan(text: string): OpenToken[] {
  const tokens: OpenToken[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    let group = 1;
    while (m[group] === undefined) group++;
    const kind = KINDS[group - 1]!;
    const email = kind === 'word' || kind === 'number' ? emailAt(text, m.index, m.index + m[0].length) : null;
    if (email !== null) {
      tokens.push(token('email', email, m.index, email.toLowerCase()));
      TOKEN_RE.lastIndex = m.index + email.length;
    } else if (kind === 'hashtag') pushHashtag(tokens, m[0], m.index);
    else tokens.push(tokenOf(kind, m[0], m.index)!);
  }
  return tokens;
}

// Annotators run one after another on the same text (language, sentiment, codebook): the last text read is kept,
// so a text is tokenized once however many annotators read it.
let last: ReadText | null = null;

/** Tokens and sentence ends of a text. Tokens are shared between callers: read them, never change them. */
export function readText(text: string): ReadText {
  if (last !== null && last.text === text) return last;
  const tokens = scan(text);
  const sentenceEnds = assignSentences(text, tokens);
  last = { text, tokens, sentenceEnds };
  return last;
}

/** Splits a text into tokens (see Token); shorthand for readText(text).tokens. */
export function tokenize(text: string): readonly Token[] {
  return readText(text).tokens;
}
