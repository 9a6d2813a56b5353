import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadReferenceData } from '../../areas/regions/index.js'
import { migrate, openDatabase, PGDATA_DIR, type Database } from '../../platform/db/index.js'

/** `semesta status refresh` and `semesta rerate` as an operator runs them, beside a process that owns the embedded folder. */
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

describe('semesta status refresh / rerate', () => {
  let dataDir: string
  let owner: Database
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-status-cli-'))
    if (fs.existsSync(path.join(TEMPLATE, 'PG_VERSION'))) fs.cpSync(TEMPLATE, path.join(dataDir, PGDATA_DIR), { recursive: true })
    owner = await openDatabase({ databaseUrl: undefined, dataDir }, { role: 'server' })
    await migrate(owner)
    await loadReferenceData(owner.sql)
    env = { ...process.env, SEMESTA_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test' }
  })

  afterAll(async () => {
    await owner?.close()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

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
