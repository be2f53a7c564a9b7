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
    de: (f: Finding) => `überwiegend negativ in den eigenen Worten (Mittelwert ${deDecimal(f.value)}), ${s(f.n, 'Nachricht', 'Nachrichten')} über Schmerzpunkte`,
  },
  stoppedOrdering: {
    en: (f: Finding) => `ordered ${f.value}× but not in the last ${f.n} days`,
    de: (f: Finding) => `${f.value}× bestellt, aber nicht in den letzten ${f.n} Tagen`,
  },
  role: { en: (f: Finding) => `${f.value} (${f.n}×)`, de: (f: Finding) => `${ROLE_DE[f.value ?? ''] ?? f.value} (${f.n}×)` },
  praised: { en: (f: Finding) => `praised the brand (${f.n}×)`, de: (f: Finding) => `hat die Marke gelobt (${f.n}×)` },
  positiveVoice: { en: (f: Finding) => `positive in their own words (mean ${f.value})`, de: (f: Finding) => `positiv in den eigenen Worten (Mittelwert ${deDecimal(f.value)})` },
  manyOrders: { en: (f: Finding) => s(f.n, 'order', 'orders'), de: (f: Finding) => s(f.n, 'Bestellung', 'Bestellungen') },
  manyInteractions: { en: (f: Finding) => s(f.n, 'interaction', 'interactions'), de: (f: Finding) => s(f.n, 'Kontakt', 'Kontakte') },
  someContact: {
    en: (f: Finding) => `${s(f.n, 'order', 'orders')}, ${s(Number(f.value), 'interaction', 'interactions')}`,
    de: (f: Finding) => `${s(f.n, 'Bestellung', 'Bestellungen')}, ${s(Number(f.value), 'Kontakt', 'Kontakte')}`,
  },
  noInteractions: { en: () => 'no interactions in the data', de: () => 'keine Kontakte in den Daten' },
  singleInteraction: { en: () => 'a single interaction', de: () => 'ein einziger Kontakt' },
  // blind spots
  noVoice: { en: () => 'We have no words of their own: no message, ticket or comment.', de: () => 'Wir haben keine eigenen Worte von dieser Person: keine Nachricht, kein Ticket, keinen Kommentar.' },
  silentLately: {
    en: (f: Finding) => `No words of their own in the last ${f.n} days: we do not know how they feel now.`,
    de: (f: Finding) => `Keine eigenen Worte in den letzten ${f.n} Tagen: Wir wissen nicht, wie es der Person jetzt geht.`,
  },
  oneChannel: {
    en: (f: Finding) => `Only one channel (${f.value}): whatever they do elsewhere is invisible here.`,
    de: (f: Finding) => `Nur ein Kanal (${channelName(f.value ?? '', 'de')}): Was die Person anderswo tut, bleibt hier unsichtbar.`,
  },
  unlinked: { en: (f: Finding) => `Not linked to a CRM contact: known only by ${f.value}.`, de: (f: Finding) => `Mit keinem CRM-Kontakt verknüpft: nur als ${f.value} bekannt.` },
  noOrderData: { en: () => 'No order data in this run: value and buying rhythm are unknown.', de: () => 'Keine Bestelldaten in diesem Lauf: Wert und Kaufrhythmus sind unbekannt.' },
  ordersUnjoinable: {
    en: () => 'No customer id or email, so no orders can be joined: what they buy is unknown.',
    de: () => 'Keine Kundennummer und keine E-Mail-Adresse, daher lassen sich keine Bestellungen zuordnen: Was die Person kauft, wissen wir nicht.',
  },
  noOrders: { en: () => 'No order history: we cannot say what they buy or spend.', de: () => 'Keine Bestellungen: Wir wissen nicht, was die Person kauft oder ausgibt.' },
  noHandle: { en: () => 'No social handle on record: their public voice is not linked.', de: () => 'Kein Social-Media-Handle hinterlegt: Was die Person öffentlich sagt, ist nicht verknüpft.' },
  handleWithoutPosts: { en: (f: Finding) => `Has a social handle (@${f.value}) but no posts in the data.`, de: (f: Finding) => `Hat ein Social-Media-Handle (@${f.value}), aber keine Beiträge in den Daten.` },
  fewDataPoints: { en: (f: Finding) => `Few data points (${f.n}): every judgement here is tentative.`, de: (f: Finding) => `Wenige Datenpunkte (${f.n}): Jedes Urteil hier ist vorläufig.` },
  undated: {
    en: (f: Finding) => `${s(f.n, 'event', 'events')} without a date: timing and recency may be off.`,
    de: (f: Finding) => `${s(f.n, 'Ereignis', 'Ereignisse')} ohne Datum: Zeitpunkte und Aktualität können täuschen.`,
  },
  noNotes: { en: () => 'No analyst notes: nobody has written down what they know first-hand.', de: () => 'Keine Notizen aus der Analyse: Niemand hat aufgeschrieben, was wir aus erster Hand wissen.' },
  silentReplies: {
    en: (f: Finding) => `${s(f.n, 'brand reply', 'brand replies')} without text in the data: we see that the brand answered, not what it said.`,
    de: (f: Finding) => `${s(f.n, 'Antwort', 'Antworten')} der Marke ohne Text in den Daten: Wir sehen, dass geantwortet wurde, aber nicht, was.`,
  },
  pausedOrdering: {
    en: (f: Finding) => `No order for ${f.n} days: we cannot see whether they buy elsewhere now, or just paused.`,
    de: (f: Finding) => `Seit ${f.n} Tagen keine Bestellung: Wir sehen nicht, ob die Person jetzt woanders kauft oder nur pausiert.`,
  },
  fewTexts: {
    en: (f: Finding) => `Tone read by machine from only ${s(f.n, 'text', 'texts')}: irony and context can escape it.`,
    de: (f: Finding) => `Ton maschinell aus nur ${s(f.n, 'Text', 'Texten')} gelesen: Ironie und Zusammenhang können dabei entgehen.`,
  },
  otherLanguage: {
    en: (f: Finding) => `${s(f.n, 'text', 'texts')} in a language thick does not read: sentiment and codes skip them.`,
    de: (f: Finding) => `${s(f.n, 'Text', 'Texte')} in einer Sprache, die thick nicht liest: Ton und Codes fehlen für diese Texte.`,
  },
  // attention reasons
  unanswered: { en: (f: Finding) => `${f.n} unanswered`, de: (f: Finding) => `${f.n} unbeantwortet` },
  openQuestions: { en: (f: Finding) => s(f.n, 'open question', 'open questions'), de: (f: Finding) => s(f.n, 'offene Frage', 'offene Fragen') },
  atRisk: { en: () => 'at risk', de: () => 'gefährdet' },
  negativeTone: { en: () => 'negative tone', de: () => 'negativer Ton' },
  recentComplaints: { en: (f: Finding) => s(f.n, 'recent complaint', 'recent complaints'), de: (f: Finding) => s(f.n, 'aktuelle Beschwerde', 'aktuelle Beschwerden') },
  highValue: { en: () => 'high value', de: () => 'hoher Wert' },
} satisfies Record<string, { en: (f: Finding) => string; de: (f: Finding) => string }>;

export type FindingKey = keyof typeof WORDING;

// Roles as what the person does, so they read without a gendered noun: "empfiehlt uns weiter (2×)".
const ROLE_DE: Record<string, string> = { recommender: 'empfiehlt uns weiter', helper: 'hilft anderen', advisor: 'berät andere' };

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
};

/** Channel names for display: German readers get the common ones in German; platform names stay as they are. */
export function channelName(channel: string, lang: Lang): string {
  return lang === 'de' ? (CHANNELS_DE[channel] ?? channel) : channel;
}

export function say(finding: Finding, lang: Lang): string {
  return WORDING[finding.key][lang](finding);
}
