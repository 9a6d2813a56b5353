import { DomainError } from '../../../kernel/errors.js'
import type { Sql } from '../../../platform/db/sql.js'
import { newId } from '../../../platform/ids.js'
import { hashPassword } from '../crypto/passwords.js'
import { writeAudit } from '../db/audit.js'
import { loadBranchOffices, readUserReferenceData } from '../db/branch-offices.js'
import { insertUser, type UserRecord } from '../db/users.js'
import { validateNewUser, type NewUser, type NewUserInput } from '../domain/new-user.js'
import { assertPasswordAcceptable } from '../domain/password-rules.js'
import type { Actor } from '../domain/roles.js'

export interface CreateUserCommand {
  /** Who creates the user; null for the system or an operator at the server's shell (`semesta user add`). */
  actor: Pick<Actor, 'userId' | 'role'> | null
  input: NewUserInput
  password: string
  requestId: string | null
  /** `cli`, `api` or `start`: recorded in the audit event. */
  via: 'cli' | 'api' | 'start'
}

/** Validates, hashes the password, inserts the user and writes `user.create` in one transaction. */
export async function createUser(sql: Sql, command: CreateUserCommand, now: Date): Promise<UserRecord> {
  const user = validateNewUser(command.input, await userReferenceData(sql))
  assertPasswordAcceptable(command.password, user.username)
  const passwordHash = await hashPassword(command.password)
  const created = await sql.transaction((tx) => insertWithAudit(tx, command, user, passwordHash, now))
  if (!created) throw new DomainError('conflict', `username "${user.username}" is taken`, { field: 'username' })
  return created
}

export async function insertWithAudit(sql: Sql, command: Pick<CreateUserCommand, 'actor' | 'requestId' | 'via'>, user: NewUser, passwordHash: string | null, now: Date): Promise<UserRecord | null> {
  const created = await insertUser(sql, newId(now.getTime()), user, passwordHash, now)
  if (!created) return null
  await writeAudit(sql, {
    actor: command.actor,
    action: 'user.create',
    subjectType: 'user',
    subjectId: created.id,
    requestId: command.requestId,
    details: { role: created.role, branchCode: created.branchCode, regionCount: created.regionCodes.length, sourceCount: created.sourceIds.length, via: command.via },
    occurredAt: now,
  })
  return created
}

/** Branch and regency codes; loads the branch table first if nobody has yet (a fresh database). */
async function userReferenceData(sql: Sql) {
  const ref = await readUserReferenceData(sql)
  if (ref.branchCodes.length > 0) return ref
  await loadBranchOffices(sql)
  return readUserReferenceData(sql)
}
