// How the index's overview of the run reads, in English and German. Kept beside the overview, not in i18n.ts, since
// only the overview says these things.
import type { ReportLang } from './i18n.js';
import { sampleSize } from './format.js';

const EN = {
  title: 'Overview',
  figures: 'The run in figures',
  files: (files: number, read: number, used: number, rejected: number) =>
    `${files} input ${files === 1 ? 'file' : 'files'}: ${read} rows read, ${used} used, ${rejected} rejected${rejected > 0 ? ' (see rejected.csv)' : ''}`,
  customers: (n: number, words: number, rated: number) => `${n} customers: ${words} with words of their own, ${rated} who rated`,
  records: 'Their records',
  notes: (n: number) => `${n} analyst ${n === 1 ? 'note' : 'notes'}`,
  brand: (n: number) => `${n} ${n === 1 ? 'reply or post' : 'replies and posts'} by the brand`,
  noRecords: 'none',
  dates: (first: string, last: string, asOf: string) => `Dated from ${first} to ${last}; reference date ${asOf}`,
  rated: (n: number, scales: string, mean: string) => `${n} rated records (${scales}), mean ${mean}`,
  window: (since: string, until: string, days: number) => `Window ${since} to ${until} (${days} ${days === 1 ? 'day' : 'days'})`,
  upTo: (until: string) => `Up to ${until}`,
  from: (since: string) => `From ${since}, after the reference date`,
  inWindow: (records: number, active: number, newcomers: number | null) =>
    `${records} ${records === 1 ? 'record' : 'records'} in it, from ${active} ${active === 1 ? 'customer' : 'customers'}${newcomers === null ? '' : `, ${newcomers} of them new (first contact in the window)`}`,
  beforeWindow: (n: number) => `${n} earlier ${n === 1 ? 'record informs' : 'records inform'} the profiles but ${n === 1 ? 'is' : 'are'} not recent`,
  leftOut: (records: number, contacts: number, rows: number) =>
    `${[records > 0 ? `${records} ${records === 1 ? 'record' : 'records'}` : '', contacts > 0 ? `${contacts} CRM ${contacts === 1 ? 'contact' : 'contacts'}` : ''].filter(Boolean).join(' and ')} dated after its end left out of this run (${rows} ${rows === 1 ? 'row' : 'rows'} wholly after it: read and counted as used, not rejected)`,
  stages: 'Stages',
  themes: 'Themes across all customers',
  theme: 'Theme',
  customers_: 'Customers',
  records_: 'Records',
  impact: 'Impact on the mean rating',
  example: 'Example',
  noThemes: 'No themes found in what the customers said.',
  moreThemes: (n: number) => `${n} more ${n === 1 ? 'theme' : 'themes'}: every code has a column of its own in customers.csv.`,
  costliest: 'Costliest for the rating',
  loudest: 'most customers',
  impactHow: (n: number, mean: string) =>
    `Impact: the mean of all ${n} rated records, ${mean}, minus their mean without the records whose words carry the theme; negative means the theme pulls the rating down, so the costliest theme is not mistaken for the loudest. A code a rating gives by itself (a 1–2★ review with words is a complaint) counts for customers and records but not for impact; n is the rated records whose words carry the theme.`,
  mapped: (n: number, scale: string) => `${n} ${n === 1 ? 'rating' : 'ratings'} on other scales are placed on ${scale} by their position between the worst and the best value of their own scale.`,
  percent: 'Ratings are compared in percent of the best rating of their scale (0 the worst, 100 the best).',
  byMonth: 'Themes by month',
  month: 'Month',
  withWords: 'Records with words',
  outside: (later: number, undated: number) =>
    [later > 0 ? `${later} dated after the reference date's month` : '', undated > 0 ? `${undated} undated` : ''].filter(Boolean).join(' and ') + ': in no row.',
  segment: { product: 'By product', channel: 'By channel', crmStage: 'By CRM stage' },
  value: { product: 'Product', channel: 'Channel', crmStage: 'CRM stage' },
  topValues: (shown: number, of: number) => `the ${shown} with the most records, of ${of}`,
  meanRating: 'Mean rating',
  frequent: 'Most frequent themes',
  trend: 'Tone and rating by month',
  toneSeries: 'tone of their words (−1 … +1)',
  ratingSeries: (scale: string) => `rating (${scale})`,
  trendHow: 'Tone: how thick reads the customers’ own words, in the languages it reads. n: how many values each mean is taken over.',
  partial: (month: string, asOf: string) => `${month} counts only up to the reference date, ${asOf}.`,
  changed: 'What changed recently',
  compared: (month: string, from: string, until: string, latest: number, before: number) =>
    `${month}, the latest complete month, against ${from} – ${until}: ${latest} records with words, against ${before} in the three months before.`,
  nothingIn: (month: string) => `No records in ${month}, the latest complete month: nothing to compare yet.`,
  comparedWindow: (since: string, until: string, from: string, to: string, latest: number, before: number) =>
    `The window, ${since} to ${until}, against ${from} – ${to}: ${latest} records with words, against ${before} in the three periods of its length before it.`,
  nothingInWindow: (since: string, until: string) => `No records with words in the window, ${since} to ${until}: nothing to compare.`,
  more: 'More often',
  less: 'Less often',
  share: (pct: string, n: number, of: number, was: string, bn: number, bof: number) => `${pct} of records (${n} of ${of}), was ${was} (${bn} of ${bof})`,
  noThemeChange: 'No theme changed clearly.',
  tone: 'Tone of their words',
  rating: 'Rating',
  was: (now: string, n: number, before: string, bn: number) => `${now} (${sampleSize(n, 'en')}), was ${before} (${sampleSize(bn, 'en')})`,
  direction: { up: 'up', down: 'down', steady: 'about the same' },
  tooFew: 'too few values to compare',
  changeHow: 'A change is called only where it is clear at the usual 5 % level: Fisher’s exact test for themes, Welch’s t for tone and rating. With many themes tested, about one call in twenty can still be chance: read the figures.',
  shown: (top: number, n: number) => `The first ${top} of ${n} customers; all of them, one row each, are in customers.csv.`,
  all: 'Every customer is also in customers.csv, one row each, for R, pandas or Excel.',
  scales: { stars5: '1–5 stars', stars10: '1–10 stars', nps: 'NPS 0–10', csat: 'CSAT 1–5', grade: 'grade 1–6', thumbs: 'thumbs', percent: '% of the best rating' },
};

export type OverviewWords = typeof EN;

const DE: OverviewWords = {
  title: 'Übersicht',
  figures: 'Die Auswertung in Zahlen',
  files: (files, read, used, rejected) =>
    `${files} ${files === 1 ? 'Eingabedatei' : 'Eingabedateien'}: ${read} Zeilen gelesen, ${used} verwendet, ${rejected} verworfen${rejected > 0 ? ' (siehe rejected.csv)' : ''}`,
  customers: (n, words, rated) => `${n} Kundinnen und Kunden: ${words} mit eigenen Worten, ${rated} mit Bewertung`,
  records: 'Ihre Einträge',
  notes: (n) => `${n} ${n === 1 ? 'Analystennotiz' : 'Analystennotizen'}`,
  brand: (n) => `${n} ${n === 1 ? 'Antwort oder Beitrag' : 'Antworten und Beiträge'} der Marke`,
  noRecords: 'keine',
  dates: (first, last, asOf) => `Datiert von ${first} bis ${last}; Stichtag ${asOf}`,
  rated: (n, scales, mean) => `${n} bewertete Einträge (${scales}), Mittelwert ${mean}`,
  window: (since, until, days) => `Zeitraum ${since} bis ${until} (${days} ${days === 1 ? 'Tag' : 'Tage'})`,
  upTo: (until) => `Bis ${until}`,
  from: (since) => `Ab ${since}, nach dem Stichtag`,
  inWindow: (records, active, newcomers) =>
    `${records} ${records === 1 ? 'Eintrag' : 'Einträge'} darin, von ${active} ${active === 1 ? 'Kundin oder Kunde' : 'Kundinnen und Kunden'}${newcomers === null ? '' : `, davon ${newcomers} neu (erster Kontakt im Zeitraum)`}`,
  beforeWindow: (n) => `${n} ${n === 1 ? 'früherer Eintrag fließt' : 'frühere Einträge fließen'} in die Profile ein, ${n === 1 ? 'zählt' : 'zählen'} aber nicht als aktuell`,
  leftOut: (records, contacts, rows) =>
    `${[records > 0 ? `${records} ${records === 1 ? 'Eintrag' : 'Einträge'}` : '', contacts > 0 ? `${contacts} CRM-${contacts === 1 ? 'Kontakt' : 'Kontakte'}` : ''].filter(Boolean).join(' und ')} nach seinem Ende bleiben außen vor (${rows} ${rows === 1 ? 'Zeile' : 'Zeilen'} ganz danach: gelesen und als verwendet gezählt, nicht verworfen)`,
  stages: 'Beziehungsphasen',
  themes: 'Themen über alle Kunden',
  theme: 'Thema',
  customers_: 'Kunden',
  records_: 'Einträge',
  impact: 'Einfluss auf die mittlere Bewertung',
  example: 'Beispiel',
  noThemes: 'In dem, was die Kundschaft sagt, wurden keine Themen gefunden.',
  moreThemes: (n) => `${n} weitere ${n === 1 ? 'Thema' : 'Themen'}: Jeder Code hat eine eigene Spalte in customers.csv.`,
  costliest: 'Am teuersten für die Bewertung',
  loudest: 'die meisten Kunden',
  impactHow: (n, mean) =>
    `Einfluss: das Mittel aller ${n} bewerteten Einträge, ${mean}, minus ihr Mittel ohne die Einträge, deren Worte das Thema tragen; negativ heißt, das Thema zieht die Bewertung nach unten. So wird das teuerste Thema nicht mit dem lautesten verwechselt. Ein Code, den die Bewertung selbst vergibt (eine 1–2★-Bewertung mit Text ist eine Beschwerde), zählt für Kunden und Einträge, nicht für den Einfluss; n sind die bewerteten Einträge, deren Worte das Thema tragen.`,
  mapped: (n, scale) => `${n} ${n === 1 ? 'Bewertung' : 'Bewertungen'} auf anderen Skalen sind nach ihrer Lage zwischen schlechtestem und bestem Wert ihrer Skala auf ${scale} umgerechnet.`,
  percent: 'Bewertungen werden in Prozent der besten Bewertung ihrer Skala verglichen (0 die schlechteste, 100 die beste).',
  byMonth: 'Themen nach Monat',
  month: 'Monat',
  withWords: 'Einträge mit Text',
  outside: (later, undated) =>
    [later > 0 ? `${later} nach dem Monat des Stichtags datiert` : '', undated > 0 ? `${undated} ohne Datum` : ''].filter(Boolean).join(' und ') + ': in keiner Zeile.',
  segment: { product: 'Nach Produkt', channel: 'Nach Kanal', crmStage: 'Nach CRM-Phase' },
  value: { product: 'Produkt', channel: 'Kanal', crmStage: 'CRM-Phase' },
  topValues: (shown, of) => `die ${shown} mit den meisten Einträgen, von ${of}`,
  meanRating: 'Mittlere Bewertung',
  frequent: 'Häufigste Themen',
  trend: 'Tonalität und Bewertung nach Monat',
  toneSeries: 'Tonalität der eigenen Worte (−1 … +1)',
  ratingSeries: (scale) => `Bewertung (${scale})`,
  trendHow: 'Tonalität: wie thick die eigenen Worte der Kundschaft liest, in den Sprachen, die es liest. n: über wie viele Werte jedes Mittel geht.',
  partial: (month, asOf) => `${month} zählt nur bis zum Stichtag, dem ${asOf}.`,
  changed: 'Was sich zuletzt geändert hat',
  compared: (month, from, until, latest, before) =>
    `${month}, der letzte vollständige Monat, gegen ${from} – ${until}: ${latest} Einträge mit Text, gegen ${before} in den drei Monaten davor.`,
  nothingIn: (month) => `Keine Einträge im ${month}, dem letzten vollständigen Monat: noch nichts zu vergleichen.`,
  comparedWindow: (since, until, from, to, latest, before) =>
    `Der Zeitraum ${since} bis ${until} gegen ${from} – ${to}: ${latest} Einträge mit Text, gegen ${before} in den drei gleich langen Zeiträumen davor.`,
  nothingInWindow: (since, until) => `Keine Einträge mit Text im Zeitraum ${since} bis ${until}: nichts zu vergleichen.`,
  more: 'Häufiger',
  less: 'Seltener',
  share: (pct, n, of, was, bn, bof) => `${pct} der Einträge (${n} von ${of}), vorher ${was} (${bn} von ${bof})`,
  noThemeChange: 'Kein Thema hat sich deutlich verändert.',
  tone: 'Tonalität der eigenen Worte',
  rating: 'Bewertung',
  was: (now, n, before, bn) => `${now} (${sampleSize(n, 'de')}), vorher ${before} (${sampleSize(bn, 'de')})`,
  direction: { up: 'gestiegen', down: 'gesunken', steady: 'etwa gleich' },
  tooFew: 'zu wenige Werte für einen Vergleich',
  changeHow: 'Eine Veränderung wird nur genannt, wo sie auf dem üblichen 5-%-Niveau deutlich ist: exakter Test nach Fisher für Themen, Welch-t-Test für Tonalität und Bewertung. Bei vielen geprüften Themen kann etwa jede zwanzigste Nennung Zufall sein: bitte die Zahlen lesen.',
  shown: (top, n) => `Die ersten ${top} von ${n} Kundinnen und Kunden; alle stehen, eine Zeile je Person, in customers.csv.`,
  all: 'Alle Kundinnen und Kunden stehen auch in customers.csv, eine Zeile je Person, für R, pandas oder Excel.',
  scales: { stars5: '1–5 Sterne', stars10: '1–10 Sterne', nps: 'NPS 0–10', csat: 'CSAT 1–5', grade: 'Note 1–6', thumbs: 'Daumen', percent: '% der besten Bewertung' },
};

export function overviewWords(lang: ReportLang): OverviewWords {
  return lang === 'de' ? DE : EN;
}
