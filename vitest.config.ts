import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30000,
    // The annotators read no files: load the lexicons the way the CLI and a library user do (test/setup.ts).
    setupFiles: ['test/setup.ts'],
    // Test files share each worker's modules instead of loading them afresh per file: the pipeline, its lexicons and
    // codebook load once per worker, which took most of the suite's time (run `vitest run --isolate` to compare).
    // So a test puts back what it changes (vi.restoreAllMocks, variables, cwd; runThick in test/helpers.ts does) and
    // uses no vi.mock, whose module replacement would reach other files in the worker.
    isolate: false,
  },
});
