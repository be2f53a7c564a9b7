// How the profile's judgements read, in English and German. Judgements are made once, as data (a key and its
// figures); profiles.jsonl carries the English wording, reports render the language they are asked for.

export type Lang = 'en' | 'de';

export interface Finding {
  key: FindingKey;
  /** The count or number of days the finding is about. */
  n?: number;
  /** A sentiment mean, a channel name, a handle … */
  value?: string;
}

const s = (n: number | undefined, one: string, many: string): string => `${n ?? 0} ${n === 1 ? one : many}`;

const WORDING = {
  // stage reasons
  cancelling: { en: (f: Finding) => `cancelling or leaving came up (${f.n}×)`, de: (f: Finding) => `Kündigung oder Abwanderung war Thema (${f.n}×)` },
  neverAnswered: { en: (f: Finding) => `${s(f.n, 'message', 'messages')} never answered`, de: (f: Finding) => `${s(f.n, 'Nachricht', 'Nachrichten')} nie beantwortet` },
  negativeWithPains: {
    en: (f: Finding) => `mostly negative in their own words (mean ${f.value}), ${s(f.n, 'message', 'messages')} about pain points`,
    de: (f: Finding) => `überwiegend negativ in eigenen Worten (Mittel ${f.value}), ${s(f.n, 'Nachricht', 'Nachrichten')} über Schmerzpunkte`,
  },
  stoppedOrdering: {
    en: (f: Finding) => `ordered ${f.value}× but not in the last ${f.n} days`,
    de: (f: Finding) => `${f.value}× bestellt, aber nicht in den letzten ${f.n} Tagen`,
  },
  role: { en: (f: Finding) => `${f.value} (${f.n}×)`, de: (f: Finding) => `${ROLE_DE[f.value ?? ''] ?? f.value} (${f.n}×)` },
  praised: { en: (f: Finding) => `praised the brand (${f.n}×)`, de: (f: Finding) => `hat die Marke gelobt (${f.n}×)` },
  positiveVoice: { en: (f: Finding) => `positive in their own words (mean ${f.value})`, de: (f: Finding) => `positiv in eigenen Worten (Mittel ${f.value})` },
  manyOrders: { en: (f: Finding) => s(f.n, 'order', 'orders'), de: (f: Finding) => s(f.n, 'Bestellung', 'Bestellungen') },
  manyInteractions: { en: (f: Finding) => s(f.n, 'interaction', 'interactions'), de: (f: Finding) => s(f.n, 'Kontakt', 'Kontakte') },
  someContact: {
    en: (f: Finding) => `${s(f.n, 'order', 'orders')}, ${s(Number(f.value), 'interaction', 'interactions')}`,
    de: (f: Finding) => `${s(f.n, 'Bestellung', 'Bestellungen')}, ${s(Number(f.value), 'Kontakt', 'Kontakte')}`,
  },
  noInteractions: { en: () => 'no interactions in the data', de: () => 'keine Kontakte in den Daten' },
  singleInteraction: { en: () => 'a single interaction', de: () => 'ein einziger Kontakt' },
  // blind spots
  noVoice: { en: () => 'We have no words of their own: no message, ticket or comment.', de: () => 'Wir haben keine eigenen Worte: keine Nachricht, kein Ticket, kein Kommentar.' },
  silentLately: {
    en: (f: Finding) => `No words of their own in the last ${f.n} days: we do not know how they feel now.`,
    de: (f: Finding) => `Keine eigenen Worte in den letzten ${f.n} Tagen: wir wissen nicht, wie es ihnen jetzt geht.`,
  },
  oneChannel: {
    en: (f: Finding) => `Only one channel (${f.value}): whatever they do elsewhere is invisible here.`,
    de: (f: Finding) => `Nur ein Kanal (${f.value}): was sie anderswo tun, ist hier unsichtbar.`,
  },
  unlinked: { en: (f: Finding) => `Not linked to a CRM contact: known only by ${f.value}.`, de: (f: Finding) => `Mit keinem CRM-Kontakt verknüpft: nur bekannt als ${f.value}.` },
  noOrderData: { en: () => 'No order data in this run: value and buying rhythm are unknown.', de: () => 'Keine Bestelldaten in diesem Lauf: Wert und Kaufrhythmus sind unbekannt.' },
  ordersUnjoinable: {
    en: () => 'No customer id or email, so no orders can be joined: what they buy is unknown.',
    de: () => 'Keine Kundennummer und keine E-Mail, also keine Bestellungen zuzuordnen: was sie kaufen, ist unbekannt.',
  },
  noOrders: { en: () => 'No order history: we cannot say what they buy or spend.', de: () => 'Keine Bestellungen: wir wissen nicht, was sie kaufen oder ausgeben.' },
  noHandle: { en: () => 'No social handle on record: their public voice is not linked.', de: () => 'Kein Social-Media-Handle hinterlegt: ihre öffentliche Stimme ist nicht verknüpft.' },
  handleWithoutPosts: { en: (f: Finding) => `Has a social handle (@${f.value}) but no posts in the data.`, de: (f: Finding) => `Hat ein Handle (@${f.value}), aber keine Beiträge in den Daten.` },
  fewDataPoints: { en: (f: Finding) => `Few data points (${f.n}): every judgement here is tentative.`, de: (f: Finding) => `Wenige Datenpunkte (${f.n}): jedes Urteil hier ist vorläufig.` },
  undated: {
    en: (f: Finding) => `${s(f.n, 'event', 'events')} without a date: timing and recency may be off.`,
    de: (f: Finding) => `${s(f.n, 'Ereignis', 'Ereignisse')} ohne Datum: Zeitpunkte und Aktualität können täuschen.`,
  },
  noNotes: { en: () => 'No analyst notes: nobody has written down what they know first-hand.', de: () => 'Keine Notizen: niemand hat aufgeschrieben, was er aus erster Hand weiß.' },
  silentReplies: {
    en: (f: Finding) => `${s(f.n, 'brand reply', 'brand replies')} without text in the data: we see that the brand answered, not what it said.`,
    de: (f: Finding) => `${s(f.n, 'Antwort', 'Antworten')} der Marke ohne Text in den Daten: wir sehen, dass geantwortet wurde, nicht was.`,
  },
  pausedOrdering: {
    en: (f: Finding) => `No order for ${f.n} days: we cannot see whether they buy elsewhere now, or just paused.`,
    de: (f: Finding) => `Seit ${f.n} Tagen keine Bestellung: wir sehen nicht, ob sie jetzt woanders kaufen oder nur pausieren.`,
  },
  fewTexts: {
    en: (f: Finding) => `Tone read by machine from only ${s(f.n, 'text', 'texts')}: irony and context can escape it.`,
    de: (f: Finding) => `Ton maschinell aus nur ${s(f.n, 'Text', 'Texten')} gelesen: Ironie und Kontext können entgehen.`,
  },
  otherLanguage: {
    en: (f: Finding) => `${s(f.n, 'text', 'texts')} in a language thick does not read: sentiment and codes skip them.`,
    de: (f: Finding) => `${s(f.n, 'Text', 'Texte')} in einer Sprache, die thick nicht liest: ohne Stimmung und Codes.`,
  },
  // attention reasons
  unanswered: { en: (f: Finding) => `${f.n} unanswered`, de: (f: Finding) => `${f.n} unbeantwortet` },
  openQuestions: { en: (f: Finding) => s(f.n, 'open question', 'open questions'), de: (f: Finding) => s(f.n, 'offene Frage', 'offene Fragen') },
  atRisk: { en: () => 'at risk', de: () => 'gefährdet' },
  negativeTone: { en: () => 'negative tone', de: () => 'negativer Ton' },
  recentComplaints: { en: (f: Finding) => s(f.n, 'recent complaint', 'recent complaints'), de: (f: Finding) => s(f.n, 'neue Beschwerde', 'neue Beschwerden') },
  highValue: { en: () => 'high value', de: () => 'hoher Wert' },
} satisfies Record<string, { en: (f: Finding) => string; de: (f: Finding) => string }>;

export type FindingKey = keyof typeof WORDING;

const ROLE_DE: Record<string, string> = { recommender: 'Empfehler', helper: 'Helfer', advisor: 'Berater' };

export function say(finding: Finding, lang: Lang): string {
  return WORDING[finding.key][lang](finding);
}
