import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadReferenceData } from '../src/areas/regions/index.js'
import { migrate, openDatabase, PGDATA_DIR, type Database } from '../src/platform/db/index.js'

/** Helpers for tests that run the real `semesta` command line as an operator would, in a child process. */
export const BIN = path.resolve('bin/semesta.js')

// the empty PGlite folder the global setup keeps, so a test folder starts in ~1 s instead of PGlite's first-start ~6 s
const TEMPLATE = path.resolve(
  'node_modules/.cache/semesta',
  `pglite-${JSON.parse(fs.readFileSync(path.resolve('node_modules/@electric-sql/pglite/package.json'), 'utf8')).version}`,
)

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
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

export interface OwnedDataDir {
  dataDir: string
  /** This test process owns the embedded folder, as `semesta start` would: the CLI under test connects through it. */
  owner: Database
  /** The environment for runCli: the folder, no DATABASE_URL. */
  env: NodeJS.ProcessEnv
}

export async function openOwnedDataDir(prefix: string, options: { referenceData?: boolean } = {}): Promise<OwnedDataDir> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  if (fs.existsSync(path.join(TEMPLATE, 'PG_VERSION'))) fs.cpSync(TEMPLATE, path.join(dataDir, PGDATA_DIR), { recursive: true })
  const owner = await openDatabase({ databaseUrl: undefined, dataDir }, { role: 'server' })
  await migrate(owner)
  if (options.referenceData ?? true) await loadReferenceData(owner.sql)
  return { dataDir, owner, env: { ...process.env, SEMESTA_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test' } }
}

export async function closeOwnedDataDir(dir: Partial<OwnedDataDir> | undefined): Promise<void> {
  await dir?.owner?.close()
  if (dir?.dataDir) fs.rmSync(dir.dataDir, { recursive: true, force: true })
}

class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`)
  }
}

/**
 * Runs a `semesta` command in this process, through the same commander program as bin/semesta.js, capturing
 * stdout, stderr and the exit code: milliseconds instead of a second-long spawn. `env` (as for runCli) is the
 * process environment during the call, restored afterwards; with an OwnedDataDir's env the command connects to
 * this process's embedded engine through its socket, as a second process would. One call at a time: it borrows
 * process.env, process.stdout, process.stderr and process.exit. Keep a spawned run where the process itself is
 * under test (exit on kill, another process owning the folder).
 */
export async function runCliInProcess(args: string[], env?: NodeJS.ProcessEnv): Promise<CliResult> {
  const { buildProgram } = await import('../src/cli/program.js')
  const argv = [process.execPath, BIN, ...args]
  const saved = { out: process.stdout.write, err: process.stderr.write, exit: process.exit, exitCode: process.exitCode, env: { ...process.env } }
  if (env) setEnv(env)
  let stdout = ''
  let stderr = ''
  let code: number | null = 0
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true)) as typeof process.stdout.write
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true)) as typeof process.stderr.write
  process.exit = ((exitCode?: number) => {
    throw new ExitCalled(exitCode ?? 0)
  }) as typeof process.exit
  process.exitCode = undefined
  try {
    await (await buildProgram(argv)).parseAsync(argv)
    code = Number(process.exitCode ?? 0)
  } catch (error) {
    if (!(error instanceof ExitCalled)) throw error
    code = error.code
  } finally {
    process.stdout.write = saved.out
    process.stderr.write = saved.err
    process.exit = saved.exit
    process.exitCode = saved.exitCode
    setEnv(saved.env)
  }
  return { code, stdout, stderr }
}

function setEnv(env: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key]
  for (const [key, value] of Object.entries(env)) if (value !== undefined) process.env[key] = value
}
