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
 * TEST_DATABASE_URL is set. Each block gets a schema of its own with every migration applied and every table empty
 * (with `referenceData`, reference/ loaded), nobody else's while the block runs. Read `ctx.sql` and `ctx.schema`
 * inside hooks and tests (they are set in beforeAll).
 *
 * Migrating a schema costs 1–2 s per engine, so a block's schema is not dropped but emptied afterwards (every table
 * truncated, every sequence restarted, the tables an import job makes dropped) and the next block of this worker
 * takes it: a schema whose structure a test changed (compared with its catalogue right after migrating) is dropped
 * instead. The run's global teardown drops what is left on PostgreSQL.
 *
 * On the embedded engine all connections share one PGlite session, so `ctx.sql` runs every statement in a
 * transaction that starts with `SET LOCAL search_path` (nested `transaction` calls join it). Code under test must
 * take its `Sql` from `ctx.sql`; a pool of its own would not see the test schema.
 */
export type Engine = 'embedded' | 'postgres'

export interface DbContext {
  readonly sql: Sql
  readonly engine: Engine
  /** The block's schema (also first on its search_path); set in beforeAll. */
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
    /** This run's prefix of test schema names, so its global teardown drops exactly its own on PostgreSQL. */
    semestaSchemaPrefix: string
  }
}

export { CHROMIUM_PATH, hasChromium } from './browser/chromium-path.js'

export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded']
}

let blocks = 0
const newSchemaName = (): string => `${inject('semestaSchemaPrefix')}${process.pid}_${++blocks}_${randomBytes(3).toString('hex')}`

function openPool(engine: Engine, schema: string): { pool: pg.Pool; sql: Sql } {
  if (engine === 'embedded') {
    const pool = createPool(inject('semestaEmbeddedUrl'), 4)
    return { pool, sql: poolSql(pool, { searchPath: schema }) }
  }
  const pool = createPool(process.env.TEST_DATABASE_URL as string, 4, { options: `-c search_path=${schema}` })
  // as in production (open-database.ts): repeated statements go prepared on server PostgreSQL
  return { pool, sql: poolSql(pool, { names: new StatementNames() }) }
}

/** A migrated, emptied schema this worker may hand to its next block, with its structure right after migrating. */
interface CleanSchema {
  schema: string
  structure: string
}

const cleanSchemas: Record<Engine, CleanSchema[]> = { embedded: [], postgres: [] }

/** Tables an import job creates and drops itself (participants/db/bulk-seen.ts): left by a test, they go. */
const RUNTIME_TABLES = 'import_seen_%'

/** The schema's structure: relations and their columns, constraints, indexes, functions and triggers. */
async function structureOf(sql: Sql, schema: string): Promise<string> {
  const { rows } = await sql.query<{ structure: string }>(
    `select md5(concat_ws('|',
       (select string_agg(c.relname || ':' || c.relkind::text || ':' || coalesce((select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), ''), ',' order by a.attnum)
          from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), ''), ';' order by c.relname)
          from pg_class c where c.relnamespace = n.oid),
       (select string_agg(co.conname || ':' || pg_get_constraintdef(co.oid), ';' order by co.conname) from pg_constraint co where co.connamespace = n.oid),
       (select string_agg(p.proname || ':' || md5(p.prosrc), ';' order by p.proname) from pg_proc p where p.pronamespace = n.oid),
       (select string_agg(t.tgname || ':' || t.tgenabled::text || ':' || pg_get_triggerdef(t.oid), ';' order by t.tgname) from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relnamespace = n.oid and not t.tgisinternal),
       (select string_agg(ty.typname || ':' || coalesce((select string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_enum e where e.enumtypid = ty.oid), ''), ';' order by ty.typname) from pg_type ty where ty.typnamespace = n.oid)
     )) as structure from pg_namespace n where n.nspname = $1`,
    [schema],
  )
  return rows[0]?.structure ?? ''
}

/**
 * Empties a used schema for the next block: drops the import jobs' tables, truncates every table but the migration
 * journal (triggers off: the ledger's refuse TRUNCATE) and restarts every sequence, in one transaction. True when its structure is still the migrated one.
 */
async function emptySchema(sql: Sql, clean: CleanSchema): Promise<boolean> {
  const schema = clean.schema.replace(/'/g, "''")
  await sql.query(`do $$
    declare r record; tables text;
    begin
      -- the ledger's insert-only triggers refuse TRUNCATE; replica mode skips triggers for this transaction only
      perform set_config('session_replication_role', 'replica', true);
      for r in select c.relname from pg_class c where c.relnamespace = '"${schema}"'::regnamespace and c.relkind = 'r' and c.relname like '${RUNTIME_TABLES}' loop
        execute format('drop table %I.%I', '${schema}', r.relname);
      end loop;
      select string_agg(format('%I.%I', '${schema}', c.relname), ', ') into tables from pg_class c
        where c.relnamespace = '"${schema}"'::regnamespace and c.relkind in ('r', 'p') and c.relname <> '__drizzle_migrations';
      if tables is not null then execute 'truncate ' || tables || ' restart identity'; end if;
      for r in select c.relname from pg_class c where c.relnamespace = '"${schema}"'::regnamespace and c.relkind = 'S' loop
        execute format('alter sequence %I.%I restart', '${schema}', r.relname);
      end loop;
    end $$`)
  return (await structureOf(sql, clean.schema)) === clean.structure
}

export function describeDb(title: string, body: (ctx: DbContext) => void, options: DescribeDbOptions = {}): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine === 'embedded' ? 'pglite' : 'postgres'}]`, () => {
      let clean: CleanSchema | undefined
      let opened: { pool: pg.Pool; sql: Sql } | undefined
      const ctx: DbContext = {
        engine,
        get schema(): string {
          if (!clean) throw new Error('ctx.schema is ready in beforeAll/it, not while the describe block is being defined')
          return clean.schema
        },
        get sql(): Sql {
          if (!opened) throw new Error('ctx.sql is ready in beforeAll/it, not while the describe block is being defined')
          return opened.sql
        },
      }
      beforeAll(async () => {
        const reused = cleanSchemas[engine].pop()
        const schema = reused?.schema ?? newSchemaName()
        opened = openPool(engine, schema)
        if (reused) clean = reused
        else {
          await migrate(opened.sql, { schema })
          clean = { schema, structure: await structureOf(opened.sql, schema) }
        }
        if (options.referenceData) {
          const { loadReferenceData } = await import('../src/areas/regions/index.js')
          await loadReferenceData(opened.sql)
        }
      })
      afterAll(async () => {
        if (!opened || !clean) return
        try {
          if (await emptySchema(opened.sql, clean)) cleanSchemas[engine].push(clean)
          else await opened.sql.query(`drop schema if exists "${clean.schema}" cascade`)
        } finally {
          await opened.pool.end()
        }
      })
      body(ctx)
    })
  }
}
