/**
 * The one database handle every area's db/ code takes. Both engines (embedded PGlite served on a local socket,
 * and server PostgreSQL) are reached through `pg`, so the same SQL runs on both.
 */
export interface QueryResult<Row> {
  rows: Row[]
  rowCount: number
}

export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<Row>>
  /**
   * COPY … FROM STDIN of `text` (COPY text format; a string, or its UTF-8 bytes) on this handle's connection. Only a handle bound to one
   * connection has it: the `sql` given to `transaction`'s work (bulk writes use it there and fall back to INSERT without it).
   */
  copyIn?(statement: string, text: string | Uint8Array): Promise<void>
  /** Runs `work` in one transaction (nested calls join the outer one). */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>
}
