import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, it } from 'vitest'

const BIN = fileURLToPath(new URL('../../../bin/semesta.js', import.meta.url))
const TEMPLATE = path.resolve('node_modules/.cache/semesta')

/** A new embedded data folder, seeded from the initdb'd PGlite folder test/global-setup.ts caches. */
function freshDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-migrate-'))
  const template = fs.existsSync(TEMPLATE) ? fs.readdirSync(TEMPLATE).find((name) => /^pglite-[\d.]+$/.test(name)) : undefined
  if (template) fs.cpSync(path.join(TEMPLATE, template), path.join(dir, 'pgdata'), { recursive: true })
  return dir
}

function semesta(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 120_000, env: { ...process.env, DATABASE_URL: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

it('semesta migrate creates the schema and loads reference data; run twice, the same counts and nothing changed', async () => {
  const dataDir = freshDataDir()
  dirs.push(dataDir)
  const first = await semesta(['--data-dir', dataDir, 'migrate', '--json'], {})
  expect(first.stderr).toBe('')
  expect(first.code).toBe(0)
  const one = JSON.parse(first.stdout)
  expect(one).toMatchObject({ engine: 'embedded', throughRunningServer: false, reference: { provinces: 9, regencies: 83, kecamatan: 1282 } })
  expect(one.migrations.applied).toBe(one.migrations.total)

  const second = await semesta(['migrate'], { SEMESTA_DATA_DIR: dataDir })
  expect(second.code).toBe(0)
  expect(second.stdout).toContain(`Migrations: 0 applied, ${one.migrations.total} in total`)
  expect(second.stdout).toContain('9 provinces, 83 kab/kota, 1282 kecamatan')
  expect(second.stdout).toContain('(0 rows changed)')
  expect(fs.existsSync(path.join(dataDir, 'semesta.lock'))).toBe(false)
})
