// Readings: what a sentence says about the state of things, read once here so that profile and report never read
// text themselves. An analyst's note calls an issue solved ("Ersatz ist raus") or holds an idea to use; the brand's
// reply says it solved something ("Wir haben nachgebessert") or promises to ("We will send a replacement today");
// the customer says an issue is over ("all fixed now, the money is back in my account!", "finally back on your network"),
// cancels something themselves ("Please cancel my order"), leaves ("Ich habe gekündigt", "I've cancelled my order and
// bought it at the shop next door"), asks something (a question mark of their own, not one inside a link), or closes an exchange
// ("Thanks!", "Ok, will do", "DM sent"). Each reading is an annotation with the sentence as its quote and `by.kind` "reading": not a
// codebook code, so it is never counted as a code or shown as a theme (READINGS in model.ts).
//
// Notes are short and written by colleagues, replies by support staff, so a few plain phrases read them well. A
// phrase counts only where the sentence states a fact: not negated ("noch nicht erstattet"), not asked ("Is it
// fixed?"), not wished, expected or conditional ("I need this fixed", "once it is resolved"), and for a solved
// issue not taken back in the same sentence ("fixed it, but now …").
import { READINGS, voiceOf, type Annotation, type Event, type Reading, type Voice } from '../model.js';
import { maker, wordRulesLanguage, type Annotator } from './annotator.js';
import { foldKey, isNegator, negatorsOf, PhraseList, readText, type Token } from './text/index.js';

/** Folded token sequences: "*" matches any one word, a word ending in "*" any word that starts with it. */
const phrases = (list: readonly string[]): PhraseList => new PhraseList(list.map((p) => foldKey(p).split(' ')));
const words = (list: readonly string[]): ReadonlySet<string> => new Set(list.map(foldKey));

/** An issue called solved, in a note, a brand reply or the customer's own words. */
const SOLVED = phrases([
  'erledigt', 'erstattet', 'zurückerstattet', 'gutgeschrieben', 'gelöst', 'behoben', 'geklärt', 'rückbuchung am',
  'ersatz ist raus', 'ersatz ist unterwegs', 'ersatz verschickt', 'ersatz geschickt', 'ersatz versandt', 'nachgebessert',
  'funktioniert wieder', 'klappt wieder', 'läuft wieder', 'wurde gefunden',
  'resolved', 'refunded', 'reimbursed', 'solved', 'fixed', 'credited', 'sorted', 'sorted out',
  'sent a replacement', 'sent the replacement', 'sent * a replacement', 'replacement sent', 'replacement shipped',
  'replacement is out', 'replacement on its way', 'working again', 'works again', 'back up and running',
  "i'm back", 'i am back', 'am back', 'am * back', 'finally back', "we're back", 'we are back', 'been found', 'been located',
  'got my refund', 'received my refund', 'refund came through', 'got the refund', 'got a refund', 'received the refund',
  'received a refund', 'geld zurückbekommen', 'geld zurück erhalten', 'erstattung erhalten', 'erstattung bekommen',
]);

/** An idea, offer, recommendation or promise in an analyst's note: something to act on or follow through. */
const IDEA = phrases([
  'empfohlen', 'empfehlen', 'anbieten', 'angeboten', 'bietet', 'vorschlag', 'vorgeschlagen', 'idee', 'sollte', 'sollten',
  'könnte', 'könnten', 'wäre', 'wären', 'fragen ob', 'versprochen', 'zugesagt', 'legen wir', 'schicken wir', 'eingeladen',
  'weitergegeben', 'recommend', 'recommended', 'invited', 'passed on', 'forwarded', 'suggest*', 'idea', 'offer*', 'should',
  'could', 'promise*', 'we will', "we'll", 'ask whether', 'ask if',
]);

/** The brand's promise to do something: what a later contact should check happened. */
const PROMISE = phrases([
  'we will', "we'll", 'i will', "i'll", 'we are going to', "we're going to", 'will be sent', 'will be refunded',
  'will be credited', 'will be replaced', 'will be fixed', 'will be resolved', 'will be in touch', 'will get back',
  'will reach out', 'we are working on', "we're working on", 'we are looking into', "we're looking into",
  "we've forwarded", 'we have forwarded', "we've escalated", 'we have escalated', "we've passed", 'we have passed',
  'wir werden', 'werden wir', 'wir arbeiten', 'arbeiten * daran', 'arbeiten bereits', 'wir kümmern uns', 'kümmern wir uns',
  'wir melden uns', 'melden wir uns', 'wir schicken', 'schicken wir', 'wir senden', 'senden wir', 'wir rufen', 'rufen wir',
  'wir erstatten', 'erstatten wir', 'wir prüfen', 'prüfen wir', 'wir überarbeiten', 'weitergeleitet', 'weitergegeben',
  'wird behoben', 'wird erstattet', 'wird * erstattet', 'wird gutgeschrieben',
]);

/** The customer cancelling something themselves (German "kündigen" always means a contract). */
const OWN_CANCELLATION_DE = phrases(['ich kündige', 'kündige ich', 'habe * gekündigt', 'hab * gekündigt', 'habe gekündigt', 'hab gekündigt', 'haben gekündigt', 'haben * gekündigt', 'ich werde kündigen', 'werde * kündigen', 'wir kündigen', 'habe * storniert', 'hab * storniert', 'habe storniert', 'storniere']);
const OWN_CANCELLATION_EN = phrases([
  'i cancel*', "i've cancel*", 'i have cancel*', 'i just cancel*', "i'm cancel*", 'i am cancel*', 'i will cancel*', "i'll cancel*",
  'i want to cancel*', "i'm going to cancel*", 'we cancel*', "we've cancel*", 'we have cancel*', "we're cancel*",
  // "Time to cancel my Prime membership", "Please cancel my order": not "you cancelled my order".
  'to cancel* my', 'to cancel* our', 'please cancel* my', 'please cancel* our',
]);
/** What one ends a relationship by cancelling: English "cancel" is also said of a trip or an order. */
const CONTRACT = words(['subscription', 'contract', 'account', 'membership', 'plan', 'service', 'prime', 'abo', 'vertrag']);
/** A cancellation only thought of: "If I cancel I lose the deposit". */
const HYPOTHETICAL = words(['if', 'unless', 'wenn', 'falls']);
/** Gone elsewhere, said in the same sentence as their own cancellation: "I've cancelled my order and bought it at the shop next door". */
const ELSEWHERE = phrases(['gone to', 'switched to', 'switching to', 'moved to', 'went with', 'going with', 'instead', 'elsewhere', 'woanders', 'konkurrenz', 'gewechselt', 'wechsle']);
/** Ending the relationship in so many words. */
const LEAVING = phrases(["don't want to be a customer", 'no longer * customer', 'close my account', 'delete my account', 'close our account', 'mein konto löschen', 'konto kündigen']);

/**
 * Closing words to the brand: thanks, agreement, or having done what was asked ("DM sent", "just did"), early in a
 * sentence. A reply that only gives the details asked for ("My account number is …") or argues on is no closing
 * word: it awaits the brand.
 */
const CLOSING = phrases([
  'thanks', 'thank you', 'thank u', 'thx', 'ty', 'cheers', 'appreciate*', 'will do', 'got it', 'no worries',
  'no problem', 'sounds good', 'danke*', 'vielen dank', 'merci', 'alles klar', 'mach ich',
]);
/** Having done what was asked closes only in a short sentence: "DM sent", "Replied.", not "I sent it three times …". */
const CLOSING_DONE = phrases([
  'just did', 'dm sent', 'dm', "dm'd", 'dmed', 'sent', 'sent you', 'sending you', 'replied', 'responded', 'gemacht',
  'geschickt', 'gesendet', 'erledigt',
]);
const CLOSING_DONE_WORDS = 6;
/** Words that close only as a sentence's first word: "Ok, will do", "Perfect!", not "I'm sure it would …". */
const CLOSING_LEAD = phrases([
  'ok', 'okay', 'sure', 'great', 'perfect', 'awesome', 'brilliant', 'done', 'noted', 'understood', 'super', 'passt',
  'verstanden', 'prima',
]);
/** How far into a sentence a closing word may come: "Not yet, but thanks for asking". */
const CLOSING_REACH = 5;
/**
 * What else a closing reply may say: short asides ("Oh well!", "Not sure what happened."), no details (a number) and
 * nothing longer. "My account number is 4711 and I am on the big plan. Thanks" gives the brand something to do.
 */
const ASIDE_WORDS = 7;
/** Thanks that ask for more: "Thanks in advance!", "Danke im Voraus". */
const THANKS_AHEAD = phrases(['in advance', 'im voraus', 'vorab']);

/** Words that make a sentence a wish, an expectation, a condition or a request, not a statement of fact. */
const UNSETTLED = words([
  'want', 'wants', 'wanted', 'would', 'need', 'needs', 'needed', 'hope', 'hoping', 'hopefully', 'expect', 'expected',
  'expecting', 'until', 'till', 'if', 'unless', 'when', 'once', 'whether', 'get', 'will', "won't", 'should', 'supposed',
  'going', 'wenn', 'falls', 'sobald', 'bis', 'soll', 'sollte', 'sollen', 'muss', 'müsste', 'hoffe', 'hoffentlich',
  'möchte', 'wollte', 'wird', 'werden', 'wann', 'ob', 'hätte', 'wäre', 'würde', 'gern', 'gerne', 'angeblich', 'supposedly',
  'allegedly',
]);
/** A "but" after the phrase takes a solved issue back within the sentence ("fixed it, but now …", "… and it broke …"). */
const CONTRAST = words(['but', 'however', 'although', 'though', 'yet', 'still', 'broke', 'broken', 'aber', 'jedoch', 'doch', 'trotzdem', 'allerdings', 'immer', 'nur', 'kaputt']);
/** A promise that waits on the customer, or a courtesy, is nothing to check: "If you DM us, we'll …", "Gern kümmern wir uns". */
const CONDITIONAL = phrases([
  'if', 'once', 'please', 'dm', 'send us', 'send me', 'tell us', 'tell me', 'connect with', 'write to', 'need',
  'hopefully', 'hope', 'happy', 'glad', 'love', 'then', 'wenn', 'falls', 'sobald', 'bitte', 'gern', 'gerne',
  'hoffentlich', 'dann', 'anschließend', 'darauf', 'daraufhin',
  // a courtesy about the customer's next visit: "We look forward to having you back any time!", "Wir freuen uns auf Ihren Besuch"
  'waiting for you', 'see you', 'anytime', 'any time', 'welcome', 'freuen uns', 'uns freuen', 'begrüßen', 'wiedersehen',
]);

/** Negators this close before a phrase negate it ("noch nicht erstattet", "still hasn't been fixed"). */
const NEGATION_WINDOW = 3;

const isWord = (t: Token): boolean => t.kind === 'word' || t.kind === 'number';

/**
 * Negated by a word shortly before ("noch nicht erstattet", "still hasn't been fixed"), or, as German puts it, by a
 * negator right after ("geht wieder nicht").
 */
function negated(tokens: readonly Token[], i: number, length: number, event: Readonly<Event>): boolean {
  const negators = negatorsOf(event.lang ?? 'other');
  const sentence = tokens[i]!.sentence;
  const negates = (k: number): boolean => tokens[k]!.sentence === sentence && isNegator(negators, tokens[k]!.folded);
  for (let k = Math.max(0, i - NEGATION_WINDOW); k < i; k++) if (negates(k)) return true;
  for (let k = i + length; k < Math.min(tokens.length, i + length + 2); k++) if (negates(k)) return true;
  return false;
}

/** One sentence of a text: its words, and whether it asks something. */
interface Sentence {
  index: number;
  words: Token[];
  asks: boolean;
  exclaims: boolean;
}

/** The sentences that hold a token, in order: the tokenizer numbers sentences along the text, so one pass finds them. */
function sentencesOf(all: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let sentence: Sentence | undefined;
  for (const token of all) {
    if (sentence === undefined || sentence.index !== token.sentence) {
      sentence = { index: token.sentence, words: [], asks: false, exclaims: false };
      sentences.push(sentence);
    }
    if (isWord(token)) sentence.words.push(token);
    if (token.kind === 'question') sentence.asks = true;
    if (token.kind === 'bang') sentence.exclaims = true;
  }
  return sentences;
}

/** The whole sentence as written: notes and replies quote best by the sentence that holds the point. */
function sentenceText(text: string, all: readonly Token[], sentence: number): string {
  const inSentence = all.filter((t) => t.sentence === sentence);
  const next = all.find((t) => t.sentence > sentence);
  return text.slice(inSentence[0]!.start, next ? next.start : text.length).trim();
}

/** The first word index at which a phrase of the list holds, not negated, in this sentence; -1 when none does. */
function phraseAt(list: PhraseList, sentence: Sentence, event: Readonly<Event>): number {
  const { words } = sentence;
  for (let i = 0; i < words.length; i++) {
    const length = list.lengthAt(words, i);
    if (length > 0 && !negated(words, i, length, event)) return i;
  }
  return -1;
}

function mentions(sentence: Sentence, list: PhraseList): boolean {
  for (let i = 0; i < sentence.words.length; i++) if (list.holdsAt(sentence.words, i)) return true;
  return false;
}

function has(sentence: Sentence, set: ReadonlySet<string>, from = 0): boolean {
  for (let i = from; i < sentence.words.length; i++) if (set.has(sentence.words[i]!.folded)) return true;
  return false;
}

/**
 * A sentence that states an issue as solved. An analyst's note states facts ("Ersatz ist raus, Kundin will
 * Rückruf"); a reply or the customer's own words must not ask, wish or make it conditional.
 */
function statesSolved(sentence: Sentence, event: Readonly<Event>, voice: Voice): boolean {
  if (voice !== 'note' && (sentence.asks || has(sentence, UNSETTLED))) return false;
  const at = phraseAt(SOLVED, sentence, event);
  return at >= 0 && (voice === 'note' || !has(sentence, CONTRAST, at + 1));
}

const promises = (sentence: Sentence, event: Readonly<Event>): boolean => !sentence.asks && !mentions(sentence, CONDITIONAL) && phraseAt(PROMISE, sentence, event) >= 0;

/** A sentence that closes: a closing word early on, not negated, not asking. */
function closes(sentence: Sentence, event: Readonly<Event>): boolean {
  if (sentence.asks) return false;
  const at = phraseAt(CLOSING, sentence, event);
  if (at >= 0 && at < CLOSING_REACH) return true;
  if (sentence.words.length <= CLOSING_DONE_WORDS && phraseAt(CLOSING_DONE, sentence, event) >= 0) return true;
  return phraseAt(CLOSING_LEAD, sentence, event) === 0;
}

/** A short aside beside a closing word, not details or a new point. */
const aside = (sentence: Sentence): boolean => sentence.words.length <= ASIDE_WORDS && !sentence.words.some((t) => t.kind === 'number');

/** The sentence that closes the exchange, when the rest of the reply is only asides and nothing thanks in advance. */
function closingSentence(sentences: readonly Sentence[], event: Readonly<Event>): Sentence | undefined {
  if (sentences.some((s) => mentions(s, THANKS_AHEAD))) return undefined;
  const closing = sentences.filter((s) => closes(s, event));
  if (closing.length === 0 || !sentences.every((s) => closing.includes(s) || aside(s))) return undefined;
  return closing[0];
}

/** They cancelled something themselves: not a cancellation they suffered, nor a question about cancelling. */
function cancelsThemselves(sentence: Sentence, event: Readonly<Event>): boolean {
  if (sentence.asks || has(sentence, HYPOTHETICAL)) return false;
  return phraseAt(OWN_CANCELLATION_DE, sentence, event) >= 0 || phraseAt(OWN_CANCELLATION_EN, sentence, event) >= 0;
}

/** They end the relationship: cancel a contract or account, cancel and go elsewhere, or say they no longer want to be a customer. */
function leaves(sentence: Sentence, event: Readonly<Event>): boolean {
  if (sentence.asks || has(sentence, HYPOTHETICAL)) return false;
  if (phraseAt(LEAVING, sentence, event) >= 0) return true;
  if (!cancelsThemselves(sentence, event)) return false;
  return phraseAt(OWN_CANCELLATION_DE, sentence, event) >= 0 || has(sentence, CONTRACT) || mentions(sentence, ELSEWHERE);
}

/** A note's idea: a sentence with an idea phrase, else the first that asks or exclaims ("Regel überdenken?", "Text ändern!"). */
function ideaSentence(sentences: readonly Sentence[], event: Readonly<Event>): Sentence | undefined {
  return sentences.find((s) => phraseAt(IDEA, s, event) >= 0) ?? sentences.find((s) => s.asks || s.exclaims);
}

/** A question mark of their own: the tokenizer keeps one inside a link ("…/beleg?id=4711") part of the URL. */
function ownQuestion(sentences: readonly Sentence[]): [Reading, Sentence][] {
  const asking = sentences.find((s) => s.asks);
  return asking ? [['question', asking]] : [];
}

/** The readings of one text, by whose words they are, each with the sentence that holds it. */
function read(event: Readonly<Event>, voice: Voice): [Reading, Sentence][] {
  const { tokens } = readText(event.text!);
  const sentences = sentencesOf(tokens);
  // The phrases are German and English; in another language only the question mark can be read.
  if (wordRulesLanguage(event) === null) return voice === 'customer' ? ownQuestion(sentences) : [];
  const found: [Reading, Sentence | undefined][] = [['solved', sentences.find((s) => statesSolved(s, event, voice))]];
  if (voice === 'note') found.push(['idea', ideaSentence(sentences, event)]);
  if (voice === 'brand') found.push(['promise', sentences.find((s) => promises(s, event))]);
  if (voice === 'customer') {
    found.push(['cancelled', sentences.find((s) => cancelsThemselves(s, event))]);
    found.push(['leaving', sentences.find((s) => leaves(s, event))]);
    found.push(...ownQuestion(sentences));
    found.push(['closing', closingSentence(sentences, event)]);
  }
  return found.filter((f): f is [Reading, Sentence] => f[1] !== undefined);
}

/** Readings of notes, brand replies and the customer's own words (see the top of this file). */
export const readingsAnnotator: Annotator = (event) => {
  const voice = voiceOf(event);
  if (!voice || !event.text?.trim()) return {};
  const { tokens } = readText(event.text);
  const annotations: Annotation[] = read(event, voice).map(([reading, sentence]) => ({
    code: READINGS[reading],
    quote: sentenceText(event.text!, tokens, sentence.index),
    source: event.source,
    by: maker('reading', reading),
    confidence: 1,
  }));
  return annotations.length > 0 ? { annotations } : {};
};
