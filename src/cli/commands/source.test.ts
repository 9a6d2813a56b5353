import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate, openDatabase, PGDATA_DIR, type Database } from '../../platform/db/index.js'

const BIN = path.resolve('bin/semesta.js')
const TEMPLATE = path.resolve('node_modules/.cache/semesta', `pglite-${JSON.parse(fs.readFileSync(path.resolve('node_modules/@electric-sql/pglite/package.json'), 'utf8')).version}`)

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('semesta source add', () => {
  let dataDir: string
  let owner: Database
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-source-cli-'))
    if (fs.existsSync(path.join(TEMPLATE, 'PG_VERSION'))) fs.cpSync(TEMPLATE, path.join(dataDir, PGDATA_DIR), { recursive: true })
    owner = await openDatabase({ databaseUrl: undefined, dataDir }, { role: 'server' })
    await migrate(owner)
    env = { ...process.env, SEMESTA_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test' }
  })

  afterAll(async () => {
    await owner?.close()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

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
