import type { Sql } from '../../../platform/db/sql.js'
import { hashPassword } from '../crypto/passwords.js'
import { insertWithAudit } from './create-user.js'

export const DEMO_USERNAME = 'kanwil.demo'
export const DEMO_PASSWORD = 'semesta-demo'

/**
 * For `semesta start` outside production: creates `kanwil.demo` / `semesta-demo` (role kanwil) when the users table
 * is empty. Returns the demo sign-in when that user exists (created now or earlier), else null.
 */
export async function ensureDemoUser(sql: Sql, now: Date): Promise<{ username: string; password: string; created: boolean } | null> {
  const { rows } = await sql.query<{ demo: boolean; anyone: boolean }>(
    'select exists (select 1 from users where username = $1) as demo, exists (select 1 from users) as anyone',
    [DEMO_USERNAME],
  )
  if (rows[0]?.demo) return { username: DEMO_USERNAME, password: DEMO_PASSWORD, created: false }
  if (rows[0]?.anyone) return null
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const created = await sql.transaction(async (tx) => {
    // the emptiness check and the insert must not interleave with another writer
    await tx.query('lock table users in share row exclusive mode')
    const again = await tx.query<{ anyone: boolean }>('select exists (select 1 from users) as anyone')
    if (again.rows[0]?.anyone) return null
    const user = { username: DEMO_USERNAME, displayName: 'Kanwil Banuspa (demo)', role: 'kanwil' as const, branchCode: null, regionCodes: [], sourceIds: [] }
    return insertWithAudit(tx, { actor: null, requestId: null, via: 'start' }, user, passwordHash, now)
  })
  return created ? { username: DEMO_USERNAME, password: DEMO_PASSWORD, created: true } : null
}
