import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }

describe('package.json scripts', () => {
  // npm puts dependencies' bins on PATH for scripts, never the package's own: `semesta start` there fails on a fresh clone
  it('run the CLI through bin/semesta.js, not through the package’s own bin name', () => {
    for (const [name, script] of Object.entries(pkg.scripts)) {
      expect(script.startsWith('semesta '), `script "${name}"`).toBe(false)
    }
    expect(pkg.scripts.start).toBe('node bin/semesta.js start')
  })
})
