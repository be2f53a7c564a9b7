// The redact fixtures (fixtures/redact/: invented people) and every personal string planted in them, for the tests
// that check none survives a redacted run.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

export const REDACT_FILES = readdirSync(join(ROOT, 'fixtures/redact'))
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .map((f) => `fixtures/redact/${f}`);
export const REDACT_BRAND = ['--brand', 'elbtee'];

/** Names, name parts, e-mails and their local parts, streets, postcodes, handles, link parts, a customer number. */
export const PLANTED = [
  ...'Greta Sonnleitner Piet Dyck Xaver Oberhuber Ottilie Quast Rüdiger Kahlfeldt Wiebke Hollmann Jannik Prell'.split(' '),
  ...'greta.sonnleitner piet.vandyck x.oberhuber ottilie.quast ruediger.kahlfeldt piet.privat xaver.privat'.split(' '),
  ...'mailbox.example post.example alpen.example webpost.example freemail.example'.split(' '),
  ...'Sonnenweg Fliederweg Hauptstr Lindenallee Baker 24103 28195 80331'.split(' '),
  ...'greta.sonnt pietvd_84 ottilie_jr hein.bloed_77 xaver.ob photos.example greta-sonnt Zx81QaLm 4711-2024-88'.split(' '),
];

/** The subscriber digits of every phone planted, and the account digits of the IBAN: in no run of digits written. */
export const PLANTED_DIGITS = ['5550123', '5550199', '5550177', '79460321', '5550142', '5550111', '210501700012345678'];

/** Every run of digits in a text with its separators dropped: "+49 171 555-0123" is "491715550123". */
export const digitRuns = (text: string): string[] => [...text.matchAll(/\d[\d \-/().]*\d|\d/g)].map((m) => m[0].replace(/\D/g, ''));

/** The planted strings and digits found in a text (nothing, when redaction holds). */
export function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  const runs = digitRuns(text);
  return [...PLANTED.filter((p) => lower.includes(p.toLowerCase())), ...PLANTED_DIGITS.filter((d) => runs.some((r) => r.includes(d)))];
}
