import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../../test/db.js'
import { sevenBadRows, writeDemoImportCsv } from '../../flows/import-participants/testing.js'

const BIN = fileURLToPath(new URL('../../../bin/semesta.js', import.meta.url))
const TEMPLATE = path.resolve('node_modules/.cache/semesta')
const ROWS = 100_000
const bad = sevenBadRows(ROWS)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-import-cli-'))
const file = path.join(dir, 'peserta.csv')
beforeAll(() => writeDemoImportCsv(file, ROWS, { bad }), 60_000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Runs the CLI; with `killAfterRows`, kill -9 as soon as that many rows are committed. */
function semesta(args: string[], env: NodeJS.ProcessEnv, killAfterRows?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, VITEST: '', NODE_ENV: 'test', ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d))
    child.stderr.on('data', (d: Buffer) => {
      stderr += d
      const done = [...stderr.matchAll(/progress (\d+)\//g)].map((m) => Number(m[1]))
      if (killAfterRows !== undefined && done.some((n) => n >= killAfterRows)) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

function freshDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(dir, 'data-'))
  const template = fs.existsSync(TEMPLATE) ? fs.readdirSync(TEMPLATE).find((name) => /^pglite-[\d.]+$/.test(name)) : undefined
  if (template) fs.cpSync(path.join(TEMPLATE, template), path.join(dataDir, 'pgdata'), { recursive: true })
  return dataDir
}

const totals = (run: Run) => {
  const result = JSON.parse(run.stdout) as { read: number; stored: number; alreadyRegistered: number; rejected: number; errors: Array<{ row: number; field: string; code: string }> }
  return { read: result.read, stored: result.stored, alreadyRegistered: result.alreadyRegistered, rejected: result.rejected, errors: result.errors.map((e) => [e.row, e.field, e.code]) }
}

describeDb('semesta import participants: 100,000 rows with 7 bad ones, killed half-way', (ctx) => {
  let env: NodeJS.ProcessEnv = {}

  beforeAll(async () => {
    if (ctx.engine === 'postgres') {
      const url = new URL(process.env.TEST_DATABASE_URL!)
      url.searchParams.set('options', `-c search_path=${ctx.schema}`)
      env = { DATABASE_URL: url.toString() }
    } else {
      // the embedded engine in its own data folder, owned by the CLI process: kill -9 kills the engine too
      env = { DATABASE_URL: '', SEMESTA_DATA_DIR: freshDataDir() }
      const migrated = await semesta(['migrate', '--json'], env)
      expect(migrated.code, migrated.stderr).toBe(0)
    }
  }, 180_000)

  it('stores 99,993, reports exactly the 7 bad rows, resumes after kill -9 to the same totals, and a re-run stores 0', async () => {
    const args = ['import', 'participants', file, '--json', '--progress', '--chunk-rows', '5000']
    const killed = await semesta(args, env, 20_000)
    expect(killed.signal).toBe('SIGKILL')
    const expected = { read: ROWS, stored: ROWS - 7, alreadyRegistered: 0, rejected: 7, errors: bad.map((b) => [b.line, b.field, b.code]) }
    const resumed = await semesta(args, env)
    expect(resumed.code, resumed.stderr).toBe(0)
    expect(totals(resumed)).toEqual(expected)
    if (ctx.engine === 'postgres') {
      expect((await ctx.sql.query<{ n: number }>(`select count(*)::int as n from participants`)).rows[0]!.n).toBe(ROWS - 7)
      expect((await ctx.sql.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'import.participants'`)).rows[0]!.n).toBe(1)
    }
    const again = await semesta(args, env)
    expect(again.code, again.stderr).toBe(0)
    expect(totals(again)).toEqual({ ...expected, stored: 0, alreadyRegistered: ROWS - 7 })
  }, 420_000)
}, { referenceData: true })

it('a file it cannot read exits 2 with the reason', async () => {
  const noColumns = path.join(dir, 'kolom.csv')
  fs.writeFileSync(noColumns, 'nik,nama\n1,A\n')
  const missing = await semesta(['import', 'participants', noColumns], { DATABASE_URL: '', SEMESTA_DATA_DIR: path.join(dir, 'unused') })
  expect(missing.code).toBe(2)
  expect(missing.stderr).toContain('Kolom wajib tidak ada: tanggal_lahir')
  const unknown = await semesta(['import', 'participants', path.join(dir, 'x.pdf')], { DATABASE_URL: '' })
  expect(unknown.code).toBe(2)
})
