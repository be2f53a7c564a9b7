import { describe, expect, it } from 'vitest';
import { choosePreset } from './index.js';
import { applyOverrides, mapColumns } from './mapping.js';
import { normaliseHeader } from './preset.js';
import { contacts } from './presets/contacts.js';

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
  ];
  it.each(cases)('%j is %s', (header, preset) => {
    expect(choosePreset(header, 'x.csv', {}).preset.id).toBe(preset);
  });

  it('maps German contact headers to fields', () => {
    const mapping = mapColumns(['Kundennummer', 'Vorname', 'Nachname', 'E-Mail-Adresse', 'Erstellungsdatum'], contacts);
    expect(mapping).toMatchObject({ crmId: 0, firstName: 1, lastName: 2, email: 3, created: 4 });
  });

  it('fails with the header when no preset fits, pointing at --map', () => {
    expect(() => choosePreset(['a', 'b'], 'odd.csv', {})).toThrow(/odd\.csv:1: cannot tell .*\(a, b\).*--map text=/);
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
