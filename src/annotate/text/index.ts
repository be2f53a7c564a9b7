// The text kernel: the one tokenizer, folding, negator list, stemmer and sentence splitter that every annotator
// reads customer text with. One file per concern; this index is what annotators import.

export { fold, foldKey, isElongated, normaliseWord, unelongate } from './fold.js';
export { lexiconFile, provideLexicons, type LexiconFiles } from './lexicon-file.js';
export { isNegator, negatorsFor, negatorsOf, type NegatorLang, type Negators } from './negators.js';
export { blankNoise } from './noise.js';
export { phraseLengthAt, PhraseList, phraseSteps, stepMatches, type PhraseStep } from './phrases.js';
export { sentenceOf } from './sentences.js';
export { stem, stemCacheSize, STEM_CACHE_LIMIT, type StemLang } from './stem.js';
export { isNoise, isTextToken } from './kinds.js';
export { normaliseEmoticon, readText, tokenize, type ReadText, type Token, type TokenKind } from './tokenize.js';
