// The next conversation: two or three openers, each answering one piece of evidence and fitting it. Its age (nothing
// "still open" beyond the reply horizon; old praise or pain is asked about, not answered as if new), its kind (a
// review is answered publicly under the review or not at all), the role (a critic is never thanked for criticism),
// who can be reached (someone under a placeholder name only by a public reply under their record), and what was
// said since: an issue that a note, the brand or the customer calls solved is not reopened, an idea in a note or a
// promise in a brand reply is used (annotate/readings.ts read them), and a customer who turned away is not asked
// about pending issues.
import type { Annotation, Event } from '../model.js';
import { asksForAnswer, stillOpen } from '../profile/dialog.js';
import type { ProfiledCustomer } from '../profile/index.js';
import { latestRated } from '../profile/evidence.js';
import { feltTone } from '../profile/ratings.js';
import { asksSomething, noteIdea as ideaIn, readingOf, readingsIn, solvedBy, type Said } from '../profile/readings.js';
import { ratingTone } from '../rating-scales.js';
import type { Signal } from '../profile/signals.js';
import { elapsed, kindName, ratingText } from '../profile/wording.js';
import { codeLabel, type CodeInfo } from './codes.js';
import { cite, day, inline, mdText, quote } from './format.js';
import type { ReportLang } from './i18n.js';

const DAY = 86_400_000;
/** Life events go stale: after a year, "how did the move go?" is no longer a natural opener. */
const LIFE_DAYS = 365;

/** What an opener's template is given: the evidence, already quoted and cited, and what fits it. */
interface Slots {
  /** “quote” (file:line, date) */
  q: string;
  label: string;
  /** Days since the record: what the choice of opener goes by. */
  days: number;
  /** The same as a reader says it ("190 days", "über fünf Jahre"), and German's dative after vor/seit/nach ("über fünf Jahren"). */
  age: string;
  ago: string;
  date: string;
  rating: string;
  kind: string;
  /** The record's kind as the object of "under their …": "review" / "der Bewertung". */
  kindOne: string;
  author: string;
}

type Template = (s: Slots) => string;

const OPENERS = {
  answerToday: {
    en: (s) => `Answer first: ${s.q} is still open. Answer it today, and answer what it actually asks.`,
    de: (s) => `Zuerst antworten: ${s.q} ist noch offen. Noch heute antworten, und zwar auf das, was tatsächlich gefragt ist.`,
  },
  answerWaited: {
    en: (s) => `Answer first: ${s.q} has waited ${s.age} for a reply. Apologise for the wait, then actually answer it.`,
    de: (s) => `Zuerst antworten: ${s.q} wartet seit ${s.ago} auf Antwort. Für die Wartezeit entschuldigen, dann auf die Sache selbst eingehen.`,
  },
  replyCriticalReview: {
    en: (s) => `Reply publicly under their review (${s.rating}): ${s.q}. Take up the point it makes where others can read it, and offer to continue in private.`,
    de: (s) => `Öffentlich unter der Bewertung antworten (${s.rating}): ${s.q}. Den Kritikpunkt dort aufgreifen, wo andere mitlesen, und anbieten, das Gespräch privat fortzusetzen.`,
  },
  replyCriticalReviewIfOpen: {
    en: (s) => `This export shows no replies: if nobody has answered their review (${s.rating}) yet, answer it publicly: ${s.q}. Take up the point it makes where others can read it, and offer to continue in private.`,
    de: (s) => `Dieser Export zeigt keine Antworten: Falls die Bewertung (${s.rating}) noch unbeantwortet ist, öffentlich darunter antworten: ${s.q}. Den Kritikpunkt dort aufgreifen, wo andere mitlesen, und anbieten, das Gespräch privat fortzusetzen.`,
  },
  replyReviewIfOpen: {
    en: (s) => `This export shows no replies: if nobody has answered their review${s.rating ? ` (${s.rating})` : ''} yet, answer it publicly: ${s.q}. Thank them for taking the time and answer what it says.`,
    de: (s) => `Dieser Export zeigt keine Antworten: Falls die Bewertung${s.rating ? ` (${s.rating})` : ''} noch unbeantwortet ist, öffentlich darunter antworten: ${s.q}. Für die Mühe danken und auf das Gesagte eingehen.`,
  },
  replyLateCriticalReview: {
    en: (s) => `Reply publicly under their review (${s.rating}), late as it is (${s.age}): ${s.q}. A reply there is still possible and others still read it: take up the point, and say what has changed since.`,
    de: (s) => `Öffentlich unter der Bewertung antworten (${s.rating}), auch wenn es spät ist (${s.age}): ${s.q}. Eine Antwort dort ist noch möglich und wird mitgelesen: den Kritikpunkt aufgreifen und sagen, was sich seither geändert hat.`,
  },
  replyLateCriticalReviewIfOpen: {
    en: (s) => `Only a public reply under their review (${s.rating}) can reach them, ${s.age} later, and this export does not show whether anyone has answered it: if nobody has and the platform allows it, answer there: ${s.q}.`,
    de: (s) => `Nur eine öffentliche Antwort unter der Bewertung (${s.rating}) erreicht die Person, ${s.age} später, und dieser Export zeigt nicht, ob schon jemand geantwortet hat: Falls nicht und die Plattform es erlaubt, dort antworten: ${s.q}.`,
  },
  publicFollowUp: {
    en: (s) => `The brand's reply under their review promised something: ${s.q}. Once it is done, say so under the review: that is the only way to reach them.`,
    de: (s) => `Die Antwort unter der Bewertung hat etwas versprochen: ${s.q}. Sobald es erledigt ist, unter der Bewertung Bescheid geben: Nur so erreicht man die Person.`,
  },
  answeredInPublic: {
    en: (s) => `Nothing to add now: they wrote under a placeholder name, so a reply under their ${s.kindOne} is the only way to reach them, and the brand answered there on ${s.date}.`,
    de: (s) => `Derzeit nichts hinzuzufügen: Die Person schrieb unter einem Platzhalternamen und ist nur über eine Antwort unter ${s.kindOne} erreichbar; dort hat die Marke am ${s.date} bereits geantwortet.`,
  },
  noChannel: {
    en: (s) => `Nothing to say to them now: they wrote under a placeholder name, so nobody can reach them except by a public reply under their ${s.kindOne}, and nothing in it calls for one${s.days > 0 ? ` ${s.age} later` : ''}.`,
    de: (s) => `Derzeit nichts zu sagen: Die Person schrieb unter einem Platzhalternamen und ist nur über eine öffentliche Antwort unter ${s.kindOne} erreichbar; nichts darin verlangt${s.days > 0 ? ` nach ${s.ago} noch` : ''} eine Antwort.`,
  },
  replyReview: {
    en: (s) => `Reply publicly under their review${s.rating ? ` (${s.rating})` : ''}: ${s.q}. Thank them for taking the time and answer what it says, in public.`,
    de: (s) => `Öffentlich unter der Bewertung antworten${s.rating ? ` (${s.rating})` : ''}: ${s.q}. Für die Mühe danken und öffentlich auf das Gesagte eingehen.`,
  },
  followUpSurvey: {
    en: (s) => `Close the loop on their survey answer (${s.rating}): ${s.q}. Ask what would have made it better, and listen before explaining.`,
    de: (s) => `Auf die Umfrageantwort zurückkommen (${s.rating}): ${s.q}. Fragen, was sie sich anders gewünscht hätte, und zuhören, bevor erklärt wird.`,
  },
  noteIdea: {
    en: (s) => `Use what ${s.author} noted on ${s.date}: ${s.q}. Follow it through, or tell them what became of it.`,
    de: (s) => `Aufgreifen, was ${s.author} am ${s.date} notiert hat: ${s.q}. Umsetzen oder berichten, was daraus geworden ist.`,
  },
  checkPromise: {
    en: (s) => `Check that what the brand promised about “${s.label}” happened: ${s.q}. If it did, ask whether it put things right; if not, say so before anything else.`,
    de: (s) => `Prüfen, ob eingehalten wurde, was die Marke zu „${s.label}“ versprochen hat: ${s.q}. Wenn ja, fragen, ob es das Problem gelöst hat; wenn nicht, das zuerst sagen.`,
  },
  brandPromise: {
    en: (s) => `Check that what the brand promised on ${s.date} happened: ${s.q}. Follow it through, or tell them what became of it.`,
    de: (s) => `Prüfen, ob eingehalten wurde, was die Marke am ${s.date} versprochen hat: ${s.q}. Einlösen oder berichten, was daraus geworden ist.`,
  },
  checkSolved: {
    en: (s) => `Do not reopen “${s.label}”: ${s.author} noted it as solved (${s.q}). Ask instead whether all is well now.`,
    de: (s) => `Das Thema „${s.label}“ nicht wieder aufrollen, denn ${s.author} hat es als erledigt notiert (${s.q}). Stattdessen fragen, ob jetzt alles in Ordnung ist.`,
  },
  solvedByThem: {
    en: (s) => `Do not reopen “${s.label}”: they said themselves it is over (${s.q}). If anything, ask whether it has stayed that way.`,
    de: (s) => `Das Thema „${s.label}“ nicht wieder aufrollen: Die Person hat selbst gesagt, dass es erledigt ist (${s.q}). Höchstens fragen, ob es dabei geblieben ist.`,
  },
  solvedByBrand: {
    en: (s) => `Do not reopen “${s.label}”: the brand told them it was solved (${s.q}). Ask whether it held, rather than starting over.`,
    de: (s) => `Das Thema „${s.label}“ nicht wieder aufrollen: Die Marke hat der Person mitgeteilt, dass es gelöst ist (${s.q}). Fragen, ob die Lösung gehalten hat, statt von vorn anzufangen.`,
  },
  winBack: {
    en: (s) => `They turned away: ${s.q}. It is no open ticket to close: ask what made them go, and whether anything would bring them back.`,
    de: (s) => `Die Person hat sich abgewandt: ${s.q}. Das ist kein offenes Ticket zum Abhaken. Fragen, was sie dazu gebracht hat und was sie zurückholen könnte.`,
  },
  acknowledgePain: {
    en: (s) => `Acknowledge ${quote(s.label, 'en')}: ${s.q}. Ask what would make it right rather than sending a standard voucher.`,
    de: (s) => `Das Thema ${quote(s.label, 'de')} ansprechen: ${s.q}. Fragen, womit wir es wiedergutmachen können, statt einen Standardgutschein zu schicken.`,
  },
  askPainSince: {
    en: (s) => `Ask whether ${quote(s.label, 'en')} was sorted out: they raised it ${s.age} ago, ${s.q}. Ask before assuming it is over.`,
    de: (s) => `Nachfragen, ob das Thema ${quote(s.label, 'de')} geklärt ist: vor ${s.ago} angesprochen, ${s.q}. Erst fragen, nicht annehmen, dass es vorbei ist.`,
  },
  reviewPainLater: {
    en: (s) => `Their review${s.rating ? ` (${s.rating})` : ''} named ${quote(s.label, 'en')}: ${s.q}. Do not answer it in private; when they next get in touch, ask whether that still holds.`,
    de: (s) => `Die Bewertung${s.rating ? ` (${s.rating})` : ''} nannte ${quote(s.label, 'de')}: ${s.q}. Nicht privat darauf antworten; beim nächsten Kontakt fragen, ob das noch gilt.`,
  },
  ratingFell: {
    en: (s) => `Their rating fell to ${s.rating}: ${s.q}. Ask what changed for them.`,
    de: (s) => `Die Bewertung ist auf ${s.rating} gefallen: ${s.q}. Fragen, was sich für die Person geändert hat.`,
  },
  pickUpWish: {
    en: (s) => `Pick up their wish: ${s.q}. Tell them what became of it, or invite them to shape it with you.`,
    de: (s) => `Den Wunsch aufgreifen: ${s.q}. Berichten, was daraus geworden ist, oder zum Mitgestalten einladen.`,
  },
  oldWish: {
    en: (s) => `They wished for something ${s.age} ago: ${s.q}. If anything came of it, tell them; if not, ask whether they still want it.`,
    de: (s) => `Vor ${s.ago} hat die Person einen Wunsch geäußert: ${s.q}. Falls etwas daraus wurde, davon berichten; sonst fragen, ob er noch besteht.`,
  },
  thankSupporter: {
    en: (s) => `Thank them for what they do for us (${s.label}): ${s.q}. Ask whether they would like to do more of it, and what would help them.`,
    de: (s) => `Für das danken, was die Person für uns tut (${s.label}): ${s.q}. Fragen, ob sie mehr davon machen möchte und was ihr dabei helfen würde.`,
  },
  rememberSupporter: {
    en: (s) => `Show that you remember what they did for us (${s.label}, ${s.age} ago): ${s.q}. Mention it, without treating it as news.`,
    de: (s) => `Zeigen, dass wir uns erinnern, was die Person für uns getan hat (${s.label}, vor ${s.ago}): ${s.q}. Erwähnen, ohne es als Neuigkeit zu behandeln.`,
  },
  critic: {
    en: (s) => `Take their criticism seriously, do not thank them for it: ${s.q}. Ask what would change their view, and say what has changed since.`,
    de: (s) => `Die Kritik ernst nehmen, nicht dafür danken: ${s.q}. Fragen, was die Sicht der Person ändern würde, und sagen, was sich seither geändert hat.`,
  },
  otherRole: {
    en: (s) => `Speak to them in the role they take (${s.label}): ${s.q}.`,
    de: (s) => `In der Rolle ansprechen, die die Person einnimmt (${s.label}): ${s.q}.`,
  },
  askLife: {
    en: (s) => `Ask how things are going (${s.label}): ${s.q}.`,
    de: (s) => `Nachfragen, wie es inzwischen geht (${s.label}): ${s.q}.`,
  },
  thankPraise: {
    en: (s) => `Thank them for what they liked: ${s.q}. Ask what would make it even better.`,
    de: (s) => `Für das Lob danken: ${s.q}. Fragen, was es noch besser machen würde.`,
  },
  oldPraise: {
    en: (s) => `They liked something ${s.age} ago: ${s.q}. Ask whether that still holds, rather than thanking them as if it were new.`,
    de: (s) => `Vor ${s.ago} gab es Lob: ${s.q}. Fragen, ob das noch gilt, statt zu danken, als wäre es neu.`,
  },
  reviewWishLater: {
    en: (s) => `Their review${s.rating ? ` (${s.rating})` : ''} wished for something: ${s.q}. If anything came of it, say so under the review; otherwise keep it for when they next get in touch.`,
    de: (s) => `Die Bewertung${s.rating ? ` (${s.rating})` : ''} enthielt einen Wunsch: ${s.q}. Falls etwas daraus wurde, unter der Bewertung davon berichten; sonst für den nächsten Kontakt vormerken.`,
  },
  reviewPraiseLater: {
    en: (s) => `Their review${s.rating ? ` (${s.rating})` : ''} liked something, ${s.age} ago: ${s.q}. Not news to thank them for now; when they next get in touch, ask whether it still holds.`,
    de: (s) => `Vor ${s.ago} kam eine lobende Bewertung${s.rating ? ` (${s.rating})` : ''}: ${s.q}. Kein Anlass, jetzt zu danken; beim nächsten Kontakt fragen, ob das noch gilt.`,
  },
  reviewCriticalLater: {
    en: (s) => `Their review${s.rating ? ` (${s.rating})` : ''} was critical, ${s.age} ago: ${s.q}. Do not answer it in private now; when they next get in touch, ask whether that still holds.`,
    de: (s) => `Vor ${s.ago} kam eine kritische Bewertung${s.rating ? ` (${s.rating})` : ''}: ${s.q}. Jetzt nicht privat darauf antworten; beim nächsten Kontakt fragen, ob das noch gilt.`,
  },
  askWhyLow: {
    en: (s) => `They rated us ${s.rating} on ${s.date} without a word (${s.kind}). When they next get in touch, ask what went wrong before anything else.`,
    de: (s) => `Die Person hat uns am ${s.date} mit ${s.rating} bewertet, ohne Kommentar (${s.kind}). Beim nächsten Kontakt zuerst fragen, was schiefgelaufen ist.`,
  },
  askWhatMattered: {
    en: (s) => `They rated us ${s.rating} on ${s.date} without a word (${s.kind}). When they next get in touch, ask what mattered most to them.`,
    de: (s) => `Die Person hat uns am ${s.date} mit ${s.rating} bewertet, ohne Kommentar (${s.kind}). Beim nächsten Kontakt fragen, worauf es ihr am meisten ankam.`,
  },
  latestWords: {
    en: (s) => `Start from their latest words (${s.kind}): ${s.q}. Ask how things are now.`,
    de: (s) => `Bei den letzten eigenen Worten anfangen (${s.kind}): ${s.q}. Fragen, wie es jetzt steht.`,
  },
  lastWordsLongAgo: {
    en: (s) => `Their last words were ${s.age} ago (${s.kind}): ${s.q}. When they next get in touch, start from there and ask how things are now.`,
    de: (s) => `Die letzten eigenen Worte sind ${s.age} alt (${s.kind}): ${s.q}. Beim nächsten Kontakt dort anknüpfen und fragen, wie es jetzt steht.`,
  },
  askOpenQuestion: {
    en: () => 'Ask an open question: we have hardly any words of their own yet. What brought them to us?',
    de: () => 'Eine offene Frage stellen: Wir haben noch kaum eigene Worte von dieser Person. Was hat sie zu uns geführt?',
  },
} satisfies Record<string, Record<ReportLang, Template>>;

export type OpenerKey = keyof typeof OPENERS;

export interface Opener {
  key: OpenerKey;
  /** The record the opener answers; null for the open question of a customer we know nothing of. */
  evidence: Event | null;
  text: string;
}

interface Hit {
  event: Event;
  annotation: Annotation;
}

/** Everything an opener rule looks at, prepared once per report. */
interface Context {
  subject: ProfiledCustomer;
  codes: ReadonlyMap<string, CodeInfo>;
  lang: ReportLang;
  /** Analyst notes, oldest first. */
  notes: Event[];
  /** What calls an issue solved (annotate/readings.ts): notes, brand replies and the customer's own words, oldest first. */
  solvers: Said[];
  /** When the customer turned away (the winBack opener's record): older pains are not pending any more. */
  turnedAwayAt: number | null;
  /** Promises in the brand's replies (annotate/readings.ts), oldest first: what to check happened. */
  promises: Said[];
  used: Set<Event>;
}

const ageDays = (ctx: Context, event: Event): number =>
  event.at ? Math.max(0, Math.floor((ctx.subject.asOf.getTime() - event.at.getTime()) / DAY)) : 0;

/** Newer than the reply horizon (an undated record may be): still open, or to be answered now. */
const fresh = (ctx: Context, event: Event): boolean => !event.at || event.at >= ctx.subject.openSince;

/** Newer than the run's "recently" (90 days by default): praise and help that can still be thanked for as news. */
const recent = (ctx: Context, event: Event): boolean => !event.at || event.at >= ctx.subject.recentSince;

/** “quote” (file:line, date); a record without words (a bare rating) is cited as such, not as an empty quote. */
const evidenceOf = (text: string, event: Event, lang: ReportLang): string =>
  text.trim() ? `${quote(inline(text, 120), lang)} (${cite(event.source)}, ${day(event.at, lang)})` : `(${lang === 'de' ? 'ohne Kommentar' : 'without a word'}, ${cite(event.source)}, ${day(event.at, lang)})`;

/** "review" in "under their review"; German "der Bewertung" in "unter der Bewertung". */
function underTheir(kind: Event['kind'], lang: ReportLang): string {
  if (lang === 'en') return kind === 'survey' ? 'survey answer' : kind;
  return kind === 'review' ? 'der Bewertung' : kind === 'post' ? 'dem Beitrag' : kind === 'survey' ? 'der Umfrageantwort' : 'dem Eintrag';
}

/** The slots of an opener: the evidence quoted and cited, and every name or label in it escaped as data. */
function slots(ctx: Context, event: Event, extra: Partial<Slots> & { text?: string } = {}): Slots {
  const { lang } = ctx;
  const { text: _text, ...given } = extra;
  return {
    q: evidenceOf(extra.text ?? event.text ?? '', event, lang),
    days: ageDays(ctx, event),
    age: elapsed(ageDays(ctx, event), lang),
    ago: elapsed(ageDays(ctx, event), lang, true),
    date: day(event.at, lang),
    rating: event.rating ? ratingText(event.rating, lang) : '',
    kind: kindName(event.kind, lang),
    kindOne: underTheir(event.kind, lang),
    author: event.author ? mdText(event.author) : lang === 'de' ? 'das Analyseteam' : 'an analyst',
    ...given,
    label: mdText(given.label ?? ''),
  };
}

function make(ctx: Context, key: OpenerKey, event: Event | null, s: Slots | null): Opener {
  if (event) ctx.used.add(event);
  const template: Template = OPENERS[key][ctx.lang];
  return { key, evidence: event, text: template(s ?? ({} as Slots)) };
}

/**
 * Coded evidence not yet used by another opener (unless reuse is allowed): the customer's own words before analysts'
 * notes, newest first.
 */
function hits(ctx: Context, signal: Signal, { ownOnly = false, reuse = false } = {}): Hit[] {
  const found: Hit[] = [];
  for (const event of ctx.subject.events) {
    // Reuse is for the customer's own message another opener answers; a note is cited once.
    if (event.direction === 'outbound' || (ctx.used.has(event) && !(reuse && event.direction === 'inbound')) || (ownOnly && event.direction !== 'inbound')) continue;
    const annotation = event.annotations.find((a) => ctx.subject.signals.is(signal, a.code));
    if (annotation) found.push({ event, annotation });
  }
  const own = (hit: Hit) => (hit.event.direction === 'inbound' ? 0 : 1);
  return found.sort((a, b) => own(a) - own(b) || (b.event.at?.getTime() ?? 0) - (a.event.at?.getTime() ?? 0));
}

const label = (ctx: Context, hit: Hit): string => codeLabel(ctx.codes, hit.annotation.code, ctx.lang);
const hitText = (hit: Hit): string => hit.annotation.quote ?? hit.event.text ?? '';

/**
 * The open message to answer first: the latest that asks, complains or names a pain, else the latest (a customer's
 * "Tuesday, not Thursday." correcting their own post is not what waits for an answer).
 */
function answerOpen(ctx: Context): Opener | null {
  const substance = (x: { message: Event }) => (asksForAnswer(x.message, ctx.subject.signals) ? 0 : 1);
  const open = stillOpen(ctx.subject.exchanges, ctx.subject.openSince)
    .filter((x) => x.message.text)
    .sort((a, b) => substance(a) - substance(b) || (b.message.at?.getTime() ?? 0) - (a.message.at?.getTime() ?? 0))[0];
  if (!open) return null;
  const s = slots(ctx, open.message);
  return make(ctx, s.days >= 2 ? 'answerWaited' : 'answerToday', open.message, s);
}

/**
 * A review or survey answer the brand has not replied to: reviews are answered in public, surveys in private. A fresh
 * one is answered now; an old critical review still can be, in public, where the run shows that replies are given
 * (Google Play keeps the thread open). Where the run cannot show replies at all, whether it was answered is unknown,
 * and the opener says so.
 */
function replyToRecord(ctx: Context): Opener | null {
  const known = ctx.subject.run.repliesKnown;
  const anonymous = ctx.subject.customer.anonymous;
  const records = ctx.subject.exchanges
    .filter((x) => x.status === 'noReplyExpected' && (x.message.kind === 'review' || x.message.kind === 'survey') && x.message.at && (x.message.text || x.message.rating))
    .map((x) => x.message)
    .sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0));
  for (const record of records) {
    const critical = feltTone(record)?.label === 'negative';
    const s = slots(ctx, record, { text: record.text ?? '' });
    if (record.kind === 'survey') {
      if (fresh(ctx, record) && record.rating && ratingTone(record.rating) !== 'positive') return make(ctx, 'followUpSurvey', record, s);
    } else if (fresh(ctx, record)) {
      return make(ctx, critical ? (known ? 'replyCriticalReview' : 'replyCriticalReviewIfOpen') : known ? 'replyReview' : 'replyReviewIfOpen', record, s);
    } else if (critical && known) return make(ctx, 'replyLateCriticalReview', record, s);
    // Someone we cannot reach otherwise: the public reply is the only channel, whether or not the export shows replies.
    else if (critical && anonymous) return make(ctx, 'replyLateCriticalReviewIfOpen', record, s);
  }
  return null;
}

/**
 * Someone who wrote under a placeholder name can be reached only by a public reply under their record: say that, or
 * nothing. An unreplied review is answered there; a promise in the brand's reply there is followed up there; else
 * nothing to say.
 */
function anonymousOpeners(ctx: Context): Opener[] {
  const reply = replyToRecord(ctx);
  if (reply) return [reply];
  const answered = ctx.subject.exchanges.filter((x) => x.reply).at(-1);
  const promise = answered && readingOf(answered.reply!, 'promise');
  if (answered && promise) return [make(ctx, 'publicFollowUp', answered.reply, slots(ctx, answered.reply!, { text: promise.quote }))];
  if (answered) return [make(ctx, 'answeredInPublic', answered.reply, slots(ctx, answered.reply!, { kindOne: underTheir(answered.message.kind, ctx.lang) }))];
  const own = ctx.subject.events.find((e) => e.direction === 'inbound') ?? null;
  return [make(ctx, 'noChannel', own, own ? slots(ctx, own) : ({ kindOne: underTheir('post', ctx.lang), days: 0 } as Slots))];
}

function noteIdea(ctx: Context): Opener | null {
  const idea = [...ctx.notes].reverse().filter((n) => !ctx.used.has(n)).map((n) => ideaIn(n, ctx.subject.signals)).find((i) => i !== null);
  if (!idea) return null;
  return make(ctx, 'noteIdea', idea.event, slots(ctx, idea.event, { text: idea.quote }));
}

const SOLVED_BY: Record<Said['voice'], OpenerKey> = { note: 'checkSolved', customer: 'solvedByThem', brand: 'solvedByBrand' };

/**
 * The customer turned away: loyalty refused in their own words, or they ended it themselves (a contract cancelled, an
 * order cancelled to buy elsewhere, an account closed). Not a pain to ask about as pending; unless their own later
 * words say they are back.
 */
function turnedAway(ctx: Context): Opener | null {
  const { signals } = ctx.subject;
  const leaving = [...ctx.subject.events]
    .reverse()
    .find((e) => e.direction === 'inbound' && (readingOf(e, 'leaving') || e.annotations.some((a) => a.by.kind === 'rule' && signals.is('turningAway', a.code))));
  if (!leaving || solvedBy({ event: leaving }, ctx.solvers.filter((x) => x.event !== leaving && x.voice === 'customer'), signals)) return null;
  ctx.turnedAwayAt = leaving.at?.getTime() ?? Infinity;
  const quote = readingOf(leaving, 'leaving')?.quote ?? leaving.annotations.find((a) => signals.is('turningAway', a.code))?.quote ?? leaving.text ?? '';
  return make(ctx, 'winBack', leaving, slots(ctx, leaving, { text: quote }));
}

/**
 * The latest pain: acknowledged when fresh, asked about when old, left closed when a note, the brand or the customer
 * themselves calls it solved. Pains from before the customer turned away are not asked about as pending.
 */
function pain(ctx: Context): Opener | null {
  // A cancellation the customer made themselves ("please cancel my order") is no pain waiting to be sorted out.
  const suffered = (h: Hit) => !(ctx.subject.signals.is('cancellation', h.annotation.code) && readingOf(h.event, 'cancelled'));
  const hit = hits(ctx, 'pain').find(suffered);
  if (!hit || (ctx.turnedAwayAt !== null && (hit.event.at?.getTime() ?? Infinity) <= ctx.turnedAwayAt)) return null;
  const solved = solvedBy({ event: hit.event, code: hit.annotation.code }, ctx.solvers, ctx.subject.signals);
  if (solved) {
    ctx.used.add(hit.event);
    return make(ctx, SOLVED_BY[solved.voice], solved.event, slots(ctx, solved.event, { text: solved.quote, label: label(ctx, hit) }));
  }
  // What the brand already promised about it comes first: check it happened, rather than start from the pain again.
  const promised = ctx.promises.find((p) => !ctx.used.has(p.event) && (p.event.at?.getTime() ?? Infinity) >= (hit.event.at?.getTime() ?? -Infinity));
  if (promised) {
    ctx.used.add(hit.event);
    return make(ctx, 'checkPromise', promised.event, slots(ctx, promised.event, { text: promised.quote, label: label(ctx, hit) }));
  }
  const s = slots(ctx, hit.event, { text: hitText(hit), label: label(ctx, hit) });
  if (hit.event.kind === 'review') return make(ctx, 'reviewPainLater', hit.event, s);
  return make(ctx, fresh(ctx, hit.event) ? 'acknowledgePain' : 'askPainSince', hit.event, s);
}

/** A promise in one of the brand's replies that no opener has taken up yet: check it happened, like an idea in a note. */
function brandPromise(ctx: Context): Opener | null {
  // A promise whose issue was called solved since (the customer's "I am finally back") was kept: nothing to check.
  const kept = (p: Said) => solvedBy({ event: p.event }, ctx.solvers.filter((x) => x.event !== p.event), ctx.subject.signals) !== null;
  const promised = [...ctx.promises].reverse().find((p) => !ctx.used.has(p.event) && !kept(p));
  return promised ? make(ctx, 'brandPromise', promised.event, slots(ctx, promised.event, { text: promised.quote })) : null;
}

/**
 * A rating that fell and is no longer good, citing the very record the profile's latest rating is: when another
 * opener already answers that record, nothing (never an older, higher rating as if it were the latest).
 */
function ratingFell(ctx: Context): Opener | null {
  const { rating } = ctx.subject.profile;
  if (!rating || rating.trend !== 'down') return null;
  const latest = latestRated(ctx.subject.events.filter((e) => e.rating?.scale === rating.scale));
  if (!latest || ctx.used.has(latest) || ratingTone(latest.rating!) === 'positive') return null;
  return make(ctx, 'ratingFell', latest, slots(ctx, latest, { text: latest.text ?? '' }));
}

/** The latest wish that nothing since calls fulfilled ("I'm back", "works again"). */
function wish(ctx: Context): Opener | null {
  const open = (h: Hit) => !solvedBy({ event: h.event, code: h.annotation.code }, ctx.solvers.filter((x) => x.event !== h.event), ctx.subject.signals);
  const hit = hits(ctx, 'longing').find(open) ?? hits(ctx, 'suggestion').find(open);
  if (!hit) return null;
  const key = hit.event.kind === 'review' ? 'reviewWishLater' : fresh(ctx, hit.event) ? 'pickUpWish' : 'oldWish';
  return make(ctx, key, hit.event, slots(ctx, hit.event, { text: hitText(hit) }));
}

/**
 * Supporters are thanked (or remembered, when it was long ago); critics are taken seriously, never thanked. Nobody is
 * thanked for a role taken in a record whose tone (its rating, else its text) is negative: advice to others in a
 * one-star review ("be careful before you buy") is criticism. Nor is a customer at risk thanked for anything. A role
 * is about the person, so it may speak to a message another opener answers: how to answer a critic matters most then.
 */
function role(ctx: Context): Opener | null {
  const { signals, profile } = ctx.subject;
  for (const hit of hits(ctx, 'role', { reuse: true })) {
    const s = slots(ctx, hit.event, { text: hitText(hit), label: label(ctx, hit) });
    const negative = feltTone(hit.event)?.label === 'negative';
    if (signals.is('critic', hit.annotation.code) || (signals.is('supporter', hit.annotation.code) && negative)) return make(ctx, 'critic', hit.event, s);
    if (signals.is('supporter', hit.annotation.code)) {
      if (profile.stage === 'at-risk') continue;
      return make(ctx, recent(ctx, hit.event) ? 'thankSupporter' : 'rememberSupporter', hit.event, s);
    }
    return make(ctx, 'otherRole', hit.event, s);
  }
  return null;
}

function life(ctx: Context): Opener | null {
  const hit = hits(ctx, 'life').find((h) => ageDays(ctx, h.event) <= LIFE_DAYS);
  if (!hit) return null;
  return make(ctx, 'askLife', hit.event, slots(ctx, hit.event, { text: hitText(hit), label: label(ctx, hit) }));
}

/**
 * Praise in words that read positive and ask nothing, from a customer who is not at risk: "I would appreciate a refund" or "Great, and one more question?"
 * is coded as praise but is no thanks to answer.
 */
function praise(ctx: Context): Opener | null {
  // Someone at risk is not thanked for a kind word: what puts them at risk comes first.
  if (ctx.subject.profile.stage === 'at-risk') return null;
  const hit = hits(ctx, 'praise', { ownOnly: true }).find((h) => feltTone(h.event)?.label === 'positive' && !asksSomething(h.event, ctx.subject.signals));
  if (!hit) return null;
  // A fresh review is answered in public, under it: replyToRecord takes one nobody answered, and one the brand answered
  // has its reply already. No private thanks on top of either.
  const key = recent(ctx, hit.event) ? (hit.event.kind === 'review' ? null : 'thankPraise') : hit.event.kind === 'review' ? 'reviewPraiseLater' : 'oldPraise';
  return key ? make(ctx, key, hit.event, slots(ctx, hit.event, { text: hitText(hit) })) : null;
}

/**
 * When nothing above applies: their latest record. A review is taken up by its tone, never answered in private; a
 * rating without words asks what lay behind it; other words are the place to start; with nothing, an open question.
 */
function fallback(ctx: Context): Opener {
  const latest = [...ctx.subject.events].reverse().find((e) => e.direction === 'inbound' && e.kind !== 'order' && (e.text?.trim() || e.rating));
  if (!latest) return make(ctx, 'askOpenQuestion', null, null);
  const s = slots(ctx, latest, { text: latest.text ?? '' });
  const tone = feltTone(latest)?.label;
  if (!latest.text?.trim()) return make(ctx, tone === 'negative' ? 'askWhyLow' : 'askWhatMattered', latest, s);
  if (latest.kind === 'review' && tone === 'negative') return make(ctx, 'reviewCriticalLater', latest, s);
  if (latest.kind === 'review' && tone === 'positive') return make(ctx, 'reviewPraiseLater', latest, s);
  return make(ctx, fresh(ctx, latest) ? 'latestWords' : 'lastWordsLongAgo', latest, s);
}

/** Opener rules in the order they are tried; the first three that find evidence are the next conversation. */
const RULES: readonly ((ctx: Context) => Opener | null)[] = [answerOpen, replyToRecord, turnedAway, noteIdea, pain, brandPromise, ratingFell, wish, role, life, praise];

export const MAX_OPENERS = 3;

export function chooseOpeners(subject: ProfiledCustomer, codes: ReadonlyMap<string, CodeInfo>, lang: ReportLang): Opener[] {
  const notes = subject.events.filter((e) => e.kind === 'note');
  const ctx: Context = {
    subject,
    codes,
    lang,
    notes,
    solvers: readingsIn(subject.events, 'solved'),
    turnedAwayAt: null,
    promises: readingsIn(subject.events.filter((e) => e.direction === 'outbound'), 'promise'),
    used: new Set(),
  };
  if (subject.customer.anonymous) return anonymousOpeners(ctx);
  const openers: Opener[] = [];
  for (const rule of RULES) {
    if (openers.length >= MAX_OPENERS) break;
    const opener = rule(ctx);
    if (opener) openers.push(opener);
  }
  return openers.length > 0 ? openers : [fallback(ctx)];
}

/** Two or three conversation openers, as the report prints them. */
export function nextConversation(subject: ProfiledCustomer, codes: ReadonlyMap<string, CodeInfo>, lang: ReportLang): string[] {
  return chooseOpeners(subject, codes, lang).map((o) => o.text);
}
