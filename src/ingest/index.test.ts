import { describe, expect, it } from 'vitest';
import { duplicateColumnWarnings, ingestFile, LayoutError } from './index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const ingest = (s: string | Uint8Array, options: Parameters<typeof ingestFile>[2] = {}) =>
  ingestFile(typeof s === 'string' ? utf8(s) : s, 'in.csv', options);

describe('ingestFile: files with nothing to read', () => {
  it.each([
    ['0 bytes', new Uint8Array()],
    ['blank lines', utf8('\r\n  \n\n')],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['a BOM and a line break', new Uint8Array([0xef, 0xbb, 0xbf, 0x0a])],
  ])('reads an empty file (%s) as 0 rows with a warning, as generic', (_, bytes) => {
    const result = ingest(bytes);
    expect(result).toMatchObject({ preset: { id: 'generic' }, header: [], mapping: {}, rows: { read: 0, used: 0, rejected: 0 }, events: [] });
    expect(result.warnings).toEqual(['in.csv: empty file, nothing to read']);
  });

  it('reads an empty file even with a forced preset and --map', () => {
    const result = ingest('', { preset: 'orders', overrides: { text: 'Feedback' } });
    expect(result.preset.id).toBe('orders');
    expect(result.warnings).toEqual(['in.csv: empty file, nothing to read']);
  });

  it('warns about a header without rows, whether or not the header is known', () => {
    expect(ingest('Customer ID,Email,Text\n')).toMatchObject({ rows: { read: 0 }, warnings: ['in.csv: only a header, no rows to read'] });
    expect(ingest('foo;bar\n')).toMatchObject({ preset: { id: 'generic' }, rows: { read: 0 }, warnings: ['in.csv: only a header, no rows to read'] });
  });

  it('still fails on an unknown layout with rows, as a LayoutError naming file:1, the header and the way out', () => {
    expect(() => ingest('foo;bar\n1;2\n')).toThrow(LayoutError);
    expect(() => ingest('foo;bar\n1;2\n')).toThrow(/^in\.csv:1: cannot tell what kind of export this is from its header \(foo, bar\); name the text column with --map text=<Column> or pick a preset with --preset$/);
  });
});

describe('ingestFile: mixed encodings', () => {
  it('keeps the UTF-8 lines and warns about the ones read as Windows-1252', () => {
    const bytes = new Uint8Array([...utf8('id;text\n1;Grüße\n2;5 '), 0x80, ...utf8(' zurück\n3;ok '), 0x96, ...utf8(' gut\n')]);
    const result = ingest(bytes);
    expect(result.events.map((e) => e.text)).toEqual(['Grüße', '5 € zurück', 'ok – gut']);
    expect(result.encoding).toBe('utf-8');
    expect(result.warnings).toEqual(['in.csv: lines 3, 4 are not valid UTF-8; their stray bytes read as Windows-1252']);
  });

  it('names a single line in the singular and caps a long list', () => {
    const one = ingest(new Uint8Array([...utf8('text\nschön\n'), 0x80, 0x0a]));
    expect(one.warnings).toEqual(['in.csv: line 3 is not valid UTF-8; its stray bytes read as Windows-1252']);
    const many = [...utf8('text\nGrüße\n')];
    for (let i = 0; i < 12; i++) many.push(...utf8('grün '), 0x80, 0x0a);
    expect(ingest(new Uint8Array(many)).warnings).toEqual(['in.csv: lines 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 2 more are not valid UTF-8; their stray bytes read as Windows-1252']);
  });
});

describe('ingestFile: one-column files', () => {
  it('reads each line of a one-column file whole as the text', () => {
    const result = ingest('Feedback\nhello, there, friend\n"ja; nein"\n');
    expect(result).toMatchObject({ delimiter: 'none', preset: { id: 'generic' }, mapping: { text: 0 }, rows: { read: 2, used: 2, rejected: 0 } });
    expect(result.events.map((e) => e.text)).toEqual(['hello, there, friend', 'ja; nein']);
  });
});

describe('ingestFile: German amounts', () => {
  const orders = (delimiter: string, values: string[]) =>
    ['Bestellnummer', 'Kundennummer', 'Bestelldatum', 'Betrag'].join(delimiter) +
    '\n' +
    values.map((v, i) => [`B-${i}`, '1001', '02.01.2024', v].join(delimiter)).join('\n');

  it('reads 1.234 as a thousand when the column proves , is the decimal separator', () => {
    expect(ingest(orders(';', ['1.234,56 €', '1.234'])).events.map((e) => e.amount)).toEqual([1234.56, 1234]);
    expect(ingest(orders(';', ['1.234', '1.234,56 €', '12,5'])).events.map((e) => e.amount)).toEqual([1234, 1234.56, 12.5]);
    expect(ingest(orders(',', ['"1.234,56 €"', '1.234'])).events.map((e) => e.amount)).toEqual([1234.56, 1234]);
    expect(ingest(orders('\t', ['1.234,56 €', '1.234'])).events.map((e) => e.amount)).toEqual([1234.56, 1234]);
  });

  it('follows a ;-file\'s German convention when no value proves it, and says so', () => {
    const result = ingest(orders(';', ['1.234', '2.500']));
    expect(result.events.map((e) => e.amount)).toEqual([1234, 2500]);
    expect(result.warnings).toContain(`in.csv: column "Betrag": decimal separator not provable: 2 value(s) like "1.234" read either way; assuming ','`);
  });

  it('warns instead of guessing silently when a comma file has only "1.234"-like amounts', () => {
    const result = ingest(orders(',', ['1.234']));
    expect(result.warnings).toContain(`in.csv: column "Betrag": decimal separator not provable: 1 value(s) like "1.234" read either way; assuming '.'`);
  });
});

describe('ingestFile: lenient reading for thick annotate', () => {
  const csv = 'id;Datum;Text\n1;yesterday;Hallo\n2;31.04.2024;Grüße\n3;01.05.2024;ok\n4;;nichts\n';

  it('rejects rows with unreadable dates by default (analyze)', () => {
    const result = ingest(csv);
    expect(result.rows).toEqual({ read: 4, used: 2, rejected: 2 });
    expect(result.rejected.map((r) => [r.line, r.column])).toEqual([
      [2, 2],
      [3, 2],
    ]);
  });

  it('keeps them with the date empty and a warning naming file:line:column and the reason', () => {
    const result = ingest(csv, { lenient: true });
    expect(result.rows).toEqual({ read: 4, used: 4, rejected: 0 });
    expect(result.events.map((e) => [e.text, e.at?.toISOString() ?? null])).toEqual([
      ['Hallo', null],
      ['Grüße', null],
      ['ok', '2024-05-01T00:00:00.000Z'],
      ['nichts', null],
    ]);
    expect(result.warnings).toEqual([
      'in.csv:2:2: column "Datum": not a date: "yesterday"; read as empty',
      expect.stringMatching(/^in\.csv:3:2: column "Datum": impossible date "31\.04\.2024" .*; read as empty$/),
    ]);
  });

  it('lists the first few per column and counts the rest', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `${i};nie;t${i}`).join('\n');
    const result = ingest(`id;Datum;Text\n${rows}\n`, { lenient: true });
    expect(result.warnings).toHaveLength(6);
    expect(result.warnings[5]).toBe('in.csv: 3 more unreadable values in column "Datum" read as empty');
  });

  it('does not warn about a row that is rejected anyway', () => {
    const result = ingest('Bestellnummer;Kundennummer;Datum;Betrag\nA;1;gestern;viel\n', { lenient: true });
    expect(result.rows.rejected).toBe(1);
    expect(result.warnings).toEqual([]);
  });
});

describe('duplicate columns', () => {
  it('warns when two columns have the same name once normalised; the first is used', () => {
    const result = ingest('id,text,Text\n1,a,b\n');
    expect(result.mapping.text).toBe(1);
    expect(result.warnings).toEqual(['in.csv: column "text" appears twice (columns 2 and 3: "text", "Text"); the first is used']);
  });

  it('says so when a later duplicate is read as another field, and ignores unnamed columns', () => {
    expect(duplicateColumnWarnings(['Description', 'Description', 'E-Mail', 'Email', 'email', '', ''], { text: 0, product: 1, email: 2 }, 'f.csv')).toEqual([
      'f.csv: column "Description" appears twice (columns 1 and 2); column 2 is read as product',
      'f.csv: column "E-Mail" appears 3 times (columns 3, 4 and 5: "E-Mail", "Email", "email"); the first is used',
    ]);
  });
});

describe('message ids', () => {
  it('namespaces tweet ids and their replies by channel, ticket ids as tickets', () => {
    const tweets = ingest('tweet_id,author_id,inbound,created_at,text,in_response_to_tweet_id\n1,anna,True,2024-01-01,Hilfe,\n2,brand,False,2024-01-01,Gern,1\n');
    expect(tweets.events.map((e) => [e.messageId, e.replyTo])).toEqual([
      ['twitter:1', null],
      ['twitter:2', 'twitter:1'],
    ]);
    const tickets = ingest('Ticket ID,Requester Email,Subject,Status,First Reply At,Created At\n1,a@x.de,Hilfe,open,2024-01-02,2024-01-01\n');
    expect(tickets.events.map((e) => [e.messageId, e.replyTo])).toEqual([
      ['ticket:1', null],
      [null, 'ticket:1'],
    ]);
  });

  it('lists the replies a row names, and gives a row that names none no replies field at all', () => {
    const tweets = ingest('tweet_id,author_id,inbound,created_at,text,response_tweet_id\n1,anna,True,2024-01-01,Hilfe,"2,3"\n4,ben,True,2024-01-02,Danke,\n');
    expect(tweets.events[0]!.replies).toEqual(['twitter:2', 'twitter:3']);
    // A field set to undefined on every record is one more than the record's object holds in place: ~40 bytes each.
    expect('replies' in tweets.events[1]!).toBe(false);
  });
});

describe('customer text', () => {
  it('decodes HTML entities and <br /> in texts and names at ingest, so quotes read cleanly', () => {
    const result = ingest('Name,Kommentar\n"Ben &amp; Jo","Super Kaffee!<br />Gr&uuml;&szlig;e &#34;Team&#34;"\n');
    expect(result.events[0]).toMatchObject({ text: 'Super Kaffee!\nGrüße "Team"', who: { name: 'Ben & Jo' } });
  });
});

describe('ratings', () => {
  it('keeps the rating per record and rejects a value off the column\'s scale with line and column', () => {
    // Twenty answers on 1–5, one 7 (a typo, not a ten-point scale), one without a rating.
    const answers = [...Array.from({ length: 20 }, (_, i) => String((i % 5) + 1)), '7', ''];
    const rows = answers.map((score, i) => `${i + 1},c${i}@x.de,Frage,Text ${i},${score}`).join('\n');
    const result = ingest(`Ticket ID,Email,Subject,Text,Satisfaction\n${rows}\n`);
    expect(result.rating).toEqual({ column: 'Satisfaction', scale: 'csat' });
    const ratings = result.events.filter((e) => e.kind === 'ticket').map((e) => e.rating);
    expect(ratings.slice(0, 2)).toEqual([{ value: 1, scale: 'csat' }, { value: 2, scale: 'csat' }]);
    expect(ratings[20]).toBeNull();
    expect(result.rejected.map((r) => [r.line, r.column, r.reason])).toEqual([[22, 5, 'rating: 7 is outside the CSAT 1–5 scale']]);
    // Lenient, as other fields: the row stays, without the rating.
    expect(ingest(`Ticket ID,Email,Subject,Text,Satisfaction\n${rows}\n`, { lenient: true }).events.filter((e) => e.kind === 'ticket')[20]!.rating).toBeNull();
  });

  it('reads --map satisfaction=Score, the old name, as the rating instead of ignoring it', () => {
    const result = ingest('Ticket ID,Email,Subject,Text,Score\n1,a@x.de,Paket,Kam nie an,1\n', { overrides: { rating: 'Score' } });
    expect(result.events[0]!.rating).toEqual({ value: 1, scale: 'stars5' });
  });

  it('reads a "Bewertung" of words as text, never as a rating, and says so about a rating-named column it cannot read', () => {
    const words = ingest('Kunde;Bewertung\nK1;Super Kaffee, gerne wieder\nK2;Kam kaputt an\n');
    expect(words.mapping).toMatchObject({ text: 1 });
    expect(words.mapping.rating).toBeUndefined();
    const points = ingest('Customer ID,Text,Score\n1,ok,120\n2,fine,3300\n3,meh,4\n');
    expect(points.mapping.rating).toBeUndefined();
    expect(points.warnings).toContain('in.csv: column "Score" is named like a rating, but its values (4 to 3300) fit no rating scale; it is not read as one');
  });
});

describe('ingestFile: a kind column', () => {
  it('rejects a row whose kind is unknown, naming the column, and reads the others', () => {
    const result = ingest('Kunde-ID;Typ;Text;Betrag\nK-1;E-Mail;Wo ist mein Paket?;\nK-1;Bestellung;;24,90\nK-1;Anruf;Rückruf erbeten;\nK-1;Lieferschein;;\n');
    expect(result.mapping.kind).toBe(1);
    expect(result.events.map((e) => e.kind)).toEqual(['message', 'order', 'message']);
    expect(result.rejected).toMatchObject([{ line: 5, column: 2, reason: expect.stringMatching(/^kind: unknown kind "Lieferschein"/) }]);
    expect(result.rows).toEqual({ read: 4, used: 3, rejected: 1 });
  });

  it('does not read a "Typ" column of categories as the kind, and says so', () => {
    const result = ingest('Datum;Typ;Kommentar\n2024-05-01;Lob;Toller Kaffee!\n2024-05-02;Beschwerde;Kam zu spät.\n2024-05-03;Frage;Gibt es Bohnen ohne Koffein?\n');
    expect(result.mapping.kind).toBeUndefined();
    expect(result.rows).toEqual({ read: 3, used: 3, rejected: 0 });
    expect(result.events.map((e) => e.kind)).toEqual(['message', 'message', 'message']);
    expect(result.warnings).toContain('in.csv: column "Typ" is named like a record kind, but its values are none (e.g. "Lob"); it is not read as the rows\' kind (name it with --map kind=<Column> if it is one)');
    // Named by hand, it is read, and each unknown value rejects its row.
    expect(ingest('Datum;Typ;Kommentar\n2024-05-01;Lob;Toller Kaffee!\n', { overrides: { kind: 'Typ' } }).rejected[0]!.reason).toMatch(/^kind: unknown kind "Lob"/);
  });
});

describe('choosing the preset: a clear text column', () => {
  it('reads a table with a "text" column as texts, not as contacts, without --map', () => {
    const short = ingest('id,text,created\n7,Die Bohnen sind super frisch angekommen,2024-05-02\n');
    expect(short.preset.id).toBe('generic');
    expect(short.events[0]).toMatchObject({ kind: 'message', text: 'Die Bohnen sind super frisch angekommen' });
    const labelled = ingest('id,text,label,reason,airline,created\n31,@FlyNord the seat was broken,negative,Seat,FlyNord,3/11/2023 14:20\n');
    expect(labelled.preset.id).toBe('generic');
    expect(labelled.events[0]!.text).toBe('@FlyNord the seat was broken');
    for (const header of ['Kommentar', 'Nachricht', 'Freitext', 'feedback', 'verbatim', 'comments', 'Review Text']) {
      expect(ingest(`Kundennummer,Name,${header},Erstellt\nK-1,Eva Roth,Alles bestens,2024-05-02\n`).preset.id).not.toBe('contacts');
    }
  });

  it('reads an orders export with a comment column as orders: an amount with an order id makes a row an order', () => {
    const orders = ingest('Order ID,Customer ID,Date,Amount,Comment\nB-1,K-1,2024-05-02,19.90,Bitte klingeln\nB-2,K-1,2024-05-09,7.50,\n');
    expect(orders.events.map((e) => [e.kind, e.orderId, e.amount, e.text])).toEqual([
      ['order', 'B-1', 19.9, 'Bitte klingeln'],
      ['order', 'B-2', 7.5, null],
    ]);
    // Without an order id, a text with an amount stays the customer's message (as before).
    expect(ingest('Customer ID,Amount,Comment\nK-1,30,Wo bleibt mein Geld?\n').events[0]!.kind).toBe('message');
  });

  it('still reads a contacts export without a text column as contacts', () => {
    expect(ingest('Customer ID,Name,Email,Created\nK-1,Eva Roth,eva@example.org,2024-05-02\n').preset.id).toBe('contacts');
  });
});

describe('identities shared by the rows that name the same person', () => {
  it('are one object per identity, which no row can change for the others', () => {
    const contacts = ingestFile(Buffer.from('Name,Instagram\nAnna Müller,@zed_anna\nAnna Müller,@abc_anna\n'), 'contacts.csv').contacts;
    // Both rows name Anna Müller and nothing else: each contact takes its own listed handle.
    expect(contacts.map((c) => c.keys.handle)).toEqual(['zed_anna', 'abc_anna']);
    const orders = ingestFile(Buffer.from('Bestellnummer;Kundennummer;Bestelldatum;Menge;Einzelpreis\nB1;K-1;02.01.2024;1;10\nB2;K-1;03.01.2024;1;12\nB3;K-2;03.01.2024;1;7\n'), 'orders.csv').events;
    expect(orders[0]!.who).toBe(orders[1]!.who);
    expect(orders[2]!.who).toEqual({ crmId: 'K-2' });
    expect(Object.isFrozen(orders[0]!.who)).toBe(true);
  });
});
