import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase, PGDATA_DIR } from '../src/platform/db/open-database.js'
import { CHROMIUM_PATH } from './browser/chromium-path.js'

/**
 * Once per `vitest run`: says which suites this machine skips (and fails on a skip when SEMESTA_REQUIRE_ALL_SUITES=1,
 * as .ci/run sets it), checks TEST_DATABASE_URL answers, and starts ONE embedded engine (PGlite served on a unix
 * socket) for every test file, so no file pays PGlite's start. Its initdb'd folder is cached in
 * node_modules/.cache so later runs copy it instead of running initdb again. Its teardown drops the test schemas
 * this run left on PostgreSQL (test/db.ts keeps each worker's emptied schemas for its next blocks).
 */
const CACHE_DIR = path.resolve('node_modules/.cache/semesta')

export function skippedSuites(env: NodeJS.ProcessEnv = process.env): string[] {
  const skipped: string[] = []
  if (!env.TEST_DATABASE_URL) skipped.push('PostgreSQL suite skipped: TEST_DATABASE_URL not set')
  if (!fs.existsSync(CHROMIUM_PATH)) skipped.push(`browser suite skipped: no Chromium (${CHROMIUM_PATH})`)
  return skipped
}

function pgliteVersion(): string {
  const file = path.resolve('node_modules/@electric-sql/pglite/package.json')
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version
}

async function checkPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL does not answer: ${(error as Error).message}`)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** A fresh data folder: a copy of the cached initdb'd PGlite folder when there is one. */
function prepareDataDir(): { dataDir: string; cached: boolean; template: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-test-'))
  const template = path.join(CACHE_DIR, `pglite-${pgliteVersion()}`)
  const cached = fs.existsSync(path.join(template, 'PG_VERSION'))
  if (cached) fs.cpSync(template, path.join(dataDir, PGDATA_DIR), { recursive: true })
  return { dataDir, cached, template }
}

function saveTemplate(dataDir: string, template: string): void {
  try {
    const aside = `${template}.${process.pid}`
    fs.mkdirSync(CACHE_DIR, { recursive: true })
    fs.cpSync(path.join(dataDir, PGDATA_DIR), aside, { recursive: true })
    fs.renameSync(aside, template)
  } catch {
    // another run saved it first, or the cache is not writable: the next run simply runs initdb again
  }
}

/** Drops this run's test schemas (their names start with `prefix`) on the PostgreSQL of TEST_DATABASE_URL. */
async function dropRunSchemas(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
    const { rows } = await client.query<{ name: string }>('select nspname as name from pg_namespace where left(nspname, length($1)) = $1', [prefix])
    for (const { name } of rows) await client.query(`drop schema if exists "${name}" cascade`)
  } finally {
    await client.end().catch(() => undefined)
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const skipped = skippedSuites()
  for (const line of skipped) console.log(`[semesta] ${line}`)
  if (skipped.length > 0 && process.env.SEMESTA_REQUIRE_ALL_SUITES === '1') {
    throw new Error(`SEMESTA_REQUIRE_ALL_SUITES=1 but suites are skipped:\n${skipped.join('\n')}`)
  }
  if (process.env.TEST_DATABASE_URL) await checkPostgres(process.env.TEST_DATABASE_URL)

  const started = Date.now()
  const { dataDir, cached, template } = prepareDataDir()
  if (!cached) {
    // initdb once, close cleanly (a checkpointed folder), keep it as the template
    const first = await openDatabase({ databaseUrl: undefined, dataDir }, { role: 'server' })
    await first.close()
    saveTemplate(dataDir, template)
  }
  const db = await openDatabase({ databaseUrl: undefined, dataDir }, { role: 'server' })
  console.log(`[semesta] embedded test engine ready in ${Date.now() - started} ms (${cached ? 'cached template' : 'initdb'})`)
  project.provide('semestaEmbeddedUrl', db.connectionString)
  const schemaPrefix = `test_${randomBytes(4).toString('hex')}_`
  project.provide('semestaSchemaPrefix', schemaPrefix)
  return async () => {
    if (process.env.TEST_DATABASE_URL) await dropRunSchemas(process.env.TEST_DATABASE_URL, schemaPrefix)
    await db.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
