import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { afterAll, beforeAll, describe, inject } from 'vitest'
import { migrate } from '../src/platform/db/migrate.js'
import { createPool } from '../src/platform/db/open-database.js'
import { poolSql } from '../src/platform/db/pg-sql.js'
import { StatementNames } from '../src/platform/db/statement-names.js'
import type { Sql } from '../src/platform/db/sql.js'

/**
 * The DB test harness. `describeDb(title, (ctx) => { it(...) })` runs the block once per engine: on the embedded
 * engine always (one PGlite for the whole run, started by test/global-setup.ts) and on PostgreSQL when
 * TEST_DATABASE_URL is set. Each block gets its own fresh schema with every migration applied, dropped afterwards.
 * Read `ctx.sql` inside hooks and tests (it is set in beforeAll).
 *
 * On the embedded engine all connections share one PGlite session, so `ctx.sql` runs every statement in a
 * transaction that starts with `SET LOCAL search_path` (nested `transaction` calls join it). Code under test must
 * take its `Sql` from `ctx.sql`; a pool of its own would not see the test schema.
 */
export type Engine = 'embedded' | 'postgres'

export interface DbContext {
  readonly sql: Sql
  readonly engine: Engine
  /** The block's schema (also first on its search_path). */
  readonly schema: string
}

export interface DescribeDbOptions {
  /** Also load reference/ (regions, kecamatan, NIK prefixes, workforce, holidays) into the block's schema. */
  referenceData?: boolean
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The embedded test engine (global-setup.ts), a `pg` connection string to its unix socket. */
    semestaEmbeddedUrl: string
  }
}

export { CHROMIUM_PATH, hasChromium } from './browser/chromium-path.js'

export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded']
}

let blocks = 0
const newSchemaName = (): string => `test_${process.pid}_${++blocks}_${randomBytes(3).toString('hex')}`

function openPool(engine: Engine, schema: string): { pool: pg.Pool; sql: Sql } {
  if (engine === 'embedded') {
    const pool = createPool(inject('semestaEmbeddedUrl'), 4)
    return { pool, sql: poolSql(pool, { searchPath: schema }) }
  }
  const pool = createPool(process.env.TEST_DATABASE_URL as string, 4, { options: `-c search_path=${schema}` })
  // as in production (open-database.ts): repeated statements go prepared on server PostgreSQL
  return { pool, sql: poolSql(pool, { names: new StatementNames() }) }
}

export function describeDb(title: string, body: (ctx: DbContext) => void, options: DescribeDbOptions = {}): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine === 'embedded' ? 'pglite' : 'postgres'}]`, () => {
      const schema = newSchemaName()
      let opened: { pool: pg.Pool; sql: Sql } | undefined
      const ctx: DbContext = {
        engine,
        schema,
        get sql(): Sql {
          if (!opened) throw new Error('ctx.sql is ready in beforeAll/it, not while the describe block is being defined')
          return opened.sql
        },
      }
      beforeAll(async () => {
        opened = openPool(engine, schema)
        await migrate(opened.sql, { schema })
        if (options.referenceData) {
          const { loadReferenceData } = await import('../src/areas/regions/index.js')
          await loadReferenceData(opened.sql)
        }
      })
      afterAll(async () => {
        if (!opened) return
        await opened.sql.query(`drop schema if exists "${schema}" cascade`)
        await opened.pool.end()
      })
      body(ctx)
    })
  }
}
