import { describe, expect, it } from 'vitest';
import type { Event } from '../model.js';
import { detectLanguage, inOtherLanguage, languageAnnotator, languageScores, languageVerdict } from './language.js';
import { compileCodebook } from './codebook.js';
import { annotateEvent } from './index.js';
import { makeEvent } from '../test-support.js';
import { defaultCodebook } from '../cli/resources.js';

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
    expect(detectLanguage('@DieBahnWasDenn Going to miss my connection LH901 FRA-&gt;OSL because of the delay. https://die.de/der/und')).toBe('en');
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

describe('short reviews in the languages thick does not read', () => {
  // Shop-review Portuguese was read as English or German: "de", "super" and a lone "c" outweighed a text with no
  // listed word at all. Two to six words, as such reviews are.
  it.each([
    ...['Produto de qualidade excelente', 'Chegou antes do prazo', 'Recebi tudo certo, obrigado', 'Não recebi o pedido'].map((t) => ['Portuguese', t]),
    ...['Super recomendo', 'Veio quebrado', 'Quero meu dinheiro de volta', 'Comprei dois e veio só um', 'Loja nota dez'].map((t) => ['Portuguese', t]),
    ...['Ótimo', 'Fantástico', 'Nao gostei'].map((t) => ['Portuguese', t]),
    ...['Muy buen producto', 'Llegó tarde y roto', 'No me llegó el pedido', 'Todo perfecto', 'La calidad es mala'].map((t) => ['Spanish', t]),
    ...['Très bon produit', 'Colis jamais reçu', 'Pas du tout satisfait', 'Produit conforme, parfait'].map((t) => ['French', t]),
    ...['Ottimo prodotto', 'Consegna veloce, grazie', 'Prodotto arrivato rotto', 'Molto soddisfatto'].map((t) => ['Italian', t]),
    ...['Goed product, snelle levering', 'Pakket niet ontvangen', 'Heel tevreden, aanrader', 'Bestelling kwam te laat'].map((t) => ['Dutch', t]),
  ])('%s: %s', (_, text) => {
    expect(detectLanguage(text)).toBe('other');
  });

  it.each([
    ['Great product, fast delivery', 'en'],
    ['Never arrived', 'en'],
    ['Package came damaged', 'en'],
    ['Would not recommend', 'en'],
    ['Still waiting for my refund', 'en'],
    ['Arrived on time', 'en'],
    ['Super Produkt, schnelle Lieferung', 'de'],
    ['Super', 'de'],
    ['Nie angekommen', 'de'],
    ['Paket kam beschädigt an', 'de'],
    ['Sehr zufrieden', 'de'],
    ['Warte noch auf mein Geld', 'de'],
    ['Pünktlich geliefert', 'de'],
  ])('short English and German stay what they are: %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('tells another language from a text too short or wordless to tell', () => {
    expect(languageVerdict('Muito bom, recomendo')).toBe('foreign');
    expect(inOtherLanguage('Entrega rápida')).toBe(true);
    for (const text of ['ok', '👍', '12345', 'https://t.co/abc123']) {
      expect(languageVerdict(text)).toBe('unknown');
      expect(inOtherLanguage(text)).toBe(false);
    }
    expect(inOtherLanguage('Where is my parcel?')).toBe(false);
  });
});

describe('a text in a language thick does not read', () => {
  const ctx = { codebook: compileCodebook(defaultCodebook()), contextEvents: [], model: null };
  const annotated = (text: string, extra: Partial<Event> = {}) => annotateEvent(makeEvent({ text, ...extra }), ctx);
  const codes = (event: Event) => event.annotations.map((a) => a.code);

  it('gets no codes from German or English words: "retirar" (to pick up) is no retirement, "cancelar" no cancellation', () => {
    expect(codes(annotated('I will retire next spring'))).toContain('life.retirement');
    const pickUp = annotated('Vou retirar na loja amanhã');
    expect(pickUp.lang).toBe('other');
    expect(codes(pickUp)).toEqual([]);
    expect(codes(annotated('Quero cancelar meu pedido, não chegou'))).toEqual([]);
  });

  it('keeps the codes its record gives: a 1-star review is a complaint in any language', () => {
    const review = annotated('Produto veio quebrado, péssimo', { kind: 'review', expectsReply: false, rating: { value: 1, scale: 'stars5' } });
    expect(review.annotations.map((a) => a.by.id)).toEqual(['dialog.complaint/signal:rated tone=negative']);
  });

  it('gets no sentiment from the German and English lexicons', () => {
    expect(annotated('Merci, le colis est arrivé').sentiment).toBeNull();
    expect(annotated('Thanks, the parcel arrived').sentiment).not.toBeNull();
  });

  it('is read for its own question mark only', () => {
    expect(codes(annotated('Quando chega meu pedido?'))).toEqual(['reading.question']);
    expect(codes(annotated('Cancelei a compra e fui em outra loja'))).toEqual([]);
  });

  it('is not a text too short to tell: "ok" and emoji are still read', () => {
    expect(annotated('👍👍').sentiment?.label).toBe('positive');
  });
});
