import { describe, expect, it } from 'vitest';
import { annotateEvent, type AnnotateContext } from '../annotate/index.js';
import { readingsAnnotator } from '../annotate/readings.js';
import { buildProfiles } from '../profile/index.js';
import { bar, monthlyCounts, sparkline } from './charts.js';
import type { CodeInfo } from './codes.js';
import { NOTES_LISTED, OPEN_LISTED, renderCustomerReport, sameWords } from './customer.js';
import { minutes, money, num, provenance, quote } from './format.js';
import { stageName } from './i18n.js';
import { makeCustomer, makeEvent, renderIndex } from '../test-support.js';

const codes = new Map<string, CodeInfo>([
  ['pain.waiting', { id: 'pain.waiting', category: 'pain', label: { en: 'Waiting and delay', de: 'Wartezeit und Verzögerung' } }],
  ['longing.wish', { id: 'longing.wish', category: 'longing', label: { en: 'Wish', de: 'Wunsch' } }],
]);

function subject() {
  const complaint = makeEvent({
    text: 'Seit drei Wochen warte ich auf mein Paket. Können Sie bitte nachsehen?',
    source: { file: 'tickets.csv', line: 7 },
    sentiment: { label: 'negative', score: -0.6 },
    annotations: [{ code: 'pain.waiting', quote: 'Seit drei Wochen warte ich', source: { file: 'tickets.csv', line: 7 }, by: { kind: 'rule', id: 'pain.waiting/phrase' }, confidence: 0.8 }],
  });
  const note = makeEvent({
    kind: 'note',
    direction: 'internal',
    channel: 'note',
    author: 'Mara Lind',
    text: 'Wünscht sich eine entkoffeinierte Sorte.',
    source: { file: 'notes.csv', line: 3 },
    annotations: [{ code: 'longing.wish', quote: 'Wünscht sich eine entkoffeinierte Sorte.', source: { file: 'notes.csv', line: 3 }, by: { kind: 'analyst', id: 'Mara Lind' }, confidence: 1 }],
  });
  const order = makeEvent({ kind: 'order', orderId: 'A1', amount: 42.5, channel: 'shop', at: new Date('2024-03-01T00:00:00Z') });
  return buildProfiles([makeCustomer()], [order, complaint, note], { ordersKnown: true, socialKnown: false })[0]!;
}

describe('renderCustomerReport', () => {
  const report = renderCustomerReport(subject(), { lang: 'en', codes });

  it('has the nine sections in order', () => {
    const headings = [...report.matchAll(/^## \d\. (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Who', 'Numbers', 'Voice', 'Themes', 'Dialog', 'Relationship', 'Context', 'Blind spots', 'Next conversation']);
  });

  it('quotes the customer with file:line and date', () => {
    expect(report).toContain('> Seit drei Wochen warte ich auf mein Paket. Können Sie bitte nachsehen?\n> — 2024-05-01, email, tickets.csv:7, negative -0.60');
  });

  it('groups themes by category with labels, counts and evidence', () => {
    expect(report).toMatch(/### Pain points\n\n- \*\*Waiting and delay\*\* \(`pain.waiting`, 1×\)\n  - “Seit drei Wochen warte ich” — tickets.csv:7/);
    expect(report).toMatch(/### Longings, hopes, dreams and wishes\n\n- \*\*Wish\*\*.*\n.*notes\.csv:3.*\(analyst Mara Lind\)/);
  });

  it('lists the unanswered message and opens the next conversation with it', () => {
    expect(report).toMatch(/\*\*Still waiting for an answer:\*\*\n\n- “Seit drei Wochen/);
    expect(report).toMatch(/## 9\. Next conversation\n\n1\. Answer first: “Seit drei Wochen.*\(tickets\.csv:7, 2024-05-01\)/);
  });

  it('shows analyst notes as such', () => {
    expect(report).toMatch(/- 2024-05-01, Mara Lind: Wünscht sich eine entkoffeinierte Sorte\. `longing.wish` \(notes\.csv:3\)/);
  });

  it('speaks German with --lang de', () => {
    const de = renderCustomerReport(subject(), { lang: 'de', codes });
    expect(de).toMatch(/^## 8\. Blinde Flecken$/m);
    expect(de).toContain('Wartezeit und Verzögerung');
    expect(de).toMatch(/1\. Zuerst antworten:/);
    // Judgements and labels are German too, not only the headings.
    expect(de).toMatch(/Phase: \*\*Bekanntschaft\*\*, aus diesen Gründen:\n\n- 1 Bestellung, 1 eigener Eintrag/);
    expect(de).toContain('01.05.2024, E-Mail, tickets.csv:7, negativ -0,60');
    // A German analyst credits a colleague's note, not "the analysis".
    expect(de).toContain('(Notiz von Mara Lind)');
    expect(de).not.toContain('(Analyse Mara Lind)');
  });
});

describe('the brand’s replies', () => {
  it('are shown beside the message they answer, newest first, escaped like any data', () => {
    const asked = makeEvent({ kind: 'post', channel: 'instagram', text: 'Kommt die Bestellung noch vor Ostern?', messageId: 'q1', at: new Date('2024-03-20T09:00:00Z'), source: { file: 'social.csv', line: 4 } });
    const reply = makeEvent({ direction: 'outbound', kind: 'post', channel: 'instagram', replyTo: 'q1', text: 'Ja! Wir schicken sie <b>heute</b> los.', at: new Date('2024-03-20T09:42:00Z'), source: { file: 'social.csv', line: 5 } });
    const ticket = makeEvent({ text: 'Rechnung fehlt.', messageId: 't1', at: new Date('2024-03-01T09:00:00Z'), source: { file: 'tickets.csv', line: 2 } });
    const silent = makeEvent({ direction: 'outbound', replyTo: 't1', text: null, at: new Date('2024-03-01T11:00:00Z'), source: { file: 'tickets.csv', line: 2 } });
    const subject = buildProfiles([makeCustomer()], [ticket, silent, asked, reply], { ordersKnown: false, socialKnown: true })[0]!;
    const dialog = renderCustomerReport(subject, { lang: 'de', codes }).split('## 5.')[1]!.split('## 6.')[0]!;
    expect(dialog).toContain(
      [
        '**Antworten der Marke (neueste zuerst):**',
        '',
        '- „Kommt die Bestellung noch vor Ostern?“ — 20.03.2024, Instagram, social.csv:4',
        '  - ↳ „Ja! Wir schicken sie \\<b>heute\\</b> los.“ — 20.03.2024, Instagram, social.csv:5, Antwortzeit 42\u00a0Min.',
        '- „Rechnung fehlt.“ — 01.03.2024, E-Mail, tickets.csv:2',
        '  - ↳ (Antwort im Export vorhanden, aber ohne Text) — 01.03.2024, E-Mail, tickets.csv:2, Antwortzeit 2,0\u00a0Std.',
      ].join('\n'),
    );
  });
});

describe('a message settled since', () => {
  it('is not listed as waiting, and the dialog says what settled it', () => {
    const cracked = makeEvent({ text: 'Die Mühle kam mit einem Riss an.', at: new Date('2024-06-25T09:00:00Z'), source: { file: 'tickets.csv', line: 4 } });
    const note = annotateEvent(
      makeEvent({ kind: 'note', direction: 'internal', channel: 'note', author: 'Ines Vogt', text: 'Ersatz ist raus.', at: new Date('2024-06-27T09:00:00Z'), source: { file: 'notes.csv', line: 6 } }),
      {} as AnnotateContext,
      [readingsAnnotator],
    );
    const subject = buildProfiles([makeCustomer()], [cracked, note], { ordersKnown: false, socialKnown: false })[0]!;
    const report = renderCustomerReport(subject, { lang: 'en', codes });
    expect(report).not.toContain('Still waiting for an answer');
    expect(report).toContain('Never answered in the data, but settled since: “Die Mühle kam mit einem Riss an.”, then “Ersatz ist raus.” (2024-06-27, note, notes.csv:6). Nobody is waiting on it.');
  });
});

describe('blind spots in the report', () => {
  it('leave out the gaps most of the run shares (the index says them once), and keep the rest', () => {
    const one = buildProfiles([makeCustomer()], [makeEvent({ text: 'Hallo', at: new Date('2024-05-01T10:00:00Z') })], { ordersKnown: false, socialKnown: false })[0]!;
    expect(one.profile.blindSpots.join(' ')).toMatch(/Only one record/);
    const section = (report: string) => report.split('## 8.')[1]!.split('## 9.')[0]!;
    expect(section(renderCustomerReport(one, { lang: 'en', codes }))).toMatch(/Only one record/);
    const lifted = section(renderCustomerReport(one, { lang: 'en', codes, sharedGaps: ['fewDataPoints'] }));
    expect(lifted).not.toMatch(/Only one record/);
    expect(lifted).toContain('Nothing that concerns this customer alone');
  });
});

describe('renderIndex', () => {
  it('links every customer and shows the context events', () => {
    const index = renderIndex([subject()], {
      files: [{ file: 'tickets.csv', preset: 'tickets', rows: { read: 3, used: 2, rejected: 1 } }],
      contextEvents: [{ from: new Date('2024-04-30T00:00:00Z'), until: new Date('2024-05-02T00:00:00Z'), note: 'Streik', author: null, source: { file: 'notes.csv', line: 9 } }],
    }, 'en');
    expect(index).toMatch(/\| 1 \| \[Greta Beispiel\]\(customers\/c1-greta-beispiel\.md\) \| acquaintance \|/);
    expect(index).toContain('3 rows read, 1 rejected');
    expect(index).toMatch(/2024-04-30 – 2024-05-02: Streik \(notes\.csv:9\)/);
  });
});

describe('charts', () => {
  it('draws bars and sparklines to scale', () => {
    expect(bar(5, 10, 10)).toBe('█████·····');
    expect(sparkline([0, 1, 8])).toBe(' ▁█');
    expect(monthlyCounts([new Date('2024-01-05'), new Date('2024-03-01'), new Date('2024-03-09')])).toEqual({ months: ['2024-01', '2024-02', '2024-03'], counts: [1, 0, 2] });
  });
});

describe('numbers as the reader writes them', () => {
  it('takes a decimal comma in German and never a thousands separator', () => {
    expect(money(2412.2, 'de')).toBe('2412,20');
    expect(money(2412.2, 'en')).toBe('2412.20');
    expect(money(null, 'de')).toBe('—');
    expect(num(-0.6, 'de', 2)).toBe('-0,60');
    // A value that rounds to nothing has no sign.
    expect(num(-0.001, 'de', 2)).toBe('0,00');
    expect(num(-0.004, 'en', 2)).toBe('0.00');
    expect(num(-0, 'en')).toBe('0');
    expect(num(-0.01, 'en', 2)).toBe('-0.01');
    expect(num(19.5, 'de')).toBe('19,5');
    expect(num(18, 'de')).toBe('18');
    expect(num(1234567.891, 'de', 2)).toBe('1234567,89');
  });

  it('writes durations in minutes, hours or days with units of the language', () => {
    expect(minutes(45, 'en')).toBe('45 min');
    expect(minutes(816, 'en')).toBe('13.6 h');
    // German keeps figure and unit together with a no-break space.
    expect(minutes(816, 'de')).toBe('13,6\u00a0Std.');
    expect(minutes(45, 'de')).toBe('45\u00a0Min.');
    expect(minutes(4608, 'en')).toBe('3.2 d');
    expect(minutes(4608, 'de')).toBe('3,2\u00a0Tage');
    expect(minutes(null, 'de')).toBe('—');
  });

  it('renders revenue, tone and attention with decimal commas in a German report', () => {
    const de = renderCustomerReport(subject(), { lang: 'de', codes });
    expect(de).toContain('| 1 | 42,50 |');
    expect(de).toContain('Tonalität: -0,60 (n\u00a0=\u00a01)');
    // Outside quotes and file:line citations no figure keeps an English decimal point.
    const own = de.split('\n').filter((line) => !line.startsWith('>') && !/[„“]/.test(line)).join('\n').replace(/\S+\.csv:\d+/g, '');
    // Dates are the one place a German figure has dots: days "01.05.2024" and months "05.2024".
    expect(own).toContain('01.05.2024');
    expect(own.replace(/\b(?:\d{2}\.)?\d{2}\.\d{4}\b/g, '')).not.toMatch(/\d\.\d/);
    const en = renderCustomerReport(subject(), { lang: 'en', codes });
    expect(en).toContain('| 1 | 42.50 |');
  });
});

describe('German wording', () => {
  it('names every stage as a phase of the relationship', () => {
    const names = ['stranger', 'acquaintance', 'regular', 'advocate', 'at-risk'].map((stage) => stageName(stage, 'de'));
    expect(names).toEqual(['Noch fremd', 'Bekanntschaft', 'Stammkundschaft', 'Fan', 'Gefährdet']);
    expect(stageName('regular', 'en')).toBe('regular');
  });

  it('uses the same stage names in the index', () => {
    const index = renderIndex([subject()], { files: [], contextEvents: [] }, 'de');
    expect(index).toMatch(/^## Beziehungsphasen\n\n```text\n(.*\n)*Bekanntschaft +█+ 1$/m);
    expect(index).toMatch(/\| 1 \| \[Greta Beispiel\]\([^)]+\) \| Bekanntschaft \| /);
    expect(index).toMatch(/\| 1 \| 42,50 \| 01\.05\.2024 \|$/m);
  });

  it('quotes with „…“ in German and “…” in English, never mixed', () => {
    expect(quote('Hallo', 'de')).toBe('„Hallo“');
    expect(quote('Hello', 'en')).toBe('“Hello”');
    const de = renderCustomerReport(subject(), { lang: 'de', codes });
    expect(de).toContain('  - „Seit drei Wochen warte ich“ — tickets.csv:7');
    expect(de).toMatch(/1\. Zuerst antworten: „Seit drei Wochen/);
    // The open message is answered first; its pain is not opened a second time, and the analyst's wish is next.
    expect(de).not.toMatch(/„Wartezeit und Verzögerung“ ansprechen/);
    expect(de).toMatch(/2\. Den Wunsch aufgreifen: „Wünscht sich eine entkoffeinierte Sorte\.“ \(notes\.csv:3, 01\.05\.2024\)/);
    expect(de).not.toContain('”');
    const en = renderCustomerReport(subject(), { lang: 'en', codes });
    expect(en).not.toMatch(/[„]/);
  });

  it('translates common channels and spells platform names as the platforms do', () => {
    const at = new Date('2024-05-01T10:00:00Z');
    expect(provenance(makeEvent({ at, channel: 'phone', source: { file: 'a.csv', line: 2 } }), 'de')).toBe('01.05.2024, Telefon, a.csv:2');
    expect(provenance(makeEvent({ at, channel: 'instagram', source: { file: 'a.csv', line: 2 } }), 'de')).toBe('01.05.2024, Instagram, a.csv:2');
    expect(provenance(makeEvent({ at, channel: 'phone', source: { file: 'a.csv', line: 2 } }), 'en')).toBe('2024-05-01, phone, a.csv:2');
    expect(provenance(makeEvent({ at, channel: 'instagram', source: { file: 'a.csv', line: 2 } }), 'en')).toBe('2024-05-01, instagram, a.csv:2');
    const de = renderCustomerReport(subject(), { lang: 'de', codes });
    expect(de).toContain('- Kanäle: E-Mail, Shop');
    expect(de).toMatch(/^E-Mail +█+·* 1$/m);
  });

  it('counts customers in the index with the noun spelled right', () => {
    const index = renderIndex([subject()], {
      files: [],
      contextEvents: [{ from: new Date('2024-04-30T00:00:00Z'), until: new Date('2024-05-02T00:00:00Z'), note: 'Streik', author: null, source: { file: 'notes.csv', line: 9 } }],
    }, 'de');
    expect(index).toMatch(/Streik \(notes\.csv:9\) — 0 Kunden$/m);
  });
});

describe('voice', () => {
  it('shows no tone for a text in a language thick does not read, as the tone figures count none', () => {
    const review = makeEvent({ kind: 'survey', expectsReply: false, text: 'Produto chegou quebrado, muito triste.', lang: 'other', sentiment: { label: 'negative', score: -0.24 }, rating: { value: 1, scale: 'stars5' }, source: { file: 'r.csv', line: 2 } });
    const report = renderCustomerReport(buildProfiles([makeCustomer()], [review], { ordersKnown: false, socialKnown: false })[0]!, { lang: 'en', codes });
    expect(report).toContain('> — survey answer, 2024-05-01, email, r.csv:2, ★☆☆☆☆ 1/5\n');
    expect(report).toContain('Tone of their own words: unknown');
  });

  it('quotes a text posted twice only once', () => {
    const text = 'Wo bleibt meine Bestellung? Schon zwei Wochen!';
    const first = makeEvent({ kind: 'post', channel: 'instagram', text, source: { file: 'social.csv', line: 4 } });
    const again = makeEvent({ kind: 'post', channel: 'instagram', text: 'wo bleibt meine Bestellung? Schon zwei Wochen!', source: { file: 'social.csv', line: 5 } });
    const other = makeEvent({ kind: 'post', channel: 'instagram', text: 'Und jetzt ist der Kaffee auch noch kalt angekommen.', source: { file: 'social.csv', line: 6 } });
    const subject = buildProfiles([makeCustomer()], [first, again, other], { ordersKnown: false, socialKnown: true })[0]!;
    const report = renderCustomerReport(subject, { lang: 'en', codes });
    const voice = report.split('## 3. Voice')[1]!.split('## 4.')[0]!;
    expect(voice.match(/^> [^—]/gm)).toHaveLength(2);
    expect(voice).toContain('social.csv:4');
    expect(voice).not.toContain('social.csv:5');
    expect(sameWords('Hallo,  WELT!')).toBe(sameWords('hallo welt'));
    expect(sameWords('Hallo Welt')).not.toBe(sameWords('Hallo Welten'));
  });
});

describe('a customer with many analyst notes', () => {
  it(`lists the latest ${NOTES_LISTED}, newest first, and counts the rest, so the report stays a few screens long`, () => {
    const notes = Array.from({ length: 25 }, (_, i) =>
      makeEvent({ kind: 'note', direction: 'internal', author: 'Mara', text: `Notiz ${i + 1}`, at: new Date(Date.UTC(2024, 0, 1 + i)), source: { file: 'notes.csv', line: i + 2 } }),
    );
    const report = renderCustomerReport(buildProfiles([makeCustomer()], notes, { ordersKnown: false, socialKnown: false })[0]!, { lang: 'en', codes });
    const listed = report.split('**Analyst notes**')[1]!.split('\n## ')[0]!.trim().split('\n');
    expect(listed).toHaveLength(NOTES_LISTED + 1);
    expect(listed[0]).toMatch(/^- 2024-01-25, Mara: Notiz 25 /);
    expect(listed[NOTES_LISTED - 1]).toMatch(/^- 2024-01-16, Mara: Notiz 16 /);
    expect(listed[NOTES_LISTED]).toBe('- … and 15 more');
  });
});

describe('messages still waiting for an answer', () => {
  const waiting = (count: number) => {
    const messages = Array.from({ length: count }, (_, i) =>
      makeEvent({ text: `Frage Nummer ${i + 1}?`, at: new Date(Date.UTC(2024, 0, 1 + i)), source: { file: 'tickets.csv', line: i + 2 } }),
    );
    return buildProfiles([makeCustomer()], messages, { ordersKnown: false, socialKnown: false })[0]!;
  };
  const listed = (report: string, heading: string) => report.split(`**${heading}:**`)[1]!.split('\n## ')[0]!.trim().split('\n');

  it(`lists at most ${OPEN_LISTED}, newest first, and counts the rest`, () => {
    const lines = listed(renderCustomerReport(waiting(13), { lang: 'en', codes }), 'Still waiting for an answer');
    expect(lines).toHaveLength(OPEN_LISTED + 1);
    expect(lines[0]).toContain('“Frage Nummer 13?” — 2024-01-13');
    expect(lines[OPEN_LISTED - 1]).toContain('“Frage Nummer 4?” — 2024-01-04');
    expect(lines[OPEN_LISTED]).toBe('- … and 3 more');
  });

  it('says the rest in German too', () => {
    const lines = listed(renderCustomerReport(waiting(12), { lang: 'de', codes }), 'Noch ohne Antwort');
    expect(lines[0]).toContain('„Frage Nummer 12?“ — 12.01.2024, E-Mail');
    expect(lines.at(-1)).toBe('- … und 2 weitere');
  });

  it(`lists all of them when there are ${OPEN_LISTED} or fewer`, () => {
    const lines = listed(renderCustomerReport(waiting(OPEN_LISTED), { lang: 'en', codes }), 'Still waiting for an answer');
    expect(lines).toHaveLength(OPEN_LISTED);
    expect(lines.join('\n')).not.toContain('more');
  });
});

describe('customer text stays text', () => {
  it('never lets a quote in a report open an HTML tag', () => {
    const sneaky = makeEvent({ text: 'Nice <img src=x onerror=alert(1)> product', source: { file: 'r.csv', line: 4 } });
    const report = renderCustomerReport(buildProfiles([makeCustomer()], [sneaky], { ordersKnown: false, socialKnown: false })[0]!, { lang: 'en', codes });
    expect(report).not.toMatch(/(?<!\\)<img/);
    expect(report).toContain('Nice \\<img src=x onerror=alert(1)> product');
  });
});

describe('data in reports and the index stays data', () => {
  const hostile = () => {
    // Names arrive entity-decoded from ingest: "Kim &lt;img …&gt;" is a live tag by now.
    const customer = makeCustomer({
      key: 'c1',
      name: 'Kim <img src=x onerror=alert(1)> #1 #',
      crmId: '`c1`',
      emails: ['kim*vip*@example.org'],
      handles: ['kim_[x](https://evil.example)'],
      contact: { ...makeCustomer().contact!, city: '# Kiel', crmStage: '[lead](https://evil.example)' },
    });
    const note = makeEvent({
      kind: 'note',
      direction: 'internal',
      channel: 'note',
      author: '**Boss** <b>',
      text: 'Könnte eine Probe mögen.',
      source: { file: 'notes.csv', line: 3 },
      annotations: [{ code: 'x` <i>y', quote: null, source: { file: 'notes.csv', line: 3 }, by: { kind: 'analyst', id: '**Boss** <b>' }, confidence: 1 }],
    });
    const idea = annotateEvent(note, {} as AnnotateContext, [readingsAnnotator]);
    const message = makeEvent({ text: 'Hallo', channel: '```', source: { file: 'mail_[1].csv', line: 2 } });
    return buildProfiles([customer], [message, idea], { ordersKnown: false, socialKnown: false })[0]!;
  };
  const labelled = new Map<string, CodeInfo>([['x` <i>y', { id: 'x` <i>y', category: 'pain', label: { en: '_Bad_ <u>label</u>', de: '_Bad_ <u>label</u>' } }]]);

  it('escapes the title, ids, addresses, handles, city and CRM stage', () => {
    const report = renderCustomerReport(hostile(), { lang: 'en', codes: labelled });
    expect(report.split('\n')[0]).toBe('# Kim \\<img src=x onerror=alert(1)> #1 \\#');
    expect(report).toContain('- Ids and handles: CRM \\`c1\\` · kim\\*vip\\*@example.org · @kim\\_\\[x\\]\\(https\\://evil.example)');
    expect(report).toContain('- \\# Kiel · CRM: \\[lead\\]\\(https\\://evil.example)');
    expect(report).not.toMatch(/(?<!\\)<(img|b>|i>|u>)/);
  });

  it('escapes analysts’ names, their codes and code labels, channels and file names', () => {
    const report = renderCustomerReport(hostile(), { lang: 'en', codes: labelled });
    expect(report).toContain('- 2024-05-01, \\*\\*Boss\\*\\* \\<b>: Könnte eine Probe mögen. x\\` \\<i>y (notes.csv:3)');
    expect(report).toContain('- **\\_Bad\\_ \\<u>label\\</u>** (x\\` \\<i>y, 1×)');
    expect(report).toContain('(analyst \\*\\*Boss\\*\\* \\<b>)');
    expect(report).toMatch(/Use what \\\*\\\*Boss\\\*\\\* \\<b> noted on 2024-05-01/);
    expect(report).toContain('mail\\_\\[1\\].csv:2');
    // In the channel chart (a code block) nothing may close the block.
    expect(report).toMatch(/^''' +█/m);
    expect(report.match(/^```/gm)!.length % 2).toBe(0);
  });

  it('keeps the index link text from taking over the link', () => {
    const lee = buildProfiles([makeCustomer({ key: 'c2', crmId: 'c2', name: 'Lee](https://evil.example) [x' })], [], { ordersKnown: false, socialKnown: false })[0]!;
    const index = renderIndex([lee], { files: [{ file: 'a`b.csv', preset: 'contacts', rows: { read: 1, used: 1, rejected: 0 } }], contextEvents: [] }, 'en');
    expect(index).toContain(`| [Lee\\]\\(https\\://evil.example) \\[x](customers/${lee.profile.slug}.md) |`);
    expect(index).toContain('Generated by thick from a\\`b.csv (contacts)');
  });
});

describe('ratings and record kinds in the report', () => {
  const rated = () => {
    const review = makeEvent({
      kind: 'review',
      channel: 'playstore',
      expectsReply: false,
      rating: { value: 1, scale: 'stars5' },
      text: 'Tolle Verpackung, schöner Duft!',
      lang: 'de',
      sentiment: { label: 'positive', score: 0.6 },
      at: new Date('2024-05-02T09:00:00Z'),
      source: { file: 'reviews.csv', line: 3 },
    });
    const earlier = makeEvent({ kind: 'review', channel: 'playstore', expectsReply: false, rating: { value: 4, scale: 'stars5' }, at: new Date('2024-02-02T09:00:00Z'), source: { file: 'reviews.csv', line: 2 } });
    return buildProfiles([makeCustomer()], [earlier, review], { ordersKnown: false, socialKnown: false })[0]!;
  };

  it('shows the rating beside the quote and flags words that disagree with it', () => {
    const report = renderCustomerReport(rated(), { lang: 'en', codes });
    expect(report).toContain('> Tolle Verpackung, schöner Duft!\n> — review, 2024-05-02, playstore, reviews.csv:3, ★☆☆☆☆ 1/5, text reads positive 0.60\n>\n> ⚠ thick reads the words as positive, the rating says negative');
    expect(report).toContain('- Records: 2 reviews');
    expect(report).toContain('- Ratings: latest ★☆☆☆☆ 1/5 (2024-05-02), mean 2.5 (n = 2), falling');
    expect(report).toMatch(/Stage: \*\*at-risk\*\*, because:\n\n- latest rating ★☆☆☆☆ 1\/5 \(2024-05-02\), nothing warmer since/);
    // The run has no reply at all: whether they were answered is unknown, not "got none".
    expect(report).toContain('- Reviews, survey answers and posts, which expect no reply: 2. This export shows no replies at all, so whether the brand answered them is unknown.');
    // What the words read as, and apart from it the tone on the whole that counts the ratings: never one for the other.
    expect(report).toContain('Tone of their own words: 0.60 (n = 1)\n\nOn the whole, by their ratings and words: -0.20 (n = 2, all by their ratings)');
    expect(renderIndex([rated()], { files: [], contextEvents: [] }, 'en')).toMatch(/\| 0\.60 \| ★☆☆☆☆ 1\/5 \|/);
  });

  it('says it in German too', () => {
    const report = renderCustomerReport(rated(), { lang: 'de', codes });
    expect(report).toContain('> — Bewertung, 02.05.2024, Playstore, reviews.csv:3, ★☆☆☆☆ 1/5, Text wirkt positiv 0,60');
    expect(report).toContain('> ⚠ thick stuft den Text als positiv ein, die Bewertung ist negativ');
    expect(report).toContain('- Einträge: 2 Bewertungen');
    expect(report).toContain('- Bewertungen: zuletzt ★☆☆☆☆ 1/5 (02.05.2024), Mittelwert 2,5 (n\u00a0=\u00a02), fallend');
    expect(report).toContain('letzte Bewertung ★☆☆☆☆ 1/5 (02.05.2024), seither nichts Positiveres');
  });

  it('names no latest rating and no trend when the latest ratings share their time and disagree', () => {
    const at = new Date('2024-05-02T09:00:00Z');
    const review = (value: number, file: string) => makeEvent({ kind: 'review', channel: 'shop', expectsReply: false, rating: { value, scale: 'stars5' }, at, source: { file, line: 2 } });
    const tied = buildProfiles([makeCustomer()], [review(1, 'a.csv'), review(5, 'b.csv')], { ordersKnown: false, socialKnown: false })[0]!;
    const report = renderCustomerReport(tied, { lang: 'en', codes });
    expect(report).toContain('- Ratings: latest several at the same time (2024-05-02), none later, mean 3 (n = 2)\n');
    expect(renderIndex([tied], { files: [], contextEvents: [] }, 'en')).toMatch(/\| mean ★★★☆☆ 3\/5 \|/);
  });

  it('puts the rating in the index and says a run-wide gap once, above the table', () => {
    const index = renderIndex([rated()], { files: [], contextEvents: [], blindSpots: [{ key: 'runNoOrders' }] }, 'en');
    expect(index).toMatch(/## What this run cannot see\n\n- No order data in this run: value and buying rhythm are unknown for every customer\./);
    // A run without order data has no orders and revenue columns of dashes.
    expect(index).toMatch(/\| ★☆☆☆☆ 1\/5 \| 2024-05-02 \|$/m);
    expect(index.match(/No order data/g)).toHaveLength(1);
  });
});

describe('a record by a placeholder author', () => {
  it('names the placeholder as the export wrote it, not the display name that tells such customers apart', () => {
    const review = makeEvent({
      kind: 'review',
      expectsReply: false,
      who: { placeholder: 'Ein Google-Nutzer' },
      customerKey: 'r-9f2c',
      text: 'Die App stürzt beim Login ab.',
      rating: { value: 1, scale: 'stars5' },
    });
    const customer = makeCustomer({ key: 'r-9f2c', name: 'Ein Google-Nutzer #9f2c', crmId: null, emails: [], contact: null, anonymous: true });
    const [anonymous] = buildProfiles([customer], [review], { ordersKnown: false, socialKnown: false });
    const report = renderCustomerReport(anonymous!, { lang: 'de', codes });
    expect(report).toContain('- Unter dem Platzhalternamen „Ein Google-Nutzer“ geschrieben');
    expect(report).not.toContain('Platzhalternamen „Ein Google-Nutzer #9f2c“');
  });
});
