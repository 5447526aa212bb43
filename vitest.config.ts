import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A test that imports a real tender may read its scanned pages by OCR (the corpus tender
    // 11-yulin has 15: about a minute on a loaded 2-core machine).
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more workers only make the end-to-end tests (each with its Chromium) contend.
    maxWorkers: 2,
    // expect.poll waits for the UI (end-to-end) and for child processes: 1 s, Vitest's default,
    // is short on a loaded 2-core CI machine. A check that holds passes at once regardless.
    expect: { poll: { timeout: 15_000 } },
  },
});
