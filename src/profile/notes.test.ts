import { describe, expect, it } from 'vitest';
import type { Event } from '../model.js';
import { makeEvent } from '../test-support.js';
import { readNote, solvedBy } from './notes.js';
import { signalsFor } from './signals.js';

const signals = signalsFor();
const analyst = (code: string) => ({ code, quote: null, source: { file: 'notes.csv', line: 2 }, by: { kind: 'analyst' as const, id: 'Ines Vogt' }, confidence: 1 });
const note = (text: string, codes: string[] = [], day = '2024-06-10'): Event =>
  makeEvent({ kind: 'note', direction: 'internal', channel: 'note', author: 'Ines Vogt', text, at: new Date(`${day}T00:00:00Z`), annotations: codes.map(analyst) });

describe('reading analyst notes', () => {
  it('knows when a note calls an issue solved, in German and English, and quotes that sentence', () => {
    expect(readNote(note('Mühle kam mit Riss an. Ersatz ist raus.'), signals).solved).toBe('Ersatz ist raus.');
    expect(readNote(note('Doppelt abgebucht, am 12.06. erstattet.'), signals).solved).toBe('Doppelt abgebucht, am 12.06. erstattet.');
    expect(readNote(note('Ticket erledigt'), signals).solved).toBe('Ticket erledigt');
    expect(readNote(note('Charged twice; refunded on June 3.'), signals).solved).not.toBeNull();
    expect(readNote(note('Grinder arrived cracked, we sent a replacement.'), signals).solved).not.toBeNull();
    expect(readNote(note('Ticket resolved after a call.'), signals).solved).not.toBeNull();
  });

  it('does not take a negated or partial fix for solved', () => {
    expect(readNote(note('Betrag noch nicht erstattet, Kundin wartet.'), signals).solved).toBeNull();
    expect(readNote(note('Not refunded yet.'), signals).solved).toBeNull();
    expect(readNote(note('Erstattung nur teilweise gebucht, der Rest fehlt.'), signals).solved).toBeNull();
  });

  it('finds an idea, offer or promise, and quotes the sentence that holds it', () => {
    expect(readNote(note('Trinkt nur Filterkaffee. Könnte eine Probe der neuen Sorte mögen.'), signals).idea).toBe('Könnte eine Probe der neuen Sorte mögen.');
    expect(readNote(note('Zweimal Bruch in diesem Monat. Versandkarton wechseln?'), signals).idea).toBe('Versandkarton wechseln?');
    expect(readNote(note('Runs a tasting club. We promised her two tickets for the roastery tour.'), signals).idea).toBe('We promised her two tickets for the roastery tour.');
    expect(readNote(note('Wohnt in Kiel.'), signals).idea).toBeNull();
    expect(readNote(note('Wohnt in Kiel.', ['action.suggestion']), signals).idea).toBe('Wohnt in Kiel.');
  });
});

describe('solvedBy', () => {
  const pain = (code: string, day: string) =>
    makeEvent({ text: 'x', at: new Date(`${day}T09:00:00Z`), annotations: [{ code, quote: 'x', source: { file: 't.csv', line: 2 }, by: { kind: 'rule', id: code }, confidence: 0.8 }] });

  it('closes the pains of the issue the note names, raised on or before its day', () => {
    const solving = readNote(note('Ersatz ist raus.', ['pain.damaged'], '2024-06-10'), signals);
    expect(solvedBy({ event: pain('pain.damaged', '2024-06-10'), code: 'pain.damaged' }, [solving], signals)).toBe(solving);
    expect(solvedBy({ event: pain('pain.billing', '2024-06-01'), code: 'pain.billing' }, [solving], signals)).toBeNull();
    // A pain raised after the note is a new one.
    expect(solvedBy({ event: pain('pain.damaged', '2024-07-01'), code: 'pain.damaged' }, [solving], signals)).toBeNull();
  });

  it('closes every earlier pain when the solving note names no pain code', () => {
    const solving = readNote(note('Alles erledigt.', [], '2024-06-10'), signals);
    expect(solvedBy({ event: pain('pain.billing', '2024-06-01'), code: 'pain.billing' }, [solving], signals)).toBe(solving);
  });
});
