// Ruled out: a code with ruled_out_by is not found in a text where one of the codes it names is found by its own
// evidence. A text action.not-meaningful finds ("ok", "9", "👍") has no words to praise or complain with, whatever
// its rating says, so a rating's signal does not make it praise.

import type { Candidate } from './candidates.js';
import type { CompiledCode } from './compile.js';

/** Whether one of the codes that rule this code out has a hit. */
export function isRuledOut(code: CompiledCode, best: readonly (Candidate | undefined)[]): boolean {
  return code.ruledOutBy.some((j) => best[j] !== undefined);
}

/**
 * Drops the hits of codes ruled out by another code's own evidence. Runs before implied codes are filled in, so it
 * judges own evidence only; addImpliedCodes leaves ruled-out codes unfound too.
 */
export function applyRuledOut(codes: readonly CompiledCode[], best: (Candidate | undefined)[]): void {
  const ruledOut = codes.map((code) => isRuledOut(code, best));
  ruledOut.forEach((out, c) => {
    if (out) best[c] = undefined;
  });
}
