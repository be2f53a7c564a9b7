import type { ReportLang } from './i18n.js';

/** What the report needs to know of a code: its label and category. Passed in, so report never loads a codebook. */
export interface CodeInfo {
  id: string;
  category: string;
  label: { en: string; de: string };
  /** Matched but kept out of reports unless --all-codes (the codebook's `experimental`). */
  experimental?: boolean;
}

const CATEGORY_TITLES: Record<string, { en: string; de: string }> = {
  pain: { en: 'Pain points', de: 'Schmerzpunkte' },
  // The seeds' word: life scarcities (Lebensknappheiten), which are longings, hopes, dreams and wishes.
  longing: { en: 'Longings, hopes, dreams and wishes', de: 'Lebensknappheiten: Sehnsüchte, Hoffnungen, Träume, Wünsche' },
  trust: { en: 'Trust and mistrust', de: 'Vertrauen und Misstrauen' },
  role: { en: 'Roles they take', de: 'Kundenrollen' },
  life: { en: 'Life events', de: 'Lebensereignisse' },
  dialog: { en: 'Dialog moves', de: 'Dialog' },
  action: { en: 'What to do', de: 'Handlungsbedarf' },
};

export const CATEGORY_ORDER = ['pain', 'longing', 'trust', 'role', 'life', 'dialog', 'action'];

export function categoryTitle(category: string, lang: ReportLang): string {
  return CATEGORY_TITLES[category]?.[lang] ?? category;
}

export function codeLabel(codes: ReadonlyMap<string, CodeInfo>, id: string, lang: ReportLang): string {
  return codes.get(id)?.label[lang] ?? id;
}

export function categoryOf(codes: ReadonlyMap<string, CodeInfo>, id: string): string {
  return codes.get(id)?.category ?? id.split('.')[0] ?? id;
}
