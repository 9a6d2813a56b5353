import { DomainError, isDomainError } from '../../kernel/errors.js'
import { readConfig } from '../../platform/config.js'
import { migrate, openDatabase } from '../../platform/db/index.js'
import type { Sql } from '../../platform/db/sql.js'

/** Opens the database (through a running `semesta start` when it owns the embedded folder), runs `work`, closes. */
export async function withDatabase<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const db = await openDatabase(readConfig())
  try {
    if (db.owner) await migrate(db)
    return await work(db.sql)
  } finally {
    await db.close()
  }
}

/** Domain fields → the flags or arguments that carry them, so an error names what to fix. */
export function withFlags(flags: Record<string, string>) {
  return (error: unknown): never => {
    if (isDomainError(error) && error.field && flags[error.field]) throw new DomainError(error.code, error.message, { ...error.details, field: flags[error.field] })
    throw error
  }
}

export function parseWhole(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new DomainError('invalid_input', `${flag} must be a whole number`, { field: flag })
  return Number(value)
}

export const rupiah = (n: number): string => `Rp${n.toLocaleString('id-ID')}`
