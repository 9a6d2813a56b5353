import { defineConfig } from 'vitest/config'
import SlowFirstSequencer from './test/sequencer.js'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'tools/**/*.test.ts', 'web/src/**/*.test.ts', 'web/pwa/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // test files share their worker's module cache instead of importing the whole app again per file (about half
    // the CPU of a run); a test must not leave module state behind (docs/architecture.md "Tests")
    isolate: false,
    // the minute-long files start first, so the run does not end on one of them (test/sequencer.ts)
    sequence: { sequencer: SlowFirstSequencer },
    reporters: ['default'],
  },
})
