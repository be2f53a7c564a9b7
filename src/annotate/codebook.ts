// The codebook: the qualitative codes thick looks for in customer texts (pain points, longings, trust signals,
// roles, life events, dialog acts, actions), how they are written down (YAML/JSON, validated with zod), and a
// rule matcher that finds them with evidence.
//
// Where things are: codebook/schema.ts (schema, loading, the default codebook, merging), codebook/compile.ts
// (compilation), and one file per matching rule — codebook/entries.ts (words, stems, compounds), phrases.ts,
// regex.ts, exclusions.ts, negation.ts, sign-off.ts, ruled-out.ts, implied.ts — run in order by codebook/match.ts.
// Text is read with the kernel in text/.
//
// Pattern semantics (all matching is case-insensitive and umlaut-insensitive):
// - Text is normalised ("folded"): lower case, ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped (é→e), so
//   "Verspätung", "VERSPÄTUNG" and "Verspaetung" are the same token. Pattern entries are folded the same way.
// - Tokens are the words and numbers of the text kernel's tokenizer (annotate/text/): runs of letters/digits
//   starting with a letter (with inner apostrophes: don't), and numbers; digits before letters are a number of
//   their own ("24hrs" is "24 hrs"). Hyphens split tokens, so "No-Reply-Mail" is "no reply mail". @handles, URLs
//   and e-mail addresses are not text and never match; a hashtag is its words (#LostLuggage is "lost luggage").
// - words: an entry matches a whole token. In German (lang 'de' or 'other'), an entry of ≥ 6 letters also matches
//   as the tail of a compound noun, with a head of ≥ 3 letters and an optional inflection ending
//   (e, n, en, es, s, er, ern): "schaden" matches "Totalschaden", "hotline" matches "Servicehotlines".
// - Compounds are nouns, and German nouns are capitalised: compound tails are only matched in tokens with a
//   capital initial, or anywhere in a text written all in lower case. So "verdanke" is not "danke".
// - stems: an entry matches a token whose stem (thick's Snowball German stemmer for `de`, Porter English for
//   `en`; both for lang 'other') starts with the entry (equal included). Entries are written as stem prefixes:
//   "verspät" matches Verspätung, verspätet, Verspätungen. German entries of ≥ 6 letters also match inside a
//   compound, after a head of ≥ 3 letters: "verspät" matches "Paketverspätung", "erstatt" matches "Rückerstattung".
// - phrases: a sequence of tokens, matched token by token; a token ending in "*" matches any token starting with
//   it ("warte* seit" matches "warten seit", "wartet seit"); a lone "*" matches any one token ("seit * tagen").
// - regex: JavaScript regular expression source, run case-insensitively (flags "iu") on the original text with
//   handles/URLs blanked out (same offsets).
// - exclude: phrases (same syntax) that veto every hit of this code in the sentence where they occur.
// - exclude_regex: regular expressions (same flags as regex) that veto every hit of this code in the sentences
//   they touch — for exclusions a phrase cannot say ("meine <anything but a parcel> ist kaputt").
// - negatable (optional, per code): a word, stem, compound or phrase hit right after a negation in the same clause
//   (not, no, never, without, n't; nicht, kein…, nie, ohne — the negators of lexicons/negators.json for the text's
//   language — at most two tokens before, no punctuation between, "not only"/"nicht nur" excepted) does not count:
//   "no delay", "keine Verspätung", "nicht beschädigt".
// - Sign-offs: a closing made only of thanks and greeting formulas, perhaps followed by a name ("Danke, Thomas",
//   "Thanks, Mike", "Danke und Gruß", "MfG Petra Schulz"), ends a message that has other content; no code is
//   found inside it: such thanks are politeness, not praise.
// - implied_by (optional): code ids, or "<category>.*", whose hits also count as a hit of this code when it has
//   no evidence of its own ("a complaint expects an answer": action.response-needed is implied by dialog.complaint).
// - ruled_out_by (optional): code ids, or "<category>.*": where one of them has evidence of its own in a text, this
//   code is not found there, neither by its own evidence nor implied. dialog.praise is ruled out by
//   action.not-meaningful, so "ok" under five stars is no praise (codebook/ruled-out.ts).
// - Second signals (codebook/conditions.ts): a condition says what the record must be, beside its words —
//   `conversation` (true: a conversation the customer opened with the brand, which expects an answer), `kinds`
//   (record kinds), `tone` (the writer's own verdict: the rating's tone when rated, else the text's sentiment label)
//   and `rated`; all given keys must hold. `not` (a flat condition of the same keys) excludes the records it
//   describes: `not: { rated: true, tone: positive }` is any record but a well-rated one. `when` on a code: every hit of it, implied ones too, needs the condition.
//   `rules`: further patterns (words, stems, phrases, regex) that count only under their `when`; a rule with no
//   patterns is a signal, the condition alone is the evidence (a 1–2★ review with words of its own is a complaint).
//   `implied_when`: an implied hit also needs this.
// - experimental (per code): matched, but kept out of reports and annotate output unless --all-codes; for codes
//   measured too imprecise to show (scripts/eval-codes-real.js).

import { isCustomerVoice, type Annotation } from '../model.js';
import { maker, wordRulesLanguage, type Annotator } from './annotator.js';
import { factsOf } from './codebook/conditions.js';
import { matchCodes, matchRecordSignals } from './codebook/match.js';

export { compileCodebook, type CompiledCodebook } from './codebook/compile.js';
export { BARE_TEXT, factsOf, type RecordFacts } from './codebook/conditions.js';
export { matchCodes, matchRecordSignals, type CodeHit } from './codebook/match.js';
export { quoteAround } from './codebook/quote.js';
export { mergeCodebooks, parseCodebook, type Code, type Codebook } from './codebook/schema.js';

// ---------------------------------------------------------------------------------------------------------------
// Annotator

/**
 * Codes for what customers say, in the event's language when known, else detected, with what the record is (kind,
 * conversation or not, rating, tone) for the codebook's conditional rules. A text in a language thick does not read
 * gets only the codes its record gives (a 1★ review is a complaint). Experimental codes are matched (other codes
 * may be implied by them) but kept out of the output unless ctx.allCodes.
 */
export const codebookAnnotator: Annotator = (event, ctx) => {
  // Only the customer's own words: not the brand's replies, not analysts' notes (analysts code those), not product names.
  if (!isCustomerVoice(event)) return {};
  const text = event.text!;
  const lang = wordRulesLanguage(event);
  const facts = factsOf(event);
  const hits = lang === null ? matchRecordSignals(text, ctx.codebook, facts) : matchCodes(text, lang, ctx.codebook, facts);
  const shown = (code: string) => ctx.allCodes === true || !ctx.codebook.experimental.has(code);
  const annotations: Annotation[] = hits.filter((hit) => shown(hit.code)).map((hit) => ({
    code: hit.code,
    quote: hit.quote,
    source: event.source,
    by: maker('rule', hit.rule),
    confidence: hit.confidence,
  }));
  return annotations.length > 0 ? { annotations } : {};
};
