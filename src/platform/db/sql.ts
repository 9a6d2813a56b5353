/**
 * The one database handle every area's db/ code takes. Both engines (embedded PGlite served on a local socket,
 * and server PostgreSQL) are reached through `pg`, so the same SQL runs on both.
 */
export interface QueryResult<Row> {
  rows: Row[]
  rowCount: number
}

export interface QueryOptions {
  /**
   * A name for a hot, fixed statement: on server PostgreSQL it is prepared once per connection (parsed and planned
   * once, not per call); the embedded engine, which forbids named prepared statements, ignores it. One name, one text.
   */
  name?: string
}

export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<Row>>
  /**
   * COPY … FROM STDIN of `text` (COPY text format; a string, or its UTF-8 bytes) on this handle's connection. Only a handle bound to one
   * connection has it: the `sql` given to `transaction`'s work (bulk writes use it there and fall back to INSERT without it).
   */
  copyIn?(statement: string, text: string | Uint8Array): Promise<void>
  /** Runs `work` in one transaction (nested calls join the outer one). */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>
}
