// German as a German analyst writes it (issue 8): dates day first, typography that keeps figures together, and the
// words of the seeds and of German CRM work instead of literal translations.
import { describe, expect, it } from 'vitest';
import { buildProfiles } from '../profile/index.js';
import { dateText, elapsed, say, type Finding, type FindingKey } from '../profile/wording.js';
import { makeCustomer, makeEvent, renderIndex } from '../test-support.js';
import type { CodeInfo } from './codes.js';
import { categoryTitle } from './codes.js';
import { renderCustomerReport } from './customer.js';
import { day, dayOf, minutes, percent, period, provenance, sampleSize } from './format.js';
import { channelName, labels, stageName, word } from './i18n.js';

const NBSP = '\u00a0';

describe('dates as the reader writes them', () => {
  it('writes a day as DD.MM.YYYY in German and keeps ISO 8601 in English', () => {
    const at = new Date('2024-05-03T22:30:00Z');
    expect(day(at, 'de')).toBe('03.05.2024');
    expect(day(at, 'en')).toBe('2024-05-03');
    expect(dayOf('2024-05-03T08:00:00.000Z', 'de')).toBe('03.05.2024');
    expect(dayOf('2024-05-03T08:00:00.000Z', 'en')).toBe('2024-05-03');
    expect(day(null, 'de')).toBe('—');
    expect(dayOf(null, 'de')).toBe('—');
  });

  it('takes the calendar day in UTC, as the data is dated, not the machine’s time zone', () => {
    expect(day(new Date('2024-12-31T23:59:59Z'), 'de')).toBe('31.12.2024');
    expect(day(new Date('2025-01-01T00:00:00Z'), 'de')).toBe('01.01.2025');
  });

  it('writes months as 05.2024 and quarters as Q2 2024 in German; years and ISO keys in English stay as they are', () => {
    expect(period('2024-05', 'de')).toBe('05.2024');
    expect(period('2024-Q2', 'de')).toBe('Q2 2024');
    expect(period('2024', 'de')).toBe('2024');
    expect(period('2024-05', 'en')).toBe('2024-05');
    expect(period('2024-Q2', 'en')).toBe('2024-Q2');
    expect(dateText('2024-05-03', 'de')).toBe('03.05.2024');
    // Anything that is no calendar key is left alone rather than mangled.
    expect(dateText('bald', 'de')).toBe('bald');
  });

  it('dates the judgements’ findings in German too, and leaves the English (and profiles.jsonl) ISO', () => {
    const silent: Finding = { key: 'silentLately', n: 190, date: '2024-05-03' };
    expect(say(silent, 'de')).toMatch(/^Seit dem 03\.05\.2024 \(vor 190 Tagen\) keine eigenen Worte mehr:/);
    expect(say(silent, 'en')).toContain('since 2024-05-03 (190 days)');
    const rating = { value: 1, scale: 'stars5' as const };
    expect(say({ key: 'lowRating', rating, date: '2024-05-02' }, 'de')).toBe('letzte Bewertung ★☆☆☆☆ 1/5 (02.05.2024), seither nichts Positiveres');
    expect(say({ key: 'topRating', rating: { value: 5, scale: 'stars5' }, date: '2024-05-02' }, 'de')).toBe('Bestnote ★★★★★ 5/5 (02.05.2024)');
    expect(say({ key: 'fewDataPoints', n: 1, value: 'review', date: '2024-05-02' }, 'de')).toContain('(eine Bewertung vom 02.05.2024)');
  });
});

describe('German typography', () => {
  it('keeps "n = 3", "5 %" and a duration’s unit on one line with no-break spaces; English is unchanged', () => {
    expect(sampleSize(3, 'de')).toBe(`n${NBSP}=${NBSP}3`);
    expect(sampleSize(3, 'en')).toBe('n = 3');
    expect(percent(12.5, 'de', 1)).toBe(`12,5${NBSP}%`);
    expect(percent(5, 'de')).toBe(`5${NBSP}%`);
    expect(percent(12.5, 'en', 1)).toBe('12.5%');
    expect(minutes(40, 'de')).toBe(`40${NBSP}Min.`);
    expect(minutes(40, 'en')).toBe('40 min');
  });
});

describe('German terms', () => {
  const de = labels('de');

  it('names analyst notes and credits them as a German analyst does', () => {
    expect(de.analystNotes).toBe('Analystennotizen');
    expect(de.noNotes).toBe('Noch keine Analystennotizen.');
    expect(word('analyst', 'de')).toBe('Notiz von');
    expect(word('analyst', 'en')).toBe('analyst');
  });

  it('calls the tone of the words Tonalität', () => {
    expect(de.sentiment).toBe('Tonalität');
    expect(say({ key: 'negativeTone' }, 'de')).toBe('negative Tonalität');
  });

  it('names the advocate phase Fan, and every phase as a category, capitalised', () => {
    expect(stageName('advocate', 'de')).toBe('Fan');
    expect(stageName('at-risk', 'de')).toBe('Gefährdet');
    expect(stageName('stranger', 'de')).toBe('Noch fremd');
    expect(de.stages).toBe('Beziehungsphasen');
    expect(stageName('advocate', 'en')).toBe('advocate');
  });

  it('capitalises channel names alike: E-Mail next to Instagram, platforms as they spell themselves', () => {
    expect(['email', 'instagram', 'google-play', 'twitter', 'facebook', 'amazon', 'crm'].map((c) => channelName(c, 'de'))).toEqual([
      'E-Mail',
      'Instagram',
      'Google Play',
      'Twitter',
      'Facebook',
      'Amazon',
      'CRM',
    ]);
    // A channel a user's export names is a German noun: capitalised. A shop's post-purchase survey is an Umfrage.
    expect(channelName('filiale', 'de')).toBe('Filiale');
    expect(channelName('survey', 'de')).toBe('Umfrage');
    // English keeps the contract's channel ids.
    expect(channelName('google-play', 'en')).toBe('google-play');
  });

  it('uses the seeds’ vocabulary for the report’s sections and themes', () => {
    expect(de.voice).toBe('O-Töne');
    expect(de.who).toBe('Steckbrief');
    expect(de.numbers).toBe('Kennzahlen');
    expect(categoryTitle('longing', 'de')).toMatch(/^Lebensknappheiten: /);
    expect(categoryTitle('role', 'de')).toBe('Kundenrollen');
    expect(de.blindSpots).toBe('Blinde Flecken');
  });

  it('speaks of an analysis (Auswertung), a user name (Nutzername) and a priority, never a "Lauf", a "Handle" or "Aufmerksamkeit: 3,7"', () => {
    expect(de.runBlindSpots).toBe('Was diese Auswertung nicht sehen kann');
    expect(de.attention).toBe('Priorität');
    expect(de.ids).toBe('IDs und Nutzernamen');
    const keys: FindingKey[] = ['oneChannel', 'noHandle', 'handleWithoutPosts', 'runNoOrders', 'runNoContacts', 'runNoNotes', 'runNoSocial', 'runOnlyReviews', 'noNotes', 'fewTexts', 'otherLanguage'];
    for (const key of keys) {
      const text = say({ key, n: 2, value: 'instagram', of: 5 }, 'de');
      expect(text, key).not.toMatch(/\bLauf\b|\bLaufs?\b|Handle|Notizen? aus der Analyse|\bTon\b/);
    }
    for (const gap of ['unlinked', 'ordersUnjoinable', 'noHandle', 'handleWithoutPosts', 'noNotes', 'fewTexts']) {
      expect(say({ key: 'commonGap', n: 3, of: 5, value: gap }, 'de'), gap).not.toMatch(/Handle|Notiz aus der Analyse|\bTon\b/);
    }
  });
});

const codes = new Map<string, CodeInfo>([['pain.waiting', { id: 'pain.waiting', category: 'pain', label: { en: 'Waiting and delay', de: 'Wartezeit und Verzögerung' } }]]);

/** A customer with a coded ticket, a reply, a post and an analyst note over two months. */
function subject() {
  const ticket = makeEvent({
    text: 'Seit drei Wochen warte ich auf mein Paket.',
    messageId: 't1',
    at: new Date('2024-04-03T09:00:00Z'),
    source: { file: 'tickets.csv', line: 7 },
    sentiment: { label: 'negative', score: -0.6 },
    annotations: [{ code: 'pain.waiting', quote: 'Seit drei Wochen warte ich', source: { file: 'tickets.csv', line: 7 }, by: { kind: 'rule', id: 'pain.waiting/phrase' }, confidence: 0.8 }],
  });
  const reply = makeEvent({ direction: 'outbound', replyTo: 't1', text: 'Wir sehen nach.', at: new Date('2024-04-03T09:40:00Z'), source: { file: 'tickets.csv', line: 8 } });
  const post = makeEvent({ kind: 'post', channel: 'instagram', text: 'Endlich da, danke!', at: new Date('2024-05-21T10:00:00Z'), source: { file: 'social.csv', line: 3 }, sentiment: { label: 'positive', score: 0.7 } });
  const note = makeEvent({
    kind: 'note',
    direction: 'internal',
    channel: 'note',
    author: null,
    text: 'Paket kam nach drei Wochen an.',
    at: new Date('2024-05-22T10:00:00Z'),
    source: { file: 'notes.csv', line: 2 },
    annotations: [{ code: 'pain.waiting', quote: 'Paket kam nach drei Wochen an.', source: { file: 'notes.csv', line: 2 }, by: { kind: 'analyst', id: 'analyst' }, confidence: 1 }],
  });
  return buildProfiles([makeCustomer()], [ticket, reply, post, note], { ordersKnown: false, socialKnown: true })[0]!;
}

/** ISO dates and months outside quotes and file:line citations: what a German page must not show. */
const isoDates = (page: string): string[] =>
  page
    .split('\n')
    .filter((line) => !line.startsWith('>'))
    .join('\n')
    .replace(/[„“][^„“]*[„“]/g, '')
    .match(/\b\d{4}-(?:\d{2}|Q[1-4])(?:-\d{2})?\b/g) ?? [];

describe('the tone that counts a rating', () => {
  it('says in German that the tone comes from the rating, as a German reader says it', () => {
    const rated = makeEvent({ kind: 'review', channel: 'google-play', expectsReply: false, rating: { value: 1, scale: 'stars5' }, text: 'Geht nicht.', lang: 'de', sentiment: { label: 'negative', score: -0.4 }, at: new Date('2024-05-02T10:00:00Z') });
    const page = renderCustomerReport(buildProfiles([makeCustomer()], [rated], { ordersKnown: false, socialKnown: false })[0]!, { lang: 'de', codes });
    expect(page).toContain(`Gesamteindruck aus Bewertungen und Texten: -1,00 (n${NBSP}=${NBSP}1, aus der Bewertung)`);
    expect(page).not.toContain('über die Bewertung');
  });
});

describe('the reasons for attention', () => {
  it('name what is critical and unanswered, as a German analyst would', () => {
    expect(say({ key: 'unrepliedCritical', n: 1 }, 'de')).toBe('1 kritischer Eintrag ohne Antwort');
    expect(say({ key: 'unrepliedCritical', n: 2 }, 'de')).toBe('2 kritische Einträge ohne Antwort');
    expect(say({ key: 'unrepliedCritical', n: 2 }, 'en')).toBe('2 critical records without a reply');
  });
});

describe('how long ago', () => {
  it('is days within a year and whole years beyond, in the case the German sentence needs', () => {
    expect(elapsed(7, 'de', true)).toBe('7 Tagen');
    expect(elapsed(190, 'de')).toBe('190 Tage');
    expect(elapsed(1, 'de', true)).toBe('1 Tag');
    expect(elapsed(487, 'de')).toBe('über ein Jahr');
    expect(elapsed(487, 'de', true)).toBe('über einem Jahr');
    expect(elapsed(1894, 'de', true)).toBe('über fünf Jahren');
    expect(elapsed(1894, 'en')).toBe('over five years');
    expect(elapsed(364, 'en')).toBe('364 days');
    expect(elapsed(365 * 20, 'en')).toBe('over 19 years');
    expect(say({ key: 'silentLately', n: 1988, date: '2019-05-03' }, 'de')).toMatch(/^Seit dem 03\.05\.2019 \(vor über fünf Jahren\) keine eigenen Worte mehr:/);
    expect(say({ key: 'pausedOrdering', n: 800 }, 'en')).toMatch(/^No order for over two years:/);
  });
});

describe('a rating without a comment', () => {
  it('is one "ohne Kommentar", as a German analyst writes it, and the survey follow-up asks what they had wished for', () => {
    const survey = makeEvent({ kind: 'survey', channel: 'survey', expectsReply: false, text: null, rating: { value: 1, scale: 'stars5' }, at: new Date('2024-06-28T10:00:00Z'), source: { file: 's.csv', line: 4 } });
    const page = renderCustomerReport(buildProfiles([makeCustomer()], [survey], { ordersKnown: false, socialKnown: false, asOf: new Date('2024-07-01T00:00:00Z') })[0]!, { lang: 'de', codes });
    expect(page).toContain('**Was die Person bewegt:** Ohne Kommentar bewertet (★☆☆☆☆ 1/5)');
    expect(page).toContain('Auf die Umfrageantwort zurückkommen (★☆☆☆☆ 1/5): (ohne Kommentar, s.csv:4, 28.06.2024). Fragen, was sie sich anders gewünscht hätte,');
    expect(page).toContain('- Kanäle: Umfrage');
    expect(page).not.toMatch(/ohne ein Wort|besser gemacht hätte|Survey/);
  });
});

describe('a German report end to end', () => {
  const de = renderCustomerReport(subject(), { lang: 'de', codes });
  const en = renderCustomerReport(subject(), { lang: 'en', codes });

  it('writes every date day first, and every month of the timeline as MM.YYYY', () => {
    expect(isoDates(de)).toEqual([]);
    expect(de).toContain(`- Erster Kontakt: 03.04.2024 · Letzter Kontakt: 21.05.2024`);
    expect(de).toMatch(/^Zeitverlauf: `04\.2024 .+ 05\.2024`$/m);
    expect(de).toMatch(/^04\.2024 {2}█+/m);
    expect(de).toContain('— 03.04.2024, E-Mail, tickets.csv:7');
    expect(de).toContain('- 22.05.2024, Analyseteam: Paket kam nach drei Wochen an.');
    // The English page keeps ISO dates and months.
    expect(en).toContain('- First contact: 2024-04-03 · Last contact: 2024-05-21');
    expect(en).toMatch(/^2024-04 {2}█+/m);
  });

  it('says that the channel bars count the brand’s replies too', () => {
    expect(de).toMatch(/^Kontakte je Kanal, Antworten der Marke eingeschlossen:\n\n```text\nE-Mail +█+ 2$/m);
    const alone = makeEvent({ kind: 'review', channel: 'google-play', expectsReply: false, text: 'Gut.', lang: 'de', at: new Date('2024-05-02T10:00:00Z') });
    expect(renderCustomerReport(buildProfiles([makeCustomer()], [alone], { ordersKnown: false, socialKnown: false })[0]!, { lang: 'en', codes })).toMatch(/^Contacts by channel:\n\n```text\ngoogle-play +█+ 1$/m);
  });

  it('uses the renamed terms, and none of the old ones', () => {
    for (const term of ['## 1. Steckbrief', '## 2. Kennzahlen', '## 3. O-Töne', '**Analystennotizen**', 'Tonalität: ', 'Zeitverlauf: ', 'Antwortzeit (Median)', 'Kanäle: E-Mail, Instagram', 'Antworten der Marke (neueste zuerst)']) {
      expect(de, term).toContain(term);
    }
    // An analyst's code without an author is credited to a note, not to "analyst analyst" or "Notiz von analyst".
    expect(de).toContain('(Analystennotiz)');
    expect(de).toContain(`Antwortzeit 40${NBSP}Min.`);
    for (const old of ['Notizen aus der Analyse', 'Ton der eigenen Worte', 'Fürsprache', 'Zeitleiste', 'Stimme', 'instagram', 'Handle', 'Lauf', '(Analyse ', 'Notiz von analyst', 'n = ']) {
      expect(de, old).not.toContain(old);
    }
  });

  it('dates the index day first and names its columns in German CRM words', () => {
    const index = renderIndex(
      [subject()],
      { files: [], contextEvents: [{ from: new Date('2024-04-01T00:00:00Z'), until: new Date('2024-04-05T00:00:00Z'), note: 'Streik', author: null, source: { file: 'notes.csv', line: 9 } }] },
      'de',
    );
    expect(isoDates(index)).toEqual([]);
    expect(index).toContain('- 01.04.2024 – 05.04.2024: Streik (notes.csv:9)');
    expect(index).toMatch(/\| 21\.05\.2024 \|$/m);
    expect(index).toContain('| # | Kunde | Phase | Priorität | Gründe | Unbeantwortet | Tonalität |');
    expect(index).toMatch(/^# Übersicht\n/);
    expect(index).toMatch(/^## Kundenübersicht: Wer braucht zuerst Aufmerksamkeit\?$/m);
  });

  it('writes the brand’s reply time without a dative the table’s unit cannot take', () => {
    expect(de).not.toMatch(/nach \d+(,\d)?\s?Tage\b/);
    expect(provenance(subject().events[0]!, 'de')).toBe('03.04.2024, E-Mail, tickets.csv:7');
  });
});
