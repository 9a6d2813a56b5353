import type { AuditEvent } from '../db/audit.js'
import type { UserRecord } from '../db/users.js'
import type { Actor } from '../domain/roles.js'
import type { SessionUser, UserView } from './schemas.js'

/** What leaves the server about users: never a password hash, a token hash or a session id. */
export function presentSessionUser(actor: Actor, displayName: string): SessionUser {
  return { id: actor.userId, username: actor.username, role: actor.role, displayName, branchCode: actor.branchCode, regionCodes: actor.regionCodes }
}

export function presentUser(user: UserRecord): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    branchCode: user.branchCode,
    regionCodes: user.regionCodes,
    sourceIds: user.sourceIds,
    status: user.status,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  }
}

export function presentAuditEvent(event: AuditEvent) {
  return { ...event, occurredAt: event.occurredAt.toISOString() }
}
