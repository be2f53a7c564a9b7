import { describe, expect, it } from 'vitest';
import { annotateEvent } from '../annotate/index.js';
import { compileCodebook } from '../annotate/codebook.js';
import type { Annotation, Event } from '../model.js';
import { makeCustomer, makeEvent } from '../test-support.js';
import { buildProfiles } from './index.js';
import { noteIdea, readingsIn, solvedBy } from './readings.js';
import { signalsFor } from './signals.js';
import { defaultCodebook } from '../cli/resources.js';

const signals = signalsFor();
const ctx = { codebook: compileCodebook(defaultCodebook()), contextEvents: [] };
const analyst = (code: string): Annotation => ({ code, quote: null, source: { file: 'notes.csv', line: 2 }, by: { kind: 'analyst', id: 'Ines Vogt' }, confidence: 1 });
/** A note as the annotate stage hands it on: with its readings. */
const note = (text: string, codes: string[] = [], day = '2024-06-10'): Event =>
  annotateEvent(makeEvent({ kind: 'note', direction: 'internal', channel: 'note', author: 'Ines Vogt', text, lang: 'de', at: new Date(`${day}T00:00:00Z`), annotations: codes.map(analyst) }), ctx);

describe('notes as judgements read them', () => {
  it('take the idea the annotate stage found, or the whole note an analyst coded as a suggestion', () => {
    expect(noteIdea(note('Trinkt nur Filterkaffee. Könnte eine Probe der neuen Sorte mögen.'), signals)?.quote).toBe('Könnte eine Probe der neuen Sorte mögen.');
    expect(noteIdea(note('Wohnt in Kiel.'), signals)).toBeNull();
    expect(noteIdea(note('Wohnt in Kiel.', ['action.suggestion']), signals)?.quote).toBe('Wohnt in Kiel.');
  });

  it('never read the text themselves: a note without readings calls nothing solved', () => {
    const unread = makeEvent({ kind: 'note', direction: 'internal', text: 'Ersatz ist raus.' });
    expect(readingsIn([unread], 'solved')).toEqual([]);
  });
});

describe('solvedBy', () => {
  const pain = (code: string, day: string) =>
    makeEvent({ text: 'x', at: new Date(`${day}T09:00:00Z`), annotations: [{ code, quote: 'x', source: { file: 't.csv', line: 2 }, by: { kind: 'rule', id: code }, confidence: 0.8 }] });

  it('closes the pains of the issue the note names, raised on or before its day', () => {
    const solving = readingsIn([note('Ersatz ist raus.', ['pain.damaged'], '2024-06-10')], 'solved');
    expect(solvedBy({ event: pain('pain.damaged', '2024-06-10'), code: 'pain.damaged' }, solving, signals)).toBe(solving[0]);
    expect(solvedBy({ event: pain('pain.billing', '2024-06-01'), code: 'pain.billing' }, solving, signals)).toBeNull();
    // A pain raised after the note is a new one.
    expect(solvedBy({ event: pain('pain.damaged', '2024-07-01'), code: 'pain.damaged' }, solving, signals)).toBeNull();
  });

  it('closes every earlier pain when the solving note names no pain code, but no unrelated question', () => {
    const solving = readingsIn([note('Alles erledigt.', [], '2024-06-10')], 'solved');
    expect(solvedBy({ event: pain('pain.billing', '2024-06-01'), code: 'pain.billing' }, solving, signals)).toBe(solving[0]);
    const refund = readingsIn([note('Doppelt abgebucht, erstattet.', ['pain.billing'], '2024-06-10')], 'solved');
    const question = makeEvent({ text: 'Kann ich die Mahlgrad-Einstellung ändern?', at: new Date('2024-06-01T09:00:00Z') });
    expect(solvedBy({ event: question }, refund, signals)).toBeNull();
  });
});

describe('readings in a profile', () => {
  it('are neither counted as codes nor shown as themes', () => {
    const annotated = note('Ersatz ist raus. Könnte eine Probe mögen.');
    expect(annotated.annotations.map((a) => a.code)).toEqual(expect.arrayContaining(['reading.solved', 'reading.idea']));
    const { profile } = buildProfiles([makeCustomer()], [annotated], { ordersKnown: false, socialKnown: false })[0]!;
    expect(Object.keys(profile.codes).filter((c) => c.startsWith('reading.'))).toEqual([]);
  });
});
