import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../platform/db/index.js'
import { closeOwnedDataDir, openOwnedDataDir, runCliInProcess as run } from '../../../test/cli.js'

/** `semesta status refresh` and `semesta rerate` as an operator runs them, beside a process that owns the embedded folder. */
describe('semesta status refresh / rerate', () => {
  let dataDir: string
  let owner: Database
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    ;({ dataDir, owner, env } = await openOwnedDataDir('semesta-status-cli-'))
  })

  afterAll(() => closeOwnedDataDir({ dataDir, owner }))

  it('prints {evaluated, changed, byStatus} and the re-rating counts as JSON; a bad month exits 1', async () => {
    const refreshed = await run(['status', 'refresh', '--as-of', '2026-07-16', '--json'], env)
    expect(refreshed.stderr).toBe('')
    expect(JSON.parse(refreshed.stdout)).toEqual({ evaluated: 0, changed: 0, byStatus: {} })
    const rerated = await run(['rerate', '--from', '2026-01', '--json'], env)
    expect(rerated.stderr).toBe('')
    expect(JSON.parse(rerated.stdout)).toMatchObject({ from: '2026-01', duesRerated: 0, creditIdr: 0 })
    const bad = await run(['rerate', '--from', '2026-13'], env)
    expect(bad.code).toBe(1)
  }, 300_000)
})
