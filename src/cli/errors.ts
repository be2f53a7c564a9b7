// The two errors a run ends with, each with its exit code. Kept apart from the modules that throw them (options.ts,
// pipeline.ts) so that main.ts can tell them apart without loading zod or the pipeline: `thick --version` stays fast.

/** A mistake in how thick was called: exit code 2. */
export class UsageError extends Error {}

/** A problem with the data itself (unreadable file, unknown layout): exit code 1. */
export class DataError extends Error {}
