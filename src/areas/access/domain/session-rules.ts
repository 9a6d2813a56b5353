import { DomainError } from '../../../kernel/errors.js'

/**
 * Web session lifetime: a sliding idle timeout and an absolute lifetime, both flagged settings
 * (`SEMESTA_SESSION_IDLE_MINUTES`, default 30; `SEMESTA_SESSION_MAX_HOURS`, default 12).
 */
export interface SessionSettings {
  idleTimeoutMs: number
  absoluteLifetimeMs: number
  /** The sliding timestamp is written at most this often, so reads do not write on every request. */
  touchIntervalMs: number
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  idleTimeoutMs: 30 * 60_000,
  absoluteLifetimeMs: 12 * 3_600_000,
  touchIntervalMs: 60_000,
}

export function parseSessionSettings(env: Readonly<Record<string, string | undefined>>): SessionSettings {
  const minutes = positive(env.SEMESTA_SESSION_IDLE_MINUTES, 'SEMESTA_SESSION_IDLE_MINUTES')
  const hours = positive(env.SEMESTA_SESSION_MAX_HOURS, 'SEMESTA_SESSION_MAX_HOURS')
  const idleTimeoutMs = minutes === null ? DEFAULT_SESSION_SETTINGS.idleTimeoutMs : minutes * 60_000
  const absoluteLifetimeMs = hours === null ? DEFAULT_SESSION_SETTINGS.absoluteLifetimeMs : hours * 3_600_000
  return { idleTimeoutMs, absoluteLifetimeMs, touchIntervalMs: Math.min(DEFAULT_SESSION_SETTINGS.touchIntervalMs, Math.floor(idleTimeoutMs / 10)) }
}

function positive(raw: string | undefined, name: string): number | null {
  if (raw === undefined || raw.trim() === '') return null
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new DomainError('invalid_input', `${name} must be a positive number, got "${raw}"`, { field: name })
  return value
}

export interface SessionTimes {
  createdAt: Date
  lastSeenAt: Date
  revokedAt: Date | null
}

export type SessionVerdict = 'live' | 'revoked' | 'idle' | 'expired'

export function judgeSession(session: SessionTimes, now: Date, settings: SessionSettings): SessionVerdict {
  if (session.revokedAt !== null) return 'revoked'
  if (now.getTime() - session.createdAt.getTime() >= settings.absoluteLifetimeMs) return 'expired'
  if (now.getTime() - session.lastSeenAt.getTime() >= settings.idleTimeoutMs) return 'idle'
  return 'live'
}

/** The instant the session ends if nothing touches it again (for the cookie's lifetime). */
export function sessionEndsAt(session: SessionTimes, settings: SessionSettings): Date {
  const idleEnd = session.lastSeenAt.getTime() + settings.idleTimeoutMs
  const absoluteEnd = session.createdAt.getTime() + settings.absoluteLifetimeMs
  return new Date(Math.min(idleEnd, absoluteEnd))
}

export function shouldTouch(lastSeenAt: Date, now: Date, settings: SessionSettings): boolean {
  return now.getTime() - lastSeenAt.getTime() >= settings.touchIntervalMs
}
