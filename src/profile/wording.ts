// How the profile's judgements read, in English and German. Judgements are made once, as data (a key and its
// figures); profiles.jsonl carries the English wording, reports render the language they are asked for.

import type { EventKind, Rating } from '../model.js';

export type Lang = 'en' | 'de';

export interface Finding {
  key: FindingKey;
  /** The count or number of days the finding is about. */
  n?: number;
  /** A sentiment mean, a channel name, a handle, a record kind … */
  value?: string;
  /** The rating the finding is about. */
  rating?: Rating;
  /** The day (YYYY-MM-DD) the finding is about. */
  date?: string;
  /** Out of how many (customers of the run). */
  of?: number;
  /** A usual interval, in days (between orders). */
  interval?: number;
  /** The codebook's names of the codes the finding is about ("Cancellation", "Waiting and delay"). */
  labels?: { en: string; de: string }[];
}

const s = (n: number | undefined, one: string, many: string): string => `${n ?? 0} ${n === 1 ? one : many}`;

const NUMBER_WORDS: Record<Lang, readonly string[]> = {
  en: ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  de: ['', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'],
};

/**
 * How long ago, as a reader says it: days within a year ("190 days"), whole years beyond ("over five years"), never
 * "1894 days". German needs the case the sentence asks for: `dative` after "vor", "seit", "nach" ("vor über fünf
 * Jahren", "seit 7 Tagen"), else nominative or accusative ("über fünf Jahre alt"); English has one form.
 */
export function elapsed(days: number, lang: Lang, dative = false): string {
  if (days < 365) {
    if (lang === 'en') return s(days, 'day', 'days');
    return `${days} ${days === 1 ? 'Tag' : dative ? 'Tagen' : 'Tage'}`;
  }
  const years = Math.floor(days / 365.25) || 1;
  if (lang === 'en') return years === 1 ? 'over a year' : `over ${NUMBER_WORDS.en[years] ?? years} years`;
  if (years === 1) return dative ? 'über einem Jahr' : 'über ein Jahr';
  return `über ${NUMBER_WORDS.de[years] ?? years} ${dative ? 'Jahren' : 'Jahre'}`;
}

const KIND_NAMES: Record<Lang, Record<EventKind, [string, string, string]>> = {
  // [with article, one, many]
  en: {
    ticket: ['a ticket', 'ticket', 'tickets'],
    message: ['a message', 'message', 'messages'],
    post: ['a post', 'post', 'posts'],
    review: ['a review', 'review', 'reviews'],
    survey: ['a survey answer', 'survey answer', 'survey answers'],
    order: ['an order', 'order', 'orders'],
    note: ['a note', 'note', 'notes'],
  },
  de: {
    ticket: ['ein Ticket', 'Ticket', 'Tickets'],
    message: ['eine Nachricht', 'Nachricht', 'Nachrichten'],
    post: ['ein Beitrag', 'Beitrag', 'Beiträge'],
    review: ['eine Bewertung', 'Bewertung', 'Bewertungen'],
    survey: ['eine Umfrageantwort', 'Umfrageantwort', 'Umfrageantworten'],
    order: ['eine Bestellung', 'Bestellung', 'Bestellungen'],
    note: ['eine Notiz', 'Notiz', 'Notizen'],
  },
};

/** "a review" / "eine Bewertung"; with n: "3 reviews" / "3 Bewertungen". */
export function kindName(kind: string, lang: Lang, n?: number): string {
  const names = KIND_NAMES[lang][kind as EventKind];
  if (!names) return n === undefined ? kind : `${n} ${kind}`;
  return n === undefined ? names[0] : `${n} ${n === 1 ? names[1] : names[2]}`;
}

const decimal = (value: number, lang: Lang): string => {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return lang === 'de' ? text.replace('.', ',') : text;
};

type Scale = Rating['scale'] | 'grade';

/** How each scale is written: "★★☆☆☆ 2/5", "7/10", "NPS 3", "CSAT 4/5", "grade 2" / "Note 2", "thumbs down". */
const RATING_TEXT: Record<Scale, (value: number, v: string, lang: Lang) => string> = {
  stars5: (value, v) => {
    const full = Math.max(0, Math.min(5, Math.round(value)));
    return `${'★'.repeat(full)}${'☆'.repeat(5 - full)} ${v}/5`;
  },
  stars10: (_, v) => `${v}/10`,
  nps: (_, v) => `NPS ${v}`,
  csat: (_, v) => `CSAT ${v}/5`,
  grade: (_, v, lang) => (lang === 'de' ? `Note ${v}` : `grade ${v} (1 best)`),
  thumbs: (value, _, lang) => (lang === 'de' ? (value > 0 ? 'Daumen hoch' : 'Daumen runter') : value > 0 ? 'thumbs up' : 'thumbs down'),
};

/** A rating as people write it. */
export function ratingText(rating: Rating, lang: Lang): string {
  return RATING_TEXT[rating.scale as Scale](rating.value, decimal(rating.value, lang), lang);
}

/** "1 order, 2 records of their own": orders only where known, records only where there are any besides orders. */
const contactParts = (f: Finding, orders: string, records: string): string =>
  [f.n === undefined ? null : orders, f.n !== undefined && f.n > 0 && Number(f.value) === 0 ? null : records].filter((p) => p !== null).join(', ');

/** " (Cancellation, Waiting and delay)" from a finding's labels; nothing without. */
const named = (f: Finding, lang: Lang): string => (f.labels && f.labels.length > 0 ? ` (${f.labels.map((l) => l[lang]).join(', ')})` : '');

const r = (f: Finding, lang: Lang): string => (f.rating ? ratingText(f.rating, lang) : '');
const on = (f: Finding, lang: Lang): string => (f.date ? (lang === 'de' ? ` vom ${dateText(f.date, lang)}` : ` of ${f.date}`) : '');
/** " (03.05.2024)" after a rating; nothing without a date. */
const when = (f: Finding, lang: Lang): string => (f.date ? ` (${dateText(f.date, lang)})` : '');

/**
 * A calendar day or period as the reader's language writes it. English keeps ISO 8601 ("2024-05-03", "2024-05",
 * "2024-Q2"), which reads the same everywhere and sorts as text. German writes the day first with dots, as DIN 5008
 * does ("03.05.2024"), a month as "05.2024" and a quarter as "Q2 2024". A year, or anything else, stays as it is.
 */
export function dateText(iso: string, lang: Lang): string {
  if (lang === 'en') return iso;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (day) return `${day[3]}.${day[2]}.${day[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month) return `${month[2]}.${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(iso);
  return quarter ? `Q${quarter[2]} ${quarter[1]}` : iso;
}

const WORDING = {
  // stage reasons
  turnedAway: {
    en: (f: Finding) => `turning away or loyalty refused came up (${f.n}×)`,
    de: (f: Finding) => `hat sich abgewandt oder Loyalität verweigert (${f.n}×)`,
  },
  endedItThemselves: {
    en: (f: Finding) => `ended it themselves: cancelled, closed their account or went elsewhere (${f.n}×)`,
    de: (f: Finding) => `hat die Beziehung selbst beendet: gekündigt, das Konto geschlossen oder zur Konkurrenz gewechselt (${f.n}×)`,
  },
  neverAnswered: { en: (f: Finding) => `${s(f.n, 'message', 'messages')} never answered`, de: (f: Finding) => `${s(f.n, 'Nachricht', 'Nachrichten')} nie beantwortet` },
  lowRating: {
    en: (f: Finding) => `latest rating ${r(f, 'en')}${when(f, 'en')}, nothing warmer since`,
    de: (f: Finding) => `letzte Bewertung ${r(f, 'de')}${when(f, 'de')}, seither nichts Positiveres`,
  },
  ratingFell: {
    en: (f: Finding) => `rating fell to ${r(f, 'en')} (mean of all ${f.value})`,
    de: (f: Finding) => `Bewertung auf ${r(f, 'de')} gefallen (Mittelwert insgesamt ${deDecimal(f.value)})`,
  },
  topRating: {
    en: (f: Finding) => `top rating ${r(f, 'en')}${when(f, 'en')}`,
    de: (f: Finding) => `Bestnote ${r(f, 'de')}${when(f, 'de')}`,
  },
  negativeWithPains: {
    en: (f: Finding) => `negative on the whole, by their ratings and words (mean ${f.value}), ${s(f.n, 'record', 'records')} about pain points${named(f, 'en')}`,
    de: (f: Finding) => `Gesamteindruck negativ (Mittelwert aus Bewertungen und Texten ${deDecimal(f.value)}), ${s(f.n, 'Eintrag', 'Einträge')} zu Schmerzpunkten${named(f, 'de')}`,
  },
  stoppedOrdering: {
    en: (f: Finding) => `ordered on ${f.value} different days, usually every ${s(f.interval, 'day', 'days')}, but not in the last ${f.n} days`,
    de: (f: Finding) => `an ${f.value} verschiedenen Tagen bestellt, meist alle ${s(f.interval, 'Tag', 'Tage')}, seit ${f.n} Tagen aber nicht mehr`,
  },
  // The role by the codebook's label ("Recommender", "Weiterempfehler"), so a user codebook's roles read as it names them.
  role: { en: (f: Finding) => `${f.labels?.[0]?.en ?? f.value} (${f.n}×)`, de: (f: Finding) => `${f.labels?.[0]?.de ?? f.value} (${f.n}×)` },
  praised: { en: (f: Finding) => `praised the brand (${f.n}×)`, de: (f: Finding) => `hat die Marke gelobt (${f.n}×)` },
  positiveVoice: {
    en: (f: Finding) => `positive on the whole, by their ratings and words (mean ${f.value})`,
    de: (f: Finding) => `Gesamteindruck positiv (Mittelwert aus Bewertungen und Texten ${deDecimal(f.value)})`,
  },
  manyOrders: { en: (f: Finding) => s(f.n, 'order', 'orders'), de: (f: Finding) => s(f.n, 'Bestellung', 'Bestellungen') },
  // value: the different days they fell on.
  manyContacts: {
    en: (f: Finding) => `${s(f.n, 'contact', 'contacts')} of their own (records and orders)${f.value ? ` on ${f.value} different days` : ''}`,
    de: (f: Finding) => `${s(f.n, 'eigener Kontakt', 'eigene Kontakte')} (Einträge und Bestellungen)${f.value ? ` an ${f.value} verschiedenen Tagen` : ''}`,
  },
  // n: distinct orders, absent when the run cannot know them; value: the customer's own records.
  someContact: {
    en: (f: Finding) => contactParts(f, s(f.n, 'order', 'orders'), s(Number(f.value), 'record of their own', 'records of their own')),
    de: (f: Finding) => contactParts(f, s(f.n, 'Bestellung', 'Bestellungen'), s(Number(f.value), 'eigener Eintrag', 'eigene Einträge')),
  },
  noInteractions: { en: () => 'no interactions in the data', de: () => 'keine Kontakte in den Daten' },
  singleInteraction: {
    en: (f: Finding) => `a single contact${f.value ? ` (${kindName(f.value, 'en')})` : ''}`,
    de: (f: Finding) => `ein einziger Kontakt${f.value ? ` (${kindName(f.value, 'de')})` : ''}`,
  },
  // blind spots of one customer, each with what would fill the gap
  noVoice: {
    en: () => 'We have no words of their own: no message, ticket, review or comment. A note from whoever last spoke with them would be a start.',
    de: () => 'Wir haben keine eigenen Worte von dieser Person: keine Nachricht, kein Ticket, keine Bewertung, keinen Kommentar. Eine Notiz aus dem letzten Gespräch mit ihr wäre ein Anfang.',
  },
  silentLately: {
    en: (f: Finding) => `Nothing in their own words since ${f.date} (${elapsed(f.n ?? 0, 'en')}): how they feel now is unknown, and only asking them will tell.`,
    de: (f: Finding) => `Seit dem ${dateText(f.date ?? '', 'de')} (vor ${elapsed(f.n ?? 0, 'de', true)}) keine eigenen Worte mehr: Wie es der Person heute geht, wissen wir nicht; das erfährt nur, wer nachfragt.`,
  },
  oneChannel: {
    en: (f: Finding) => `Seen only on ${f.value}, although this run has ${s(f.n, 'other channel', 'other channels')}: their email or handle on the contact record would join what they do there.`,
    de: (f: Finding) => `Nur im Kanal ${channelName(f.value ?? '', 'de')} zu sehen, obwohl die Auswertung ${s(f.n, 'weiteren Kanal', 'weitere Kanäle')} enthält: Mit E-Mail-Adresse oder Nutzername im CRM-Kontakt ließe sich verbinden, was die Person dort tut.`,
  },
  unlinked: {
    en: (f: Finding) => `Not linked to a CRM contact: known only by ${f.value}. Adding ${f.value} to their contact record would join both.`,
    de: (f: Finding) => `Mit keinem CRM-Kontakt verknüpft, nur als ${f.value} bekannt. Wer ${f.value} im Kontaktdatensatz hinterlegt, verbindet beides.`,
  },
  ordersUnjoinable: {
    en: (f: Finding) => `Known only by ${f.value}, and orders join by customer id or email: what they buy stays unknown until their contact record has one of those.`,
    de: (f: Finding) => `Nur als ${f.value} bekannt, Bestellungen werden aber über Kundennummer oder E-Mail-Adresse zugeordnet: Was die Person kauft, bleibt unbekannt, bis ihr Kontaktdatensatz eines davon enthält.`,
  },
  noOrders: {
    en: (f: Finding) => `No orders under ${f.value}: they may order under another address, or not at all; asking which address they shop with would tell.`,
    de: (f: Finding) => `Keine Bestellungen unter ${f.value}: Vielleicht bestellt die Person unter einer anderen Adresse oder gar nicht; die Frage nach der Bestelladresse klärt es.`,
  },
  noHandle: {
    en: () => 'No social handle on their contact record: what they say in public is not linked. Adding their handle would join their posts.',
    de: () => 'Kein Social-Media-Nutzername im Kontaktdatensatz: Was die Person öffentlich sagt, ist nicht verknüpft. Ist ihr Nutzername hinterlegt, lassen sich ihre Beiträge zuordnen.',
  },
  handleWithoutPosts: {
    en: (f: Finding) => `Has a social handle (@${f.value}) but no posts in the data: a comment export of that platform would show whether they speak there.`,
    de: (f: Finding) => `Hat einen Social-Media-Nutzernamen (@${f.value}), aber keine Beiträge in den Daten: Ein Kommentarexport dieser Plattform würde zeigen, ob die Person dort aktiv ist.`,
  },
  fewDataPoints: {
    en: (f: Finding) =>
      f.n === 0
        ? 'No record besides the contact data: we know that they exist, nothing more.'
        : f.n === 1
          ? `Only one record (${kindName(f.value ?? '', 'en')}${on(f, 'en')}): one moment, not a relationship; every judgement here waits for a second contact.`
          : `Only ${f.n} records of their own (the latest: ${kindName(f.value ?? '', 'en')}${on(f, 'en')}): every judgement here is tentative.`,
    de: (f: Finding) =>
      f.n === 0
        ? 'Außer den Kontaktdaten kein einziger Eintrag: Wir wissen, dass es die Person gibt, mehr nicht.'
        : f.n === 1
          ? `Nur ein Eintrag (${kindName(f.value ?? '', 'de')}${on(f, 'de')}): eine Momentaufnahme, noch keine Beziehung; jedes Urteil bleibt vorläufig, bis ein zweiter Kontakt folgt.`
          : `Nur ${f.n} eigene Einträge (zuletzt ${kindName(f.value ?? '', 'de')}${on(f, 'de')}): Jedes Urteil hier ist vorläufig.`,
  },
  undated: {
    en: (f: Finding) => `${s(f.n, 'record', 'records')} without a date: timing and recency may be off; a date column in the export would fix it.`,
    de: (f: Finding) => `${s(f.n, 'Eintrag', 'Einträge')} ohne Datum: Zeitpunkte und Aktualität können täuschen; eine Datumsspalte im Export würde das beheben.`,
  },
  noNotes: {
    en: () => 'No analyst note on them, although the run has notes on others: whoever handled their case could write down what they know first-hand.',
    de: () => 'Keine Analystennotiz zu dieser Person, obwohl es Notizen zu anderen gibt: Wer den Fall betreut hat, könnte festhalten, was er aus erster Hand weiß.',
  },
  silentReplies: {
    en: (f: Finding) => `${s(f.n, 'brand reply', 'brand replies')} without text in the data: we see that the brand answered, not what it said; the reply text in the export would show it.`,
    de: (f: Finding) => `${s(f.n, 'Antwort', 'Antworten')} der Marke ohne Text in den Daten: Wir sehen, dass geantwortet wurde, aber nicht, was; der Antworttext im Export würde es zeigen.`,
  },
  pausedOrdering: {
    en: (f: Finding) => `No order for ${elapsed(f.n ?? 0, 'en')}: we cannot see whether they buy elsewhere now, or just paused.`,
    de: (f: Finding) => `Seit ${elapsed(f.n ?? 0, 'de', true)} keine Bestellung: Wir sehen nicht, ob die Person jetzt woanders kauft oder nur pausiert.`,
  },
  fewTexts: {
    en: (f: Finding) => `Tone read by machine from only ${s(f.n, 'text', 'texts')} and no rating: irony and context can escape it; a rating or a direct question would tell.`,
    de: (f: Finding) => `Tonalität maschinell aus nur ${s(f.n, 'Text', 'Texten')} ermittelt, ohne Bewertung: Ironie und Zusammenhang können dabei entgehen; eine Bewertung oder eine direkte Frage würde es klären.`,
  },
  otherLanguage: {
    en: (f: Finding) => `${s(f.n, 'text', 'texts')} in a language thick does not read: tone and codes skip them; someone who reads it would not.`,
    de: (f: Finding) => `${s(f.n, 'Text', 'Texte')} in einer Sprache, die thick nicht liest: Tonalität und Codes fehlen dafür; wer die Sprache liest, könnte sie ergänzen.`,
  },
  anonymous: {
    en: (f: Finding) => `Written under ${f.value ? `a placeholder name (“${f.value}”)` : 'no name'}: nothing else they did can be joined to it. A reviewer or user id in the export would.`,
    de: (f: Finding) => `Unter ${f.value ? `einem Platzhalternamen („${f.value}“)` : 'keinem Namen'} geschrieben: Nichts anderes von dieser Person lässt sich damit verbinden. Eine Nutzer-ID im Export würde das ermöglichen.`,
  },
  nameJoins: {
    en: (f: Finding) => `${s(f.n, 'row', 'rows')} joined to them by name alone (${f.value}): an id or email in those rows would confirm it is the same person.`,
    de: (f: Finding) => `${s(f.n, 'Zeile', 'Zeilen')} nur über den Namen zugeordnet (${f.value}): Eine ID oder E-Mail-Adresse in diesen Zeilen würde bestätigen, dass es dieselbe Person ist.`,
  },
  ratedWithoutWords: {
    en: (f: Finding) => `Rated ${f.n}× without a word: we know how they rate us, not why.`,
    de: (f: Finding) => `${f.n}× ohne Kommentar bewertet: Wir wissen, wie die Person uns bewertet, nicht warum.`,
  },
  toneDisagrees: {
    en: (f: Finding) => `In ${s(f.n, 'record', 'records')} the words and the rating point different ways (irony, or mixed feelings): the rating counts, but read ${f.n === 1 ? 'it' : 'them'} yourself (marked under Voice).`,
    de: (f: Finding) => `${f.n === 1 ? 'In einem Eintrag' : `In ${f.n} Einträgen`} zeigen Worte und Bewertung in verschiedene Richtungen (Ironie oder gemischte Gefühle): Maßgeblich ist die Bewertung, aber bitte selbst lesen (unter O-Töne markiert).`,
  },
  answeredElsewhere: {
    en: (f: Finding) => `${s(f.n, 'message was', 'messages were')} answered outside this export (it names replies it does not contain): when, and what was said, is unknown; the full conversation from the platform would show it.`,
    de: (f: Finding) => `${s(f.n, 'Nachricht wurde', 'Nachrichten wurden')} außerhalb dieses Exports beantwortet (er nennt Antworten, die er nicht enthält): Wann und was geantwortet wurde, ist unbekannt; der ganze Verlauf von der Plattform würde es zeigen.`,
  },
  // blind spots of the whole run: said once, in the index
  runNoOrders: {
    en: () => 'No order data in this run: value and buying rhythm are unknown for every customer. An orders export (customer id or email, order id, amount) would add them.',
    de: () => 'Keine Bestelldaten in dieser Auswertung: Kundenwert und Kaufrhythmus sind bei allen unbekannt. Ein Bestellexport (Kundennummer oder E-Mail-Adresse, Bestellnummer, Betrag) würde sie ergänzen.',
  },
  runNoContacts: {
    en: () => 'No CRM contacts in this run: every customer is known only by the id, email or handle on their records. A contacts export would link them to a person.',
    de: () => 'Keine CRM-Kontakte in dieser Auswertung: Alle sind nur über die ID, E-Mail-Adresse oder den Nutzernamen ihrer Einträge bekannt. Ein Kontaktexport würde sie einer Person zuordnen.',
  },
  runNoNotes: {
    en: () => 'No analyst notes in this run: nobody has written down what they know first-hand about any customer. A notes file (customer, date, author, note) would add it.',
    de: () => 'Keine Analystennotizen in dieser Auswertung: Niemand hat festgehalten, was er aus erster Hand über jemanden weiß. Eine Notizdatei (Kunde, Datum, Autor, Notiz) würde es ergänzen.',
  },
  runNoSocial: {
    en: () => 'No social media data in this run: what customers say in public is not here.',
    de: () => 'Keine Social-Media-Daten in dieser Auswertung: Was Kundinnen und Kunden öffentlich sagen, fehlt hier.',
  },
  runOnlyReviews: {
    en: () => 'No social media posts in this run: what customers say in public is here only as their reviews, not what they post elsewhere.',
    de: () => 'Keine Social-Media-Beiträge in dieser Auswertung: Was Kundinnen und Kunden öffentlich sagen, steht hier nur in ihren Bewertungen, nicht in dem, was sie anderswo posten.',
  },
  runOneChannel: {
    en: (f: Finding) => `Every record comes from one channel (${f.value}): whatever customers do elsewhere is invisible here.`,
    de: (f: Finding) => `Alle Einträge stammen aus einem Kanal (${channelName(f.value ?? '', 'de')}): Was die Kundschaft anderswo tut, bleibt hier unsichtbar.`,
  },
  // a gap most customers of the run share: one line in the index
  commonGap: {
    en: (f: Finding) => `${f.n} of ${f.of} customers ${COMMON_GAPS[f.value ?? '']?.en ?? `share the gap "${f.value}".`}`,
    de: (f: Finding) => `${f.n} von ${f.of} Kundinnen und Kunden ${COMMON_GAPS[f.value ?? '']?.de ?? `teilen die Lücke „${f.value}“.`}`,
  },
  // attention reasons
  unanswered: { en: (f: Finding) => `${f.n} unanswered`, de: (f: Finding) => `${f.n} unbeantwortet` },
  openQuestions: { en: (f: Finding) => s(f.n, 'open question', 'open questions'), de: (f: Finding) => s(f.n, 'offene Frage', 'offene Fragen') },
  unrepliedCritical: { en: (f: Finding) => `${s(f.n, 'critical record', 'critical records')} without a reply`, de: (f: Finding) => `${s(f.n, 'kritischer Eintrag', 'kritische Einträge')} ohne Antwort` },
  lowRatingShort: { en: (f: Finding) => `rated ${r(f, 'en')}`, de: (f: Finding) => `bewertet mit ${r(f, 'de')}` },
  atRisk: { en: () => 'at risk', de: () => 'gefährdet' },
  negativeTone: { en: () => 'negative tone', de: () => 'negative Tonalität' },
  recentComplaints: { en: (f: Finding) => s(f.n, 'recent complaint', 'recent complaints'), de: (f: Finding) => s(f.n, 'aktuelle Beschwerde', 'aktuelle Beschwerden') },
  highValue: { en: () => 'high value', de: () => 'hoher Kundenwert' },
} satisfies Record<string, { en: (f: Finding) => string; de: (f: Finding) => string }>;

export type FindingKey = keyof typeof WORDING;

/** The customer gaps, said of many customers at once (after "N of M customers"). */
const COMMON_GAPS: Record<string, { en: string; de: string }> = {
  noVoice: { en: 'have no words of their own in the data: no message, ticket, review or comment.', de: 'haben keine eigenen Worte in den Daten: keine Nachricht, kein Ticket, keine Bewertung, keinen Kommentar.' },
  silentLately: { en: 'have said nothing in their own words recently: how they feel now is unknown.', de: 'haben in letzter Zeit nichts in eigenen Worten gesagt: Wie es ihnen jetzt geht, wissen wir nicht.' },
  oneChannel: { en: 'are seen on one channel only, although the run has others.', de: 'sind nur in einem Kanal zu sehen, obwohl die Auswertung weitere enthält.' },
  unlinked: { en: 'are not linked to a CRM contact: the contacts export has no id, email or handle of theirs.', de: 'sind mit keinem CRM-Kontakt verknüpft: Der Kontaktexport kennt weder ihre ID noch ihre E-Mail-Adresse oder ihren Nutzernamen.' },
  ordersUnjoinable: { en: 'are known only by a handle or name, so no orders can be joined to them.', de: 'sind nur über Nutzernamen oder Namen bekannt, daher lassen sich keine Bestellungen zuordnen.' },
  noOrders: { en: 'have no orders under their id or email.', de: 'haben keine Bestellungen unter ihrer ID oder E-Mail-Adresse.' },
  noHandle: { en: 'have no social handle on their contact record.', de: 'haben keinen Social-Media-Nutzernamen im Kontaktdatensatz.' },
  handleWithoutPosts: { en: 'have a social handle but no posts in the data.', de: 'haben einen Social-Media-Nutzernamen, aber keine Beiträge in den Daten.' },
  fewDataPoints: { en: 'have fewer than three records of their own: every judgement about them is tentative; their reports say what the one or two records are.', de: 'haben weniger als drei eigene Einträge: Jedes Urteil über sie ist vorläufig; ihre Porträts nennen die ein, zwei Einträge.' },
  undated: { en: 'have records without a date: timing and recency may be off.', de: 'haben Einträge ohne Datum: Zeitpunkte und Aktualität können täuschen.' },
  noNotes: { en: 'have three or more records but no analyst note.', de: 'haben drei oder mehr Einträge, aber keine Analystennotiz.' },
  silentReplies: { en: 'got brand replies whose text is not in the data.', de: 'bekamen Antworten der Marke, deren Text nicht in den Daten steht.' },
  pausedOrdering: { en: 'ordered before but not recently.', de: 'haben früher bestellt, in letzter Zeit aber nicht.' },
  fewTexts: { en: 'have their tone read by machine from one or two texts and no rating.', de: 'haben eine Tonalität, die nur auf ein, zwei maschinell gelesenen Texten ohne Bewertung beruht.' },
  otherLanguage: { en: 'wrote in a language thick does not read: tone and codes skip those texts.', de: 'schrieben in einer Sprache, die thick nicht liest: Tonalität und Codes fehlen für diese Texte.' },
  anonymous: { en: 'wrote under a placeholder name or none: each such record stands alone, never joined to another; a user id in the export would join them.', de: 'schrieben unter einem Platzhalternamen oder ohne Namen: Jeder dieser Einträge steht allein; eine Nutzer-ID im Export würde sie verbinden.' },
  nameJoins: { en: 'were joined to rows by name alone.', de: 'wurden Zeilen nur über den Namen zugeordnet.' },
  ratedWithoutWords: { en: 'rated without a word: we know how they rate us, not why.', de: 'bewerteten ohne Kommentar: Wir wissen, wie sie uns bewerten, nicht warum.' },
  toneDisagrees: { en: 'have records whose words and rating point different ways.', de: 'haben Einträge, deren Worte und Bewertung in verschiedene Richtungen zeigen.' },
  answeredElsewhere: { en: 'had messages answered outside this export: when and what is unknown.', de: 'bekamen Antworten außerhalb dieses Exports: Wann und was, ist unbekannt.' },
};

/** The profile's figures are English-formatted strings ("-0.18"); German takes the decimal comma. */
const deDecimal = (value: string | undefined): string => (value ?? '').replace(/^(-?\d+)\.(\d+)$/, '$1,$2');

const CHANNELS_DE: Record<string, string> = {
  email: 'E-Mail',
  phone: 'Telefon',
  shop: 'Shop',
  chat: 'Chat',
  web: 'Web',
  note: 'Notiz',
  social: 'Social Media',
  message: 'Nachricht',
  review: 'Bewertungsportal',
  survey: 'Umfrage',
  crm: 'CRM',
  sms: 'SMS',
  letter: 'Brief',
};

/** Platforms as they spell themselves; a channel id is lower case ("google-play"), a name on the page is not. */
const PLATFORMS: Record<string, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  twitter: 'Twitter',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  whatsapp: 'WhatsApp',
  'google-play': 'Google Play',
  'app-store': 'App Store',
  amazon: 'Amazon',
  trustpilot: 'Trustpilot',
};

/**
 * Channel names for display. English reports show the channel ids as the contract writes them ("email",
 * "instagram"). German readers get the common channels in German and platform names spelled as the platform does,
 * so "E-Mail" and "Instagram" stand side by side alike; any other channel is a noun, capitalised as German writes it.
 */
export function channelName(channel: string, lang: Lang): string {
  if (lang === 'en') return channel;
  return CHANNELS_DE[channel] ?? PLATFORMS[channel] ?? channel.charAt(0).toUpperCase() + channel.slice(1);
}

export function say(finding: Finding, lang: Lang): string {
  return WORDING[finding.key][lang](finding);
}
