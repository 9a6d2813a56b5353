import { DomainError } from '../../../kernel/errors.js'
import type { Sql } from '../../../platform/db/sql.js'
import { newId } from '../../../platform/ids.js'
import { burnPasswordCheck, verifyPassword } from '../crypto/passwords.js'
import { hashToken, newSessionToken } from '../crypto/tokens.js'
import { forgetCredential } from '../credential-cache.js'
import { writeAudit } from '../db/audit.js'
import { findSessionByTokenHash, insertSession, revokeSession } from '../db/sessions.js'
import { findUserForLogin, markLoggedIn, type UserRecord } from '../db/users.js'
import { mayUseWebSession, type Actor } from '../domain/roles.js'
import { DEFAULT_SESSION_SETTINGS, sessionEndsAt, type SessionSettings } from '../domain/session-rules.js'
import { toActor } from './authenticate-request.js'

export interface LoginInput {
  username: string
  password: string
  requestId: string | null
}

export interface LoginResult {
  actor: Actor
  user: UserRecord
  /** The cookie value; only its hash is stored. */
  sessionToken: string
  sessionId: string
  /** When the session ends if left idle (the cookie's Expires). */
  expiresAt: Date
}

type FailureReason = 'unknown_user' | 'bad_password' | 'disabled' | 'no_password'

/**
 * Signs a user in for the web. Every attempt writes an audit event: a failure is recorded (and committed) before
 * the `unauthenticated` error is thrown; the message never says which part was wrong.
 */
export async function login(sql: Sql, input: LoginInput, now: Date, settings: SessionSettings = DEFAULT_SESSION_SETTINGS): Promise<LoginResult> {
  const user = await findUserForLogin(sql, input.username)
  const reason = await checkCredentials(user, input.password)
  if (reason !== null || !user) {
    await writeAudit(sql, { actor: null, action: 'auth.login_failed', subjectType: 'user', subjectId: user?.id ?? null, requestId: input.requestId, details: { reason: reason ?? 'unknown_user' }, occurredAt: now })
    throw new DomainError('unauthenticated', 'nama pengguna atau kata sandi salah (wrong username or password)')
  }
  if (!mayUseWebSession(user.role)) {
    await writeAudit(sql, { actor: null, action: 'auth.login_failed', subjectType: 'user', subjectId: user.id, requestId: input.requestId, details: { reason: 'api_only_role' }, occurredAt: now })
    throw new DomainError('forbidden', 'akun channel hanya untuk API (channel accounts use API tokens, not web sign-in)')
  }
  const sessionToken = newSessionToken()
  const sessionId = newId(now.getTime())
  const actor = await sql.transaction(async (tx) => {
    await insertSession(tx, { id: sessionId, tokenHash: hashToken(sessionToken), userId: user.id, now })
    await markLoggedIn(tx, user.id, now)
    await writeAudit(tx, { actor: { userId: user.id, role: user.role }, action: 'auth.login', subjectType: 'session', subjectId: sessionId, requestId: input.requestId, details: { userId: user.id }, occurredAt: now })
    const row = await findSessionByTokenHash(tx, hashToken(sessionToken))
    if (!row) throw new DomainError('internal', 'session vanished after insert')
    return toActor(row)
  })
  const expiresAt = sessionEndsAt({ createdAt: now, lastSeenAt: now, revokedAt: null }, settings)
  return { actor, user: { ...user, lastLoginAt: now }, sessionToken, sessionId, expiresAt }
}

async function checkCredentials(user: Awaited<ReturnType<typeof findUserForLogin>>, password: string): Promise<FailureReason | null> {
  if (!user) return burnPasswordCheck(password).then(() => 'unknown_user')
  if (!user.passwordHash) return burnPasswordCheck(password).then(() => 'no_password')
  if (!(await verifyPassword(user.passwordHash, password))) return 'bad_password'
  if (user.status !== 'active') return 'disabled'
  return null
}

/** Ends the session of this cookie token. Returns false (and writes nothing) when it was not a live session. */
export async function logout(sql: Sql, input: { cookieToken: string; requestId: string | null }, now: Date): Promise<boolean> {
  const ended = await sql.transaction(async (tx) => {
    const revoked = await revokeSession(tx, hashToken(input.cookieToken), now)
    if (!revoked) return false
    const { rows } = await tx.query<{ role: Actor['role'] }>('select role from users where id = $1', [revoked.userId])
    const role = rows[0]?.role
    await writeAudit(tx, { actor: role ? { userId: revoked.userId, role } : null, action: 'auth.logout', subjectType: 'session', subjectId: revoked.id, requestId: input.requestId, occurredAt: now })
    return true
  })
  forgetCredential(sql, hashToken(input.cookieToken)) // after the commit: this process stops honouring it at once
  return ended
}
