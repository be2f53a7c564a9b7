import { describe, expect, it } from 'vitest';
import type { Event } from '../model.js';
import { detectLanguage, languageAnnotator, languageScores } from './language.js';
import { makeEvent } from '../test-support.js';

describe('detectLanguage', () => {
  it.each([
    'Mein Paket ist immer noch nicht da, seit drei Wochen warte ich.',
    'Die Bahn hat schon wieder Verspätung, ich komme zu spät zur Arbeit.',
    '@DB_Bahn warum fällt der Zug aus?',
    'Danke!',
    'Lieferung verspätet',
    'ICH WARTE SEIT 3 WOCHEN AUF EINE ANTWORT',
    'Rückerstattung',
  ])('German: %s', (text) => {
    expect(detectLanguage(text)).toBe('de');
  });

  it.each([
    '@united my flight was delayed three hours and nobody told us why',
    'Where is my parcel?',
    "I've been waiting for a refund since January, this isn't okay",
    'thanks!',
    'I AM STILL WAITING',
    'parcel damaged',
  ])('English: %s', (text) => {
    expect(detectLanguage(text)).toBe('en');
  });

  it.each([
    'Merci beaucoup pour votre aide, le colis est arrivé',
    'Gracias por todo, el paquete llegó tarde',
    'Dank je wel, het pakket is niet aangekomen',
    'Grazie mille, il pacco non è arrivato',
    'Obrigado, o pacote não chegou',
    'Bonjour',
  ])('other languages: %s', (text) => {
    expect(detectLanguage(text)).toBe('other');
  });

  it.each(['', 'ok', '👍🙏', 'https://t.co/abc123', '@someone @other', '12345', '#'])('no evidence → other: %j', (text) => {
    expect(detectLanguage(text)).toBe('other');
  });

  it('ignores handles, URLs and short capitalised codes', () => {
    // "DEN" (an airport) and a German-looking handle must not make an English text German.
    expect(detectLanguage('@DieBahnWasDenn Will miss connection UA3530 DEN-&gt;YEG due to delay. https://die.de/der/und')).toBe('en');
  });

  it('reads the word behind a hashtag', () => {
    expect(languageScores('#danke')).toEqual(languageScores('danke'));
    expect(detectLanguage('#danke #bitte')).toBe('de');
  });
});

describe('languageAnnotator', () => {
  const event = (text: string | null, lang: Event['lang'] = null): Event => makeEvent({ text, lang, source: { file: 'f.csv', line: 2 } });

  it('sets the language of an event with text', () => {
    expect(languageAnnotator(event('Wo bleibt meine Bestellung?'), { codebook: undefined as never, contextEvents: [] })).toEqual({ lang: 'de' });
  });

  it('leaves events without text, or with a language, alone', () => {
    const ctx = { codebook: undefined as never, contextEvents: [] };
    expect(languageAnnotator(event(null), ctx)).toEqual({});
    expect(languageAnnotator(event('hello there', 'de'), ctx)).toEqual({});
  });
});

describe('short feedback the word lists cannot decide', () => {
  it('is read by the words only one sentiment lexicon knows: "Gute App" is German, "good app" English', () => {
    expect(detectLanguage('Gute App')).toBe('de');
    expect(detectLanguage('Tolle Seite, guter Service!!')).toBe('de');
    expect(detectLanguage('Katastrophe')).toBe('de');
    expect(detectLanguage('good app')).toBe('en');
    // Nothing either lexicon claims alone stays undecided, as do other languages.
    expect(detectLanguage('ok')).toBe('other');
    expect(detectLanguage('Muito bom, recomendo')).toBe('other');
  });
});
