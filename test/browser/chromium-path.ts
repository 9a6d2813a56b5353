import fs from 'node:fs'

/** Where Chromium is (Debian's package by default); no vitest here, so benches and global-setup can import it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Browser tests: `describe.skipIf(!hasChromium())(...)`; global-setup reports the skip (and fails under .ci/run). */
export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM_PATH)
}
