// A customer's report is `customers/<slug>.md`, so a slug is a file name on every system a report may be copied to:
// Windows (reserved device names, no trailing dot or space, no < > : " / \ | ? *), macOS (no ':' or '/') and Linux,
// on file systems that fold case (APFS, NTFS: "Kim" and "kim" are one file) and cap a name at 255 bytes. A slug
// holds lower-case letters, digits and '-' only; Latin letters are folded to ASCII ("Krüger" → "kruger", "Øre" →
// "ore"), letters of other scripts are kept (NFC), since dropping them would leave nothing to read.

import { byCodePoint } from '../collation.js';
import type { Customer } from '../model.js';

/** Longest slug in UTF-8 bytes before a "-2" suffix: far below the 255 a file name may have, with room for a path. */
export const MAX_SLUG_BYTES = 60;

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const LATIN_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ĸ: 'k' };
const LATIN_LETTER = new RegExp(`[${Object.keys(LATIN_LETTERS).join('')}]`, 'g');
/** Marks on a Latin letter (its accents, once decomposed), and marks that sit on no letter at all. */
const LATIN_MARKS = /(\p{Script=Latin}|^|[^\p{L}\p{M}])\p{M}+/gu;
const NOT_IN_SLUG = /[^\p{L}\p{M}\p{N}]+/gu;

/**
 * Windows' reserved device names, which no file may be called in any case, with or without an extension ("con.md",
 * "Lpt1.txt.md"); the superscript digits count as digits there.
 */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i;

/** Cut a string to at most `bytes` UTF-8 bytes without splitting a character or a letter from its marks. */
function cutToBytes(text: string, bytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= bytes) return text;
  let out = '';
  let used = 0;
  for (const [cluster] of text.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const size = encoder.encode(cluster).length;
    if (used + size > bytes) break;
    out += cluster;
    used += size;
  }
  return out;
}

/** The words of a text as a slug: lower case, Latin folded to ASCII, anything else between words a single '-'. */
export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(LATIN_LETTER, (letter) => LATIN_LETTERS[letter]!)
    .replace(LATIN_MARKS, '$1')
    .normalize('NFC')
    .replace(NOT_IN_SLUG, '-')
    .replace(/^-+|-+$/g, '');
  return cutToBytes(words, MAX_SLUG_BYTES).replace(/-+$/, '');
}

/** A slug no system refuses as a file name: a reserved device name gets a word after it ("con" → "con-customer"). */
export function portable(slug: string): string {
  return RESERVED.test(slug) ? `${slug}-customer` : slug;
}

/** Slugs compare as a case-folding file system compares names: "Σ", "σ" and "ς" alike, and in one Unicode form. */
const fileSystemFold = (slug: string): string => slug.toUpperCase().toLowerCase().normalize('NFD');

/**
 * What a customer's slug is made of: their CRM id (else their key) and name, or the key alone when they have no name;
 * a name that reads like the key is said once ("kim" for a customer known by the name Kim alone, not "kim-kim").
 */
export function slugBase(customer: Pick<Customer, 'key' | 'crmId' | 'name'>): string {
  const name = customer.name ? slugify(customer.name) : '';
  const id = slugify(name ? (customer.crmId ?? customer.key) : customer.key);
  const base = name && name !== id ? [id, name].filter(Boolean).join('-') : id;
  return portable(cutToBytes(base, MAX_SLUG_BYTES).replace(/-+$/, '') || 'customer');
}

/**
 * One slug per customer, unique also where a file system folds case. Customers are taken in the order of their keys
 * (by code point), so the customer who gets "-2" is the same however the rows or files of the run were ordered.
 */
export function assignSlugs(customers: readonly Pick<Customer, 'key' | 'crmId' | 'name'>[]): Map<string, string> {
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const customer of [...customers].sort((a, b) => byCodePoint(a.key, b.key))) {
    const base = slugBase(customer);
    let slug = base;
    for (let n = 2; taken.has(fileSystemFold(slug)); n++) slug = `${base}-${n}`;
    taken.add(fileSystemFold(slug));
    slugs.set(customer.key, slug);
  }
  return slugs;
}
