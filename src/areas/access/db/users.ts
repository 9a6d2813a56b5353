import type { Sql } from '../../../platform/db/sql.js'
import type { NewUser } from '../domain/new-user.js'
import type { Role } from '../domain/roles.js'

export type UserStatus = 'active' | 'disabled'

export interface UserRecord {
  id: string
  username: string
  displayName: string
  role: Role
  branchCode: string | null
  /** The regencies in scope: a branch user's are those its branch office serves. */
  regionCodes: string[]
  sourceIds: string[]
  status: UserStatus
  createdAt: Date
  lastLoginAt: Date | null
}

export interface UserRow {
  id: string
  username: string
  display_name: string
  role: Role
  branch_code: string | null
  region_codes: string[]
  source_ids: string[]
  status: UserStatus
  created_at: Date
  last_login_at: Date | null
}

/**
 * The columns of a user read through alias `u`. A branch user's regions are those its branch office serves now
 * (the stored column stays empty for them, so an edit of branch-offices.csv applies at once).
 */
export const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.branch_code,
  case when u.role = 'cabang'
    then coalesce((select array_agg(r.regency_code order by r.regency_code) from branch_office_regencies r where r.branch_code = u.branch_code), '{}'::text[])
    else u.region_codes end as region_codes,
  u.source_ids, u.status, u.created_at, u.last_login_at`

export function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    branchCode: row.branch_code,
    regionCodes: row.region_codes,
    sourceIds: row.source_ids,
    status: row.status,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  }
}

/** Inserts unless the username is taken (then returns null): one statement, no check-then-insert race. */
export async function insertUser(sql: Sql, id: string, user: NewUser, passwordHash: string | null, now: Date): Promise<UserRecord | null> {
  const { rows } = await sql.query<UserRow>(
    `with u as (
       insert into users (id, username, display_name, role, branch_code, region_codes, source_ids, password_hash, status, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6::text[], $7::text[], $8, 'active', $9, $9)
       on conflict (username) do nothing
       returning *)
     select ${USER_COLUMNS} from u`,
    [id, user.username, user.displayName, user.role, user.branchCode, user.regionCodes, user.sourceIds, passwordHash, now],
  )
  return rows[0] ? toUserRecord(rows[0]) : null
}

export async function findUserForLogin(sql: Sql, username: string): Promise<(UserRecord & { passwordHash: string | null }) | null> {
  const { rows } = await sql.query<UserRow & { password_hash: string | null }>(
    `select ${USER_COLUMNS}, u.password_hash from users u where u.username = $1`,
    [username.trim().toLowerCase()],
  )
  const row = rows[0]
  return row ? { ...toUserRecord(row), passwordHash: row.password_hash } : null
}

export async function findUserById(sql: Sql, id: string): Promise<UserRecord | null> {
  const { rows } = await sql.query<UserRow>(`select ${USER_COLUMNS} from users u where u.id = $1`, [id])
  return rows[0] ? toUserRecord(rows[0]) : null
}

export async function listUsers(sql: Sql, page: { limit: number; offset: number }): Promise<UserRecord[]> {
  const { rows } = await sql.query<UserRow>(`select ${USER_COLUMNS} from users u order by u.username limit $1 offset $2`, [page.limit, page.offset])
  return rows.map(toUserRecord)
}

export async function markLoggedIn(sql: Sql, userId: string, now: Date): Promise<void> {
  await sql.query('update users set last_login_at = $2 where id = $1', [userId, now])
}

export async function findUserByUsername(sql: Sql, username: string): Promise<UserRecord | null> {
  const { rows } = await sql.query<UserRow>(`select ${USER_COLUMNS} from users u where u.username = $1`, [username.trim().toLowerCase()])
  return rows[0] ? toUserRecord(rows[0]) : null
}
