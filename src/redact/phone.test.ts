import { describe, expect, it } from 'vitest';
import { findPhones } from './phone.js';
import { applySpans } from './spans.js';

const mask = (text: string): string => applySpans(text, findPhones(text), () => '[phone]');

describe('phone numbers', () => {
  it.each([
    ['Ruf mich an: +49 170 1234567.', 'Ruf mich an: [phone].'],
    ['+49 (0)30 123 456 78', '[phone]'],
    ['UK office +44 20 7946 0958 or +44 (0)20 7946 0959', 'UK office [phone] or [phone]'],
    ['call +1 (555) 123-4567 today', 'call [phone] today'],
    ['+1-555-123-4567', '[phone]'],
    ['0049 170 1234567', '[phone]'],
    ['Festnetz 030 12345678, mobil 0170/1234567', 'Festnetz [phone], mobil [phone]'],
    ['(089) 12 34 56 7', '[phone]'],
    ['0171-234 56 78 ab 18 Uhr', '[phone] ab 18 Uhr'],
    ['030/123456-78', '[phone]'],
    ['Tel.-Nr.: 0421 1234567', 'Tel.-Nr.: [phone]'],
    ['meine Nummer 01761234567', 'meine Nummer [phone]'],
    ['(555) 123-4567 or 555.123.4567', '[phone] or [phone]'],
  ])('masks %j', (text, expected) => {
    expect(mask(text)).toBe(expected);
  });

  it.each([
    'am 12.03.2024 um 14:30 Uhr',
    'delivered 2024-03-12 10:15:00',
    'lines 4 (0001-01-01), 5 (0099-12-31): implausible dates',
    'bestellt am 03/12/2024',
    'Termin 01/03/2024 12:30',
    'Preis 12,99 € statt 1.299,00 €',
    'kostet 0,99 € pro 0,5 kg',
    'App-Version 2.3.1, Android 10.4.2',
    'Bestellung #123456 und #0123456789',
    'Bestellnummer 0123 4567 89',
    'Bestellung 4711-0815',
    'order 112-3456789-1234567',
    'Auftragsnummer 20240312001',
    'Kundennummer: 0012345678',
    '12345 Berlin',
    'im Mai 05/2024 und 2017 2018 2019',
    'Öffnungszeiten 0800 - 2000',
    'Rabatt +4.5% auf alles',
    '1 000 000 Punkte',
    'Sendung 00340434161234567890',
  ])('leaves %j alone', (text) => {
    expect(mask(text)).toBe(text);
  });
});

describe('service numbers', () => {
  it("are a company's and stay: 0800, 0180, 0900, also after +49", () => {
    for (const text of ['kostenlos unter 0800 – 5892426', 'Hotline 01805 123456', '+49 800 1234567', 'Mehrwert 0900 1234567']) expect(mask(text)).toBe(text);
  });
});

describe('toll-free numbers', () => {
  it("are a company's and stay: 800, 888, 866 in North America, 0120 in Japan", () => {
    for (const text of ['call 800-325-8224 now', 'at 888-780-3962.', '(866) 216-1072', 'フリーダイヤル：0120-999-373']) expect(mask(text)).toBe(text);
    expect(mask('call me (706)614-7640')).toBe('call me [phone]');
  });
});
