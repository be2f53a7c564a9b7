// Defaults the option table shows in --help, here without the code that applies them, so that --help loads none of it.

/** How many customers index.md lists by default: a screenful to act on; customers.csv has every one. */
export const DEFAULT_INDEX_TOP = 100;

/** How many portraits a handout shows by default: what fits a few printed pages of a workshop. */
export const DEFAULT_HANDOUT_TOP = 5;

/**
 * Records a part of a run holds at most when --parts does not say (cli/parts.ts): a part's annotated records and
 * profiles take ~1.5 KB a record (docs/design/out-of-core-runs.md), so ~150 MB; the other parts' records wait on disk.
 */
export const PART_RECORDS = 100_000;
