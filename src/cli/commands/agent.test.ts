import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../platform/db/index.js'
import { closeOwnedDataDir, openOwnedDataDir, runCli as run } from '../../../test/cli.js'

describe('semesta agent add', () => {
  let dataDir: string
  let owner: Database
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    ;({ dataDir, owner, env } = await openOwnedDataDir('semesta-agent-cli-', { referenceData: true }))
  })

  afterAll(() => closeOwnedDataDir({ dataDir, owner }))

  it('adds an agent with its source and user and prints them as JSON; a bad region exits 1 naming --regions', async () => {
    const added = await run(['agent', 'add', '--name', 'Maria Goreti', '--regions', '53.71,53.01', '--username', 'agen.maria', '--password', 'sandi-agen-yang-panjang', '--wadah', 'Koperasi Flobamora', '--json'], env)
    expect(added.stderr).toBe('')
    expect(added.code).toBe(0)
    const shown = JSON.parse(added.stdout) as { id: string; code: string; sourceId: string; regionCodes: string[]; username: string }
    expect(shown).toMatchObject({ code: 'AP-000001', regionCodes: ['53.01', '53.71'], username: 'agen.maria' })
    const { rows } = await owner.sql.query<{ role: string; source_ids: string[] }>(`select role, source_ids from users where username = 'agen.maria'`)
    expect(rows).toEqual([{ role: 'agent', source_ids: [shown.sourceId] }])

    const refused = await run(['agent', 'add', '--name', 'X', '--regions', '99.99', '--username', 'agen.x', '--password', 'sandi-agen-yang-panjang'], env)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('--regions')
  }, 60_000)
})
