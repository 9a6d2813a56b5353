#!/usr/bin/env node
// Run by `npm test` after vitest: repeats which suites this machine skipped, at the end of the output where people
// look, and fails (exit 1) when SEMESTA_REQUIRE_ALL_SUITES=1 (.ci/run) and anything was skipped.
// Keep the checks in step with skippedSuites() in test/global-setup.ts.
import fs from 'node:fs'

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const skipped = []
if (!process.env.TEST_DATABASE_URL) skipped.push('PostgreSQL suite skipped: TEST_DATABASE_URL not set')
if (!fs.existsSync(chromium)) skipped.push(`browser suite skipped: no Chromium (${chromium})`)

if (skipped.length === 0) {
  console.log('[semesta] all suites ran: embedded engine, PostgreSQL, browser')
} else {
  for (const line of skipped) console.log(`[semesta] ${line}`)
  if (process.env.SEMESTA_REQUIRE_ALL_SUITES === '1') {
    console.error('[semesta] SEMESTA_REQUIRE_ALL_SUITES=1: a skipped suite is a failure')
    process.exit(1)
  }
}
