import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Test files share their worker process (and its module cache) instead of importing the source,
    // the fonts and pdf.js afresh in a new process each: on a 2-core machine this took the suite's
    // small files from ~23 s to ~7.5 s (24 files, one worker). The tests keep no state between files
    // that matters: no mocks or stubbed globals, process.env changes are restored, scratch folders are
    // their own; the caches they share (parsed fonts, the composed example) are read-only.
    isolate: false,
    // vitest's default is one worker fewer than the cores (1 here): two let the long fault test
    // (test/robust-faults.test.ts) run beside the others.
    maxWorkers: 2,
  },
});
