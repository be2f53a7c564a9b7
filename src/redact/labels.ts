// What a reader sees where personal data was: a placeholder that says what kind of thing stood there, in the
// report's language, so "call me at [phone]" still reads as the customer wrote it.
import type { MaskKind } from './spans.js';

export type RedactLang = 'en' | 'de';

const PLACEHOLDERS: Record<RedactLang, Record<MaskKind, string>> = {
  en: { link: '[link]', email: '[e-mail]', iban: '[IBAN]', account: '[number]', phone: '[phone]', address: '[address]', handle: '@[handle]', name: '[name]', id: '[id]', text: '[text]' },
  de: { link: '[Link]', email: '[E-Mail]', iban: '[IBAN]', account: '[Nummer]', phone: '[Telefon]', address: '[Adresse]', handle: '@[Handle]', name: '[Name]', id: '[ID]', text: '[Text]' },
};

export const placeholderFor = (lang: RedactLang) => (kind: MaskKind): string => PLACEHOLDERS[lang][kind];

/** A handle's placeholder without its "@", for fields that hold a handle as the bare name ("[handle]"). */
export const bareHandle = (lang: RedactLang): string => PLACEHOLDERS[lang].handle.slice(1);
