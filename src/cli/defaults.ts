// Defaults the option table shows in --help, here without the code that applies them, so that --help loads none of it.

/** How many customers index.md lists by default: a screenful to act on; customers.csv has every one. */
export const DEFAULT_INDEX_TOP = 100;

/** How many portraits a handout shows by default: what fits a few printed pages of a workshop. */
export const DEFAULT_HANDOUT_TOP = 5;
