import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { QueryResult, Sql } from './sql.js'
import type { StatementNames } from './statement-names.js'

export interface PoolSqlOptions {
  /**
   * Runs every statement in a transaction that starts with `SET LOCAL search_path` (test schemas). A session-level
   * SET would leak on the embedded engine, whose connections all share one PGlite session.
   */
  searchPath?: string
  /**
   * Sends repeated statements as named (prepared) ones (statement-names.ts). Server PostgreSQL with one search_path
   * per connection only; never with `searchPath` or the embedded engine.
   */
  names?: StatementNames
}

type Queryable = Pick<pg.PoolClient, 'query'>

async function copyIn(client: Queryable, statement: string, text: string | Uint8Array): Promise<void> {
  if (text.length > 0) await pipeline(Readable.from([text]), client.query(copyFrom(statement)))
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`

async function run<Row>(target: Queryable, text: string, params?: readonly unknown[], names?: StatementNames): Promise<QueryResult<Row>> {
  // only statements with parameters go by the extended protocol anyway; BEGIN, SET and the like stay simple queries
  const name = names && params && params.length > 0 ? names.nameOf(text) : undefined
  const result = await (name === undefined ? target.query(text, params as unknown[] | undefined) : target.query({ name, text, values: params as unknown[] }))
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 }
}

/** A `Sql` bound to one client inside a transaction: nested `transaction` calls join it. */
export function clientSql(client: Queryable, names?: StatementNames): Sql {
  const sql: Sql = {
    query: (text, params) => run(client, text, params, names),
    copyIn: (statement, text) => copyIn(client, statement, text),
    transaction: (work) => work(sql),
  }
  return sql
}

/** The `Sql` of Semesta over a pg Pool (both engines): one statement per call, `transaction` on one pooled client. */
export function poolSql(pool: pg.Pool, options: PoolSqlOptions = {}): Sql {
  const { searchPath } = options
  if (searchPath && options.names) throw new Error('named statements need one search_path per connection, not SET LOCAL')
  const names = options.names
  const transaction = async <T>(work: (sql: Sql) => Promise<T>): Promise<T> => {
    const client = await pool.connect()
    let broken: Error | undefined
    try {
      await client.query('BEGIN')
      if (searchPath) await client.query(`SET LOCAL search_path TO ${quoteIdent(searchPath)}`)
      const result = await work(clientSql(client, names))
      await client.query('COMMIT')
      return result
    } catch (error) {
      // a client that cannot even roll back is dropped from the pool rather than reused
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError))
      throw error
    } finally {
      client.release(broken)
    }
  }
  return {
    query: (text, params) => (searchPath ? transaction((sql) => sql.query(text, params)) : run(pool, text, params, names)),
    transaction,
  }
}
