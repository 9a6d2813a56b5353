import { readConfig } from '../config.js'
import type { Sql } from '../db/sql.js'
import { newId } from '../ids.js'
import type { AppContext } from './types.js'

const noDatabase: Sql = {
  query: () => Promise.reject(new Error('this test has no database')),
  transaction: () => Promise.reject(new Error('this test has no database')),
}

/** An AppContext for route tests: test config, a fixed clock, real ids, and the given (or no) database. */
export function testContext(overrides: Partial<AppContext> = {}): AppContext {
  return {
    sql: noDatabase,
    config: readConfig({ NODE_ENV: 'test' }),
    now: () => new Date('2025-03-14T02:00:00Z'),
    newId: () => newId(),
    ...overrides,
  }
}
