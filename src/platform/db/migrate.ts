import { fileURLToPath } from 'node:url'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import type { Sql } from './sql.js'

export interface MigrateOptions {
  /**
   * Apply into this schema instead of `public` (tests): the migrations run with `search_path` set to it, their
   * `"public".` qualifiers (drizzle-kit writes them in foreign keys and enum names) are rewritten to it, and the
   * journal lives in the same schema, so every test schema has its own.
   */
  schema?: string
  migrationsFolder?: string
}

export interface MigrateResult {
  /** Migrations applied by this call (0 when the schema was up to date). */
  applied: number
  /** Migrations in the folder. */
  total: number
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url))
/** drizzle-kit's journal table, in drizzle's default schema, so `drizzle-kit migrate` and this agree. */
const JOURNAL_TABLE = '__drizzle_migrations'
const DEFAULT_JOURNAL_SCHEMA = 'drizzle'
/** One key for every Semesta migration run: concurrent runs queue instead of racing on CREATE. */
const MIGRATION_LOCK_KEY = 7_345_118_420

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`

/**
 * Applies the SQL migration folder that drizzle-kit generates, with drizzle's own reader (`readMigrationFiles`
 * checks the journal and hashes each file) and drizzle's journal table and rule (a migration runs when its
 * timestamp is newer than the last one recorded). Not drizzle's `migrate()` itself: that one opens its own
 * transaction on its own session, and here everything runs in ONE transaction of the given `Sql` under an
 * advisory lock (needed on the embedded engine, whose connections share one session). Idempotent.
 */
export async function migrate(target: Sql | { sql: Sql }, options: MigrateOptions = {}): Promise<MigrateResult> {
  const sql = 'query' in target ? target : target.sql
  const migrations = readMigrationFiles({ migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER })
  const schema = options.schema
  const journal = `${quoteIdent(schema ?? DEFAULT_JOURNAL_SCHEMA)}.${quoteIdent(JOURNAL_TABLE)}`
  const rewrite = (statement: string): string => (schema ? statement.replace(/"public"\./g, `${quoteIdent(schema)}.`) : statement)
  return sql.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
    if (schema) {
      await tx.query(`create schema if not exists ${quoteIdent(schema)}`)
      await tx.query(`set local search_path to ${quoteIdent(schema)}`)
    } else {
      await tx.query(`create schema if not exists ${quoteIdent(DEFAULT_JOURNAL_SCHEMA)}`)
    }
    await tx.query(`create table if not exists ${journal} (id serial primary key, hash text not null, created_at bigint)`)
    const last = await tx.query<{ created_at: number }>(`select created_at from ${journal} order by created_at desc limit 1`)
    const lastMillis = last.rows[0]?.created_at
    const pending = migrations.filter((m) => lastMillis === undefined || lastMillis < m.folderMillis)
    for (const migration of pending) {
      for (const statement of migration.sql) {
        if (statement.trim() !== '') await tx.query(rewrite(statement))
      }
      await tx.query(`insert into ${journal} (hash, created_at) values ($1, $2)`, [migration.hash, migration.folderMillis])
    }
    return { applied: pending.length, total: migrations.length }
  })
}
