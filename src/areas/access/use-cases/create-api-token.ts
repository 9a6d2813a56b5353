import { DomainError } from '../../../kernel/errors.js'
import type { Sql } from '../../../platform/db/sql.js'
import { newId } from '../../../platform/ids.js'
import { hashToken, newApiToken } from '../crypto/tokens.js'
import { insertApiToken } from '../db/api-tokens.js'
import { writeAudit } from '../db/audit.js'
import { findUserById } from '../db/users.js'
import type { Actor } from '../domain/roles.js'

export interface CreatedApiToken {
  id: string
  userId: string
  name: string
  /** Shown once; only its SHA-256 is stored. */
  token: string
  createdAt: Date
}

const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/

/** Issues a machine token for a user (typically a channel partner) and writes `api_token.create`. */
export async function createApiToken(
  sql: Sql,
  command: { actor: Pick<Actor, 'userId' | 'role'> | null; userId: string; name: string; requestId: string | null },
  now: Date,
): Promise<CreatedApiToken> {
  const name = command.name.trim()
  if (!TOKEN_NAME.test(name)) throw new DomainError('invalid_input', 'token name must be 1-64 characters: letters, digits, space, . _ -', { field: 'name' })
  const token = newApiToken()
  const id = newId(now.getTime())
  await sql.transaction(async (tx) => {
    const user = await findUserById(tx, command.userId)
    if (!user) throw new DomainError('not_found', 'no such user', { field: 'userId' })
    if (user.status !== 'active') throw new DomainError('invalid_state', 'the user is disabled', { field: 'userId' })
    const inserted = await insertApiToken(tx, { id, userId: user.id, name, tokenHash: hashToken(token), now })
    if (!inserted) throw new DomainError('conflict', `the user already has a token named "${name}"`, { field: 'name' })
    await writeAudit(tx, { actor: command.actor, action: 'api_token.create', subjectType: 'api_token', subjectId: id, requestId: command.requestId, details: { userId: user.id }, occurredAt: now })
  })
  return { id, userId: command.userId, name, token, createdAt: now }
}
