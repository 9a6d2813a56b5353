import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate, openDatabase, PGDATA_DIR, type Database } from '../../platform/db/index.js'

/**
 * `semesta user add` as a user runs it, beside a process that owns the embedded folder (as `semesta start` does):
 * the command connects through the owner's socket, writes, closes its connection and exits promptly.
 */
const BIN = path.resolve('bin/semesta.js')
const TEMPLATE = path.resolve('node_modules/.cache/semesta', `pglite-${JSON.parse(fs.readFileSync(path.resolve('node_modules/@electric-sql/pglite/package.json'), 'utf8')).version}`)

function run(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }))
    child.stdin.end(stdin)
  })
}

describe('semesta user add, while another process owns the embedded folder', () => {
  let dataDir: string
  let owner: Database
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-user-cli-'))
    if (fs.existsSync(path.join(TEMPLATE, 'PG_VERSION'))) fs.cpSync(TEMPLATE, path.join(dataDir, PGDATA_DIR), { recursive: true })
    owner = await openDatabase({ databaseUrl: undefined, dataDir }, { role: 'server' })
    await migrate(owner)
    env = { ...process.env, SEMESTA_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test' }
  })

  afterAll(async () => {
    await owner?.close()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('adds a branch user with the password on stdin and prints its JSON', async () => {
    const result = await run(['user', 'add', '--username', 'cabang.atambua', '--role', 'cabang', '--branch', 'atambua', '--name', 'Cabang Atambua', '--password-stdin', '--json'], env, 'perbatasan-timor-1\n')
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const printed = JSON.parse(result.stdout)
    expect(printed).toEqual({ id: expect.any(String), username: 'cabang.atambua', role: 'cabang', branchCode: 'atambua', regionCodes: ['53.03', '53.04', '53.21'] })
    const stored = await owner.sql.query<{ role: string; display_name: string }>('select role, display_name from users where id = $1', [printed.id])
    expect(stored.rows).toEqual([{ role: 'cabang', display_name: 'Cabang Atambua' }])
    const audit = await owner.sql.query('select action, actor_id from audit_events where subject_id = $1', [printed.id])
    expect(audit.rows).toEqual([{ action: 'user.create', actor_id: null }])
  })

  it('exits 1 naming the flag on bad input', async () => {
    const unknownBranch = await run(['user', 'add', '--username', 'x.cabang', '--role', 'cabang', '--branch', 'bali-ubud', '--password', 'perbatasan-timor-1'], env)
    expect(unknownBranch.code).toBe(1)
    expect(unknownBranch.stderr).toContain('(--branch)')
    const taken = await run(['user', 'add', '--username', 'cabang.atambua', '--role', 'kanwil', '--password', 'perbatasan-timor-1'], env)
    expect(taken.code).toBe(1)
    expect(taken.stderr).toMatch(/conflict \(--username\).*taken/)
  })
})
