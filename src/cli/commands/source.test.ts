import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../platform/db/index.js'
import { closeOwnedDataDir, openOwnedDataDir, runCli as run } from '../../../test/cli.js'

describe('semesta source add', () => {
  let dataDir: string
  let owner: Database
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    ;({ dataDir, owner, env } = await openOwnedDataDir('semesta-source-cli-', { referenceData: false }))
  })

  afterAll(() => closeOwnedDataDir({ dataDir, owner }))

  it('adds a source and prints {id} as JSON; an unknown kind exits 1 naming --kind', async () => {
    const added = await run(['source', 'add', '--kind', 'agent', '--name', 'Agen Perisai Kuta', '--json'], env)
    expect(added.stderr).toBe('')
    expect(added.code).toBe(0)
    const { id } = JSON.parse(added.stdout) as { id: string }
    const { rows } = await owner.sql.query<{ kind: string; name: string }>('select kind, name from sources where id = $1', [id])
    expect(rows).toEqual([{ kind: 'agent', name: 'Agen Perisai Kuta' }])
    const audit = await owner.sql.query<{ n: number }>(`select count(*) as n from audit_events where action = 'source.add' and subject_id = $1`, [id])
    expect(audit.rows[0]!.n).toBe(1)

    const refused = await run(['source', 'add', '--kind', 'bank', '--name', 'X', '--json'], env)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('unknown_code (--kind)')
  }, 60_000)
})
