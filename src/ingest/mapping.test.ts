import { describe, expect, it } from 'vitest';
import { choosePreset, LayoutError, MappingError } from './index.js';
import { applyOverrides, mapColumns } from './mapping.js';
import { normaliseHeader } from './preset.js';
import { contacts } from './presets/contacts.js';
import { messages } from './presets/messages.js';
import { social as socialPreset } from './presets/social.js';

describe('normaliseHeader', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normaliseHeader('E-Mail')).toBe('email');
    expect(normaliseHeader(' Datensatz-ID ')).toBe('datensatzid');
    expect(normaliseHeader('Stück')).toBe('stuck');
  });
});

describe('preset detection', () => {
  const cases: [string[], string][] = [
    [['Customer ID', 'Name', 'Email', 'Phone', 'Created', 'Stage', 'City', 'Instagram', 'Twitter'], 'contacts'],
    [['Bestellnummer', 'Kundennummer', 'Bestelldatum', 'Artikel', 'Menge', 'Einzelpreis'], 'orders'],
    [['Ticket ID', 'Requester Email', 'Created At', 'Channel', 'Subject', 'Description', 'Status', 'First Reply At', 'Satisfaction'], 'tickets'],
    [['Comment ID', 'Platform', 'Username', 'Posted At', 'Text', 'In Reply To'], 'social'],
    [['Customer', 'Date', 'Author', 'Note', 'Codes', 'Until'], 'notes'],
    [['id', 'Feedback'], 'generic'],
    [['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Create Date', 'Lifecycle Stage', 'City', 'Country/Region', 'Twitter Username'], 'hubspot-contacts'],
    [['Datensatz-ID', 'Vorname', 'Nachname', 'E-Mail', 'Telefonnummer', 'Erstellungsdatum', 'Lebenszyklusphase', 'Ort', 'Land/Region'], 'hubspot-contacts'],
    [['Contact ID', 'First Name', 'Last Name', 'Account Name', 'Email', 'Phone', 'Mailing City', 'Created Date'], 'salesforce-contacts'],
    [['Id', 'FirstName', 'LastName', 'Email', 'Phone', 'MailingCity', 'MailingCountry', 'CreatedDate'], 'salesforce-contacts'],
    [['Case Number', 'Contact Name', 'Contact Email', 'Subject', 'Description', 'Status', 'Case Origin', 'Date/Time Opened'], 'salesforce-cases'],
    [['Id', 'Requester', 'Requester email', 'Subject', 'Status', 'Via', 'Created at', 'Satisfaction Score', 'First reply time in minutes'], 'zendesk-tickets'],
    [['Name', 'Email', 'Financial Status', 'Total', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Billing Name', 'Id'], 'shopify-orders'],
    [['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'], 'online-retail'],
    [['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'response_tweet_id', 'in_response_to_tweet_id'], 'twitter-support'],
    [['id', 'media_id', 'username', 'text', 'timestamp', 'like_count', 'parent_id'], 'instagram-comments'],
    [['Comment ID', 'Post ID', 'Parent Comment ID', 'Author Name', 'Author Profile', 'Message', 'Created Time'], 'facebook-comments'],
    [['Id', 'ProductId', 'UserId', 'ProfileName', 'HelpfulnessNumerator', 'HelpfulnessDenominator', 'Score', 'Time', 'Summary', 'Text'], 'amazon-reviews'],
    [['reviewId', 'userName', 'content', 'score', 'thumbsUpCount', 'reviewCreatedVersion', 'at', 'replyContent', 'repliedAt', 'appVersion'], 'google-play-reviews'],
    [['Name', 'Datum', 'Sterne', 'Überschrift', 'Bewertung', 'Antwort des Unternehmens'], 'reviews'],
    [['customer_id', 'customer_unique_id', 'customer_zip_code_prefix', 'customer_city', 'customer_state'], 'contacts'],
    [['order_id', 'customer_id', 'order_status', 'order_purchase_timestamp', 'order_approved_at', 'order_delivered_carrier_date'], 'orders'],
    [['order_id', 'order_item_id', 'product_id', 'seller_id', 'shipping_limit_date', 'price', 'freight_value'], 'orders'],
    [['review_id', 'order_id', 'review_score', 'review_comment_title', 'review_comment_message', 'review_creation_date', 'review_answer_timestamp'], 'reviews'],
    [['Ticket ID', 'Email', 'Subject', 'Text', 'Satisfaction'], 'tickets'],
  ];
  it.each(cases)('%j is %s', (header, preset) => {
    expect(choosePreset(header, 'x.csv', {}).preset.id).toBe(preset);
  });

  it('maps German contact headers to fields', () => {
    const mapping = mapColumns(['Kundennummer', 'Vorname', 'Nachname', 'E-Mail-Adresse', 'Erstellungsdatum'], contacts);
    expect(mapping).toMatchObject({ crmId: 0, firstName: 1, lastName: 2, email: 3, created: 4 });
  });

  it('fails with the header when no preset fits, pointing at --map: a data error, not a usage error', () => {
    expect(() => choosePreset(['a', 'b'], 'odd.csv', {})).toThrow(/odd\.csv:1: cannot tell .*\(a, b\).*--map text=.*--preset/);
    const error = (() => {
      try {
        choosePreset(['a', 'b'], 'odd.csv', {});
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(LayoutError);
    expect((error as Error).name).toBe('LayoutError');
  });

  it('keeps an unknown --preset a usage error', () => {
    expect(() => choosePreset(['text'], 'x.csv', { preset: 'nope' })).toThrow(MappingError);
  });

  it('gives a file without a header the generic preset (or the forced one) and no columns', () => {
    expect(choosePreset([], 'empty.csv', {})).toEqual({ preset: expect.objectContaining({ id: 'generic' }), mapping: {} });
    expect(choosePreset([], 'empty.csv', { preset: 'orders', overrides: { text: 'Feedback' } }).preset.id).toBe('orders');
  });

  it.each([
    'Comments', 'Tweet', 'Tweet Text', 'Post', 'Post text', 'Caption', 'Freitext', 'Anmerkung', 'Anmerkungen', 'Kommentare',
    'Rückmeldung', 'Feedback text', 'Verbatim', 'Answer', 'Antwort', 'Response',
  ])('reads a survey or social text column named %j as text', (name) => {
    const { preset, mapping } = choosePreset(['ID', name], 'survey.csv', {});
    expect(preset.id).toBe('generic');
    expect(mapping.text).toBe(1);
  });

  it('prefers the customer words over a post or an answer column', () => {
    expect(choosePreset(['Post', 'Comment'], 'c.csv', {}).mapping.text).toBe(1);
    expect(choosePreset(['Response', 'Feedback'], 'c.csv', {}).mapping.text).toBe(1);
  });

  it('does not take a help desk\'s "Response" (the brand\'s reply) for the ticket text', () => {
    const { preset, mapping } = choosePreset(['Ticket ID', 'Requester Email', 'Subject', 'Status', 'Response'], 't.csv', {});
    expect(preset.id).toBe('tickets');
    expect(mapping).toMatchObject({ messageId: 0, email: 1, subject: 2, status: 3 });
    expect(mapping.text).toBeUndefined();
    expect(mapColumns(['Comment ID', 'Username', 'Response'], socialPreset).text).toBeUndefined();
    expect(mapColumns(['Comment ID', 'Username', 'Response'], messages).text).toBe(2);
  });

  it('keys a file by the person, and reads a bare Id beside a person column as the record\'s id', () => {
    const amazon = choosePreset(['Id', 'ProductId', 'UserId', 'ProfileName', 'Score', 'Time', 'Summary', 'Text'], 'a.csv', { preset: 'reviews' }).mapping;
    expect(amazon).toMatchObject({ messageId: 0, crmId: 2, name: 3, rating: 4, date: 5, subject: 6, text: 7 });
    for (const person of ['user_id', 'Author ID', 'Reviewer ID', 'Member ID', 'Nutzer-ID', 'E-Mail']) {
      const { mapping } = choosePreset(['id', person, 'text'], 'm.csv', {});
      expect(mapping.messageId, person).toBe(0);
      expect(mapping.crmId ?? mapping.email, person).toBe(1);
    }
    // In a contacts export the Id is the person; with no person column it stays the only key there is.
    expect(choosePreset(['Id', 'Name', 'Email', 'Phone'], 'c.csv', {}).mapping).toMatchObject({ crmId: 0, email: 2 });
    expect(choosePreset(['id', 'text'], 't.csv', {}).mapping).toEqual({ crmId: 0, text: 1 });
  });

  it('reads Olist\'s customer_unique_id as the person and its per-order customer_id as an alias', () => {
    const { mapping } = choosePreset(['customer_id', 'customer_unique_id', 'customer_zip_code_prefix', 'customer_city', 'customer_state'], 'c.csv', {});
    expect(mapping).toMatchObject({ crmId: 1, altId: 0, city: 3 });
  });

  it('lets --map win over detection: a table it makes a text file is read as one, not as contacts', () => {
    // "Antwort" may be the brand's reply as well as a text, so only --map makes it the text column here.
    const header = ['id', 'Antwort', 'label', 'signup date'];
    expect(choosePreset(header, 'survey.csv', {}).preset.id).toBe('contacts');
    const { preset, mapping } = choosePreset(header, 'survey.csv', { overrides: { text: 'Antwort' } });
    expect(preset.id).toBe('generic');
    expect(mapping.text).toBe(1);
    // A column that can only be a text makes a table a text file without --map.
    expect(choosePreset(['id', 'text', 'label', 'reason', 'airline', 'created'], 'tweets.csv', {}).preset.id).toBe('generic');
    // Any field the user names picks a preset that reads it.
    expect(choosePreset(['Kunde', 'Kommentar', 'Punkte'], 's.csv', { overrides: { rating: 'Punkte' } }).preset.id).toBe('reviews');
  });

  it('takes a message export\'s bare "created" column as its date, but never over a date column', () => {
    const tweets = choosePreset(['id', 'text', 'label', 'created'], 'tweets.csv', {});
    expect(tweets.preset.id).toBe('generic');
    expect(tweets.mapping.date).toBe(3);
    expect(choosePreset(['id', 'text', 'created', 'date'], 'tweets.csv', {}).mapping.date).toBe(3);
    expect(choosePreset(['id', 'name', 'email', 'created'], 'people.csv', {}).preset.id).toBe('contacts');
  });

  it('lets --map name the text column of an unknown layout', () => {
    const { preset, mapping } = choosePreset(['Nr', 'Antwort'], 'survey.csv', { overrides: { text: 'Antwort' } });
    expect(preset.id).toBe('generic');
    expect(mapping.text).toBe(1);
  });
});

describe('applyOverrides', () => {
  it('moves a column from its detected field to the named one', () => {
    const mapping = applyOverrides(['Name', 'Handle'], { name: 0, handle: 1 }, { text: 'Name' }, 'f.csv');
    expect(mapping).toEqual({ text: 0, handle: 1 });
  });
  it('names the missing column and the available ones', () => {
    expect(() => applyOverrides(['A', 'B'], {}, { text: 'C' }, 'f.csv')).toThrow('f.csv: --map text=C: no column "C"; columns are: A, B');
  });
});
