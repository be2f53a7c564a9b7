// Implied codes: a code with implied_by counts as found when one of the codes it names was found and it has no
// evidence of its own ("a complaint expects an answer": action.response-needed is implied by dialog.complaint).

import { conditionHolds, type Candidate } from './candidates.js';
import type { CompiledCode, CompiledCodebook } from './compile.js';
import type { RecordFacts } from './conditions.js';
import { isRuledOut } from './ruled-out.js';

/** An implied hit is a little less certain than the hit that implies it. */
const IMPLIED_FACTOR = 0.9;

/** The most certain hit among the codes that imply this one, with that code's id. */
function strongestSource(code: CompiledCode, codes: readonly CompiledCode[], best: readonly (Candidate | undefined)[]): { source: Candidate; id: string } | undefined {
  let source: Candidate | undefined;
  let id = '';
  for (const j of code.impliedBy) {
    const cand = best[j];
    if (cand && (!source || cand.confidence > source.confidence)) {
      source = cand;
      id = codes[j]?.id ?? '';
    }
  }
  return source ? { source, id } : undefined;
}

/**
 * Fills in implied codes where the code's own condition and its implied_when hold for the record and no code rules
 * it out; repeats until nothing changes, so chains (pain → complaint → response needed) resolve.
 */
export function addImpliedCodes(compiled: CompiledCodebook, best: (Candidate | undefined)[], facts: RecordFacts): void {
  const codes = compiled.codes;
  for (let changed = true, rounds = 0; changed && rounds <= codes.length; rounds++) {
    changed = false;
    codes.forEach((code, c) => {
      if (best[c] || code.impliedBy.length === 0 || isRuledOut(code, best)) return;
      if (!conditionHolds(compiled, code.when, facts) || !conditionHolds(compiled, code.impliedWhen, facts)) return;
      const found = strongestSource(code, codes, best);
      if (!found) return;
      const confidence = Math.round(found.source.confidence * IMPLIED_FACTOR * 100) / 100;
      best[c] = { ...found.source, rule: `${code.id}/implied:${found.id}`, confidence };
      changed = true;
    });
  }
}
