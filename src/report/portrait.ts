// A portrait first: three lines that open a customer's report. Who this is (stage, since when, what their records are
// and where, their rating); what moves them, following the seeds: their experience with the brand next to their
// expectations, each in their own words; and what to do next (the first opener of the next conversation). Where they
// have said nothing, the portrait says so instead of inventing.
import { isCustomerVoice, isOwnRecord, type Annotation, type Event } from '../model.js';
import { byCodePoint } from '../collation.js';
import { byRecord } from '../profile/chronology.js';
import type { ProfiledCustomer } from '../profile/index.js';
import { feltTone } from '../profile/ratings.js';
import { readingOf } from '../profile/readings.js';
import { wordedCodes } from '../profile/themes.js';
import type { Signal } from '../profile/signals.js';
import { kindName, ratingText } from '../profile/wording.js';
import { codeLabel, type CodeInfo } from './codes.js';
import { day, dayOf, escapeMarkdown, inline, mdText, money, num, quote } from './format.js';
import { channelName, stageName, type ReportLang } from './i18n.js';
import { chooseOpeners } from './openers.js';

/** Three lines of Markdown, customer text escaped. */
export interface Portrait {
  who: string;
  moves: string;
  next: string;
}

const WORDS = {
  en: {
    who: 'Who',
    moves: 'What moves them',
    next: 'Next',
    and: 'and',
    on: (date: string) => `in touch on ${date}`,
    since: (first: string, last: string) => `in touch since ${first}, latest ${last}`,
    undated: 'no dated contact',
    crmSince: (date: string) => `in the CRM since ${date}, no dated contact`,
    ordersWorth: (orders: string, revenue: string) => `${orders} worth ${revenue}`,
    nothingOwn: 'no records of their own',
    placeholder: (name: string) => `Someone writing as ${quote(name, 'en')}`,
    rated: (rating: string) => `rated ${rating}`,
    latestOf: (rating: string, n: number) => `latest rating ${rating} of ${n}`,
    meanOf: (mean: string, n: number) => `${n} ratings, mean ${mean}`,
    thumbs: (up: number, n: number) => `${up} of ${n} thumbs up`,
    trend: { up: 'rising', down: 'falling', steady: 'steady' },
    experience: 'Their experience',
    expectation: 'What they hope for',
    noted: (who: string) => `as ${who} noted`,
    noHope: 'What they hope for is not in their words.',
    noExperience: 'No pain or praise named.',
    unreadOnly: 'Their language is one thick does not read, so whatever they hope for in these words goes unseen.',
    ownWords: 'In their own words',
    unread: 'in a language thick does not read',
    byRating: 'by its rating',
    ratedOnly: (rating: string) => `They rated without a word (${rating}): what moves them is not in the data.`,
    ordersOnly: (orders: string) => `They ordered (${orders}) but wrote nothing: what moves them is not in the data.`,
    nothing: 'Nothing of their own in the data: what moves them is unknown.',
  },
  de: {
    who: 'Wer',
    moves: 'Was die Person bewegt',
    next: 'Als Nächstes',
    and: 'und',
    on: (date: string) => `in Kontakt am ${date}`,
    since: (first: string, last: string) => `in Kontakt seit ${first}, zuletzt ${last}`,
    undated: 'kein datierter Kontakt',
    crmSince: (date: string) => `im CRM seit ${date}, kein datierter Kontakt`,
    ordersWorth: (orders: string, revenue: string) => `${orders} über ${revenue}`,
    nothingOwn: 'keine eigenen Einträge',
    placeholder: (name: string) => `Jemand, der als ${quote(name, 'de')} schreibt`,
    rated: (rating: string) => `bewertet mit ${rating}`,
    latestOf: (rating: string, n: number) => `zuletzt ${rating} von ${n} Bewertungen`,
    meanOf: (mean: string, n: number) => `${n} Bewertungen, Mittelwert ${mean}`,
    thumbs: (up: number, n: number) => `${up} von ${n} Daumen hoch`,
    trend: { up: 'steigend', down: 'fallend', steady: 'gleichbleibend' },
    experience: 'Erlebt',
    expectation: 'Erhofft',
    noted: (who: string) => `notiert von ${who}`,
    noHope: 'Was sie sich erhofft, steht nicht in ihren Worten.',
    noExperience: 'Weder Schmerzpunkt noch Lob genannt.',
    unreadOnly: 'Ihre Sprache liest thick nicht; was sie sich darin erhofft, bleibt ungesehen.',
    ownWords: 'In eigenen Worten',
    unread: 'in einer Sprache, die thick nicht liest',
    byRating: 'laut Bewertung',
    ratedOnly: (rating: string) => `Ohne Kommentar bewertet (${rating}): Was die Person bewegt, steht nicht in den Daten.`,
    ordersOnly: (orders: string) => `Hat bestellt (${orders}), aber nichts geschrieben: Was die Person bewegt, steht nicht in den Daten.`,
    nothing: 'Nichts Eigenes in den Daten: Was die Person bewegt, ist unbekannt.',
  },
} as const;

type Words = (typeof WORDS)[ReportLang];

/** "a, b and c" */
function listed(parts: readonly string[], w: Words): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${w.and} ${parts.at(-1)}`;
}

/** "4 tickets (email, phone)": the customer's own records by kind, most first, each with the channels it came by. */
function recordParts(subject: ProfiledCustomer, lang: ReportLang): string[] {
  const byKind = new Map<string, { n: number; channels: Set<string> }>();
  for (const event of subject.events.filter(isOwnRecord)) {
    const entry = byKind.get(event.kind) ?? { n: 0, channels: new Set<string>() };
    entry.n += 1;
    entry.channels.add(event.channel === event.kind ? event.kind : channelName(event.channel, lang));
    byKind.set(event.kind, entry);
  }
  return [...byKind]
    .sort(([a, x], [b, y]) => y.n - x.n || byCodePoint(a, b))
    .map(([kind, { n, channels }]) => {
      // "1 survey answer (survey)" says nothing twice: a channel named like the kind is left out.
      const where = [...channels].filter((c) => c !== kind).sort(byCodePoint).map(escapeMarkdown);
      return where.length > 0 ? `${kindName(kind, lang, n)} (${where.join(', ')})` : kindName(kind, lang, n);
    });
}

/** Their rating in a few words; a single one with the verb ("rated ★☆☆☆☆ 1/5") unless `verb` is false. */
function ratingPart(rating: ProfiledCustomer['profile']['rating'], w: Words, lang: ReportLang, verb = true): string | null {
  if (!rating) return null;
  const trend = rating.trend && rating.trend !== 'steady' ? `, ${w.trend[rating.trend]}` : '';
  if (rating.scale === 'thumbs' && rating.n > 1) return `${w.thumbs(Math.round(rating.mean * rating.n), rating.n)}${trend}`;
  if (rating.latest === null) return w.meanOf(num(Math.round(rating.mean * 10) / 10, lang), rating.n);
  const latest = ratingText({ value: rating.latest, scale: rating.scale }, lang);
  if (rating.n === 1) return verb ? w.rated(latest) : latest;
  return `${w.latestOf(latest, rating.n)}${trend}`;
}

/** Who this is: name and stage, since when, what their records are and where, and their rating. */
function whoLine(subject: ProfiledCustomer, w: Words, lang: ReportLang): string {
  const { profile, customer } = subject;
  const placeholder = customer.anonymous ? subject.events.find((e) => e.who.placeholder)?.who.placeholder : undefined;
  const name = placeholder ? w.placeholder(inline(placeholder, 60)) : inline(profile.name ?? profile.id, 120);
  const first = dayOf(profile.firstContact, lang);
  const last = dayOf(profile.lastContact, lang);
  const created = customer.contact?.createdAt;
  const when = !profile.firstContact ? (created ? w.crmSince(day(created, lang)) : w.undated) : first === last ? w.on(first) : w.since(first, last);
  const orders = profile.orders.count ? [profile.orders.revenue === null ? kindName('order', lang, profile.orders.count) : w.ordersWorth(kindName('order', lang, profile.orders.count), money(profile.orders.revenue, lang))] : [];
  const records = listed([...orders, ...recordParts(subject, lang)], w) || w.nothingOwn;
  const rating = ratingPart(profile.rating, w, lang);
  return `${name} — ${stageName(profile.stage, lang)}, ${when}: ${records}${rating ? `; ${rating}` : ''}.`;
}

interface Hit {
  event: Event;
  annotation: Annotation;
  /** Whether the words name it (profile/themes.ts wordedCodes), not only the record's rating or kind. */
  worded: boolean;
}

/** The customer's own coded words carrying a signal, else an analyst's note that does. */
function hitsFor(subject: ProfiledCustomer, signals: readonly Signal[]): { own: Hit[]; noted: Hit[] } {
  const own: Hit[] = [];
  const noted: Hit[] = [];
  for (const event of subject.events) {
    const carries = (a: Annotation) => signals.some((s) => subject.signals.is(s, a.code));
    if (isCustomerVoice(event)) {
      const annotation = event.annotations.find((a) => a.by.kind === 'rule' && carries(a));
      if (annotation) own.push({ event, annotation, worded: wordedCodes(event).includes(annotation.code) });
    } else if (event.kind === 'note') {
      const annotation = event.annotations.find((a) => a.by.kind === 'analyst' && carries(a));
      if (annotation) noted.push({ event, annotation, worded: true });
    }
  }
  return { own, noted };
}

const time = (event: Event): number => event.at?.getTime() ?? -Infinity;

/** Hits in the order they are shown: a record the next step does not quote first, then by `rank`, then words that name it. */
function preferred(avoid: readonly Event[], rank: (hit: Hit) => number) {
  return (a: Hit, b: Hit): number =>
    Number(avoid.includes(a.event)) - Number(avoid.includes(b.event)) || rank(a) - rank(b) || Number(b.worded) - Number(a.worded);
}

/**
 * The strongest: the most strongly felt (a pain the most negative, praise the most positive), then the latest. A
 * record the next step quotes (`avoid`) comes last, so the three lines show two things, not one twice.
 */
function strongest(hits: readonly Hit[], sign: -1 | 1, avoid: readonly Event[], rank: (hit: Hit) => number = () => 0): Hit | undefined {
  const felt = (hit: Hit) => feltTone(hit.event)?.score ?? 0;
  return [...hits].sort((a, b) => preferred(avoid, rank)(a, b) || sign * (felt(b) - felt(a)) || time(b.event) - time(a.event) || byRecord(a.event, b.event))[0];
}

/** The latest, the expectation they hold now. */
const latest = (hits: readonly Hit[], avoid: readonly Event[]): Hit | undefined =>
  [...hits].sort((a, b) => preferred(avoid, () => 0)(a, b) || time(b.event) - time(a.event) || byRecord(a.event, b.event))[0];

/** “quote” (label), the quote short and escaped, with a note of an analyst's or of a language thick does not read. */
function said(hit: Hit, codes: ReadonlyMap<string, CodeInfo>, w: Words, lang: ReportLang, byAnalyst = false): string {
  // A code the rating gave quotes the record's first sentence, which need not say it ("Hallo!"): the text shows more.
  const text = quote(inline((hit.worded ? hit.annotation.quote : hit.event.text) ?? hit.event.text ?? '', 110), lang);
  // The label says where a code came from when the stars gave it: a 4★ review that says "they forgot my gift card"
  // is praise by its rating, not in its words, and the reader sees both.
  const notes = [`${mdText(codeLabel(codes, hit.annotation.code, lang))}${!hit.worded && hit.event.rating ? ` ${w.byRating}` : ''}`];
  if (byAnalyst) notes.push(w.noted(mdText(hit.event.author ?? hit.annotation.by.id)));
  if (hit.event.lang === 'other') notes.push(w.unread);
  return `${text} (${notes.join(', ')})`;
}

/**
 * Their experience (their strongest pain, else complaint, else praise; else their latest words) next to their
 * expectation (their latest wish, hope or suggestion). An analyst's note stands in, said as such, where their own words
 * name neither; a note's idea of what to do is the analyst's, not the customer's hope, and is left to the next step.
 */
function movesLine(subject: ProfiledCustomer, codes: ReadonlyMap<string, CodeInfo>, w: Words, lang: ReportLang, next: Event | null): string {
  const avoid = next ? [next] : [];
  const experienced = experienceOf(subject, avoid);
  const hoped = latest(hitsFor(subject, ['longing', 'suggestion']).own, experienced ? [...avoid, experienced.event] : avoid);
  const notedExperience = experienced ? undefined : (latest(hitsFor(subject, ['pain', 'mistrust']).noted, avoid) ?? latest(hitsFor(subject, ['praise']).noted, avoid));
  const notedHope = hoped ? undefined : latest(hitsFor(subject, ['longing']).noted, avoid);
  const experience = experienced ? said(experienced, codes, w, lang) : notedExperience ? said(notedExperience, codes, w, lang, true) : null;
  const hope = hoped ? said(hoped, codes, w, lang) : notedHope ? said(notedHope, codes, w, lang, true) : null;
  const words = experience ? null : latestWords(subject, w, lang);
  if (!experience && !hope && !words) return silentLine(subject, w, lang);
  // Words only in a language thick does not read: what it names there is the rating's, and it says so.
  const voiced = subject.events.filter(isCustomerVoice);
  const unread = voiced.length > 0 && voiced.every((e) => e.lang === 'other');
  if (unread && !hope) return `${experience ? `${w.experience}: ${experience}.` : `${w.ownWords}: ${words}.`} ${w.unreadOnly}`;
  const first = experience ? `${w.experience}: ${experience}.` : words ? `${w.ownWords}: ${words}. ${w.noExperience}` : w.noExperience;
  return `${first} ${hope ? `${w.expectation}: ${hope}.` : w.noHope}`;
}

/**
 * Their experience in their own words: a pain, or mistrust they met (prepayment, proof demanded), before a complaint
 * that names neither; praise when nothing went wrong. A cancellation they made themselves ("please cancel my
 * subscription") is their decision, not a pain they suffered.
 */
function experienceOf(subject: ProfiledCustomer, avoid: readonly Event[]): Hit | undefined {
  const suffered = (hit: Hit) => !(subject.signals.is('cancellation', hit.annotation.code) && readingOf(hit.event, 'cancelled'));
  const negative = [...hitsFor(subject, ['pain', 'mistrust']).own, ...hitsFor(subject, ['complaint']).own].filter(suffered);
  const rank = (hit: Hit) => (subject.signals.is('complaint', hit.annotation.code) ? 1 : 0);
  return strongest(negative, -1, avoid, rank) ?? strongest(hitsFor(subject, ['praise']).own, 1, avoid);
}

/** Their latest words, quoted and dated, when nothing in them is coded. */
function latestWords(subject: ProfiledCustomer, w: Words, lang: ReportLang): string | null {
  const words = subject.events.filter(isCustomerVoice).sort((a, b) => time(b) - time(a) || byRecord(a, b))[0];
  if (!words) return null;
  return `${quote(inline(words.text!, 110), lang)} (${words.lang === 'other' ? `${w.unread}, ` : ''}${day(words.at, lang)})`;
}

/** Nothing in their own words: what little there is (a rating, orders), said honestly. */
function silentLine(subject: ProfiledCustomer, w: Words, lang: ReportLang): string {
  const { rating, orders } = subject.profile;
  if (rating) return w.ratedOnly(ratingPart(rating, w, lang, false)!);
  if (orders.count) return w.ordersOnly(kindName('order', lang, orders.count));
  return w.nothing;
}

/** The portrait of one customer, in the report's language. */
export function portrait(subject: ProfiledCustomer, codes: ReadonlyMap<string, CodeInfo>, lang: ReportLang): Portrait {
  const w = WORDS[lang];
  const opener = chooseOpeners(subject, codes, lang)[0];
  return {
    who: `**${w.who}:** ${whoLine(subject, w, lang)}`,
    moves: `**${w.moves}:** ${movesLine(subject, codes, w, lang, opener?.evidence ?? null)}`,
    next: `**${w.next}:** ${opener?.text ?? ''}`,
  };
}
