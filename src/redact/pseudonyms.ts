// Pseudonyms. A customer is called "Person 7QMX": a code from a hash of their key, so the same customer gets the same
// pseudonym on every run and whatever the input order, and a reader never takes it for a real name (an invented
// first name would; and would make up a gender). "Person" reads the same in English and German, so profiles.jsonl
// and file names do not change with --lang. The code has no vowels (it can spell no word) and none of 0 O 1 I L.
// Analysts, few and named in notes, become "Analyst A", "Analyst B" in code-point order of their names.
import { createHash } from 'node:crypto';
import { byCodePoint } from '../collation.js';

const ALPHABET = '23456789BCDFGHJKMNPQRSTVWXZ';
const LENGTH = 4;

/** The code a key hashes to on a given attempt (attempts after the first resolve collisions). */
function codeOf(key: string, attempt: number, secret: string): string {
  const digest = createHash('sha256').update(`${secret}\u0000${key}\u0000${attempt}`).digest();
  let value = digest.readUInt32BE(0);
  let code = '';
  for (let i = 0; i < LENGTH; i++) {
    code += ALPHABET[value % ALPHABET.length];
    value = Math.floor(value / ALPHABET.length);
  }
  return code;
}

/**
 * A code per customer key. Keys are taken in code-point order, each gets its hash's code, and a key whose code is
 * taken already tries its next attempt: who gets which code depends on the run's keys, never on their order. With
 * 27^4 = 531,441 codes a run of a thousand customers has about one collision; only a customer whose code an earlier
 * key took is renamed, and only in runs that hold both. `secret` (empty by default) makes codes unguessable from keys.
 */
export function pseudonymCodes(keys: Iterable<string>, secret = ''): Map<string, string> {
  const codes = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of [...new Set(keys)].sort(byCodePoint)) {
    let attempt = 0;
    let code = codeOf(key, attempt, secret);
    while (taken.has(code)) code = codeOf(key, ++attempt, secret);
    taken.add(code);
    codes.set(key, code);
  }
  return codes;
}

export const pseudonym = (code: string): string => `Person ${code}`;

/** "A" … "Z", then "AA", "AB" …: the n-th label, from 0. */
function letters(n: number): string {
  return n < 26 ? String.fromCharCode(65 + n) : letters(Math.floor(n / 26) - 1) + letters(n % 26);
}

/** A neutral label per analyst name ("Analyst A"), in code-point order of the names as written. */
export function analystLabels(names: Iterable<string>): Map<string, string> {
  return new Map([...new Set(names)].sort(byCodePoint).map((name, i) => [name, `Analyst ${letters(i)}`]));
}
