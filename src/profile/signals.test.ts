import { describe, expect, it } from 'vitest';

import { missingSignals, signalsFor } from './signals.js';
import { defaultCodebook } from '../cli/resources.js';

describe('declared signals', () => {
  it('read a category from the codebook, so a user’s own pain code counts as a pain', () => {
    const signals = signalsFor([
      { id: 'pain.parking', category: 'pain' },
      { id: 'pain.renamed', category: 'trust' },
    ]);
    expect(signals.is('pain', 'pain.parking')).toBe(true);
    // Moved to another category by the user's codebook: no longer a pain.
    expect(signals.is('pain', 'pain.renamed')).toBe(false);
    // An analyst's code the codebook does not know is read by its prefix.
    expect(signals.is('pain', 'pain.whatever')).toBe(true);
    expect(signals.is('praise', 'dialog.praise')).toBe(true);
    expect(signals.is('supporter', 'role.critic')).toBe(false);
    expect(signals.is('critic', 'role.critic')).toBe(true);
  });

  it('are all carried by the default codebook, so no judgement goes blind without a user codebook', () => {
    expect(missingSignals(defaultCodebook().codes)).toEqual([]);
  });

  it('tell a turning away from a cancellation suffered: only the former is the turning-away signal', () => {
    const signals = signalsFor(defaultCodebook().codes);
    expect(signals.is('turningAway', 'trust.loyalty-withheld')).toBe(true);
    expect(signals.is('turningAway', 'pain.cancellation')).toBe(false);
    expect(signals.is('pain', 'pain.cancellation')).toBe(true);
  });

  it('find what a codebook leaves out, naming the codes and categories missing', () => {
    const onlyPains = [
      { id: 'pain.waiting', category: 'pain' },
      { id: 'role.recommender', category: 'role' },
    ];
    const missing = missingSignals(onlyPains);
    const bySignal = Object.fromEntries(missing.map((m) => [m.signal, m.missing]));
    expect(bySignal.pain).toBeUndefined();
    expect(bySignal.praise).toEqual(['dialog.praise']);
    expect(bySignal.supporter).toEqual(['role.helper', 'role.advisor']);
    expect(bySignal.longing).toEqual(['category longing']);
    expect(missing.find((m) => m.signal === 'praise')!.usedFor).toMatch(/advocate stage/);
  });
});
