import { describe, expect, it } from 'vitest'
import { DEFAULT_SESSION_SETTINGS, judgeSession, parseSessionSettings, sessionEndsAt, shouldTouch } from './session-rules.js'

const t0 = new Date('2025-03-14T01:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
const settings = DEFAULT_SESSION_SETTINGS

describe('judgeSession', () => {
  it('is live while used within the idle timeout, up to the absolute lifetime', () => {
    expect(judgeSession({ createdAt: t0, lastSeenAt: t0, revokedAt: null }, at(29), settings)).toBe('live')
    expect(judgeSession({ createdAt: t0, lastSeenAt: at(700), revokedAt: null }, at(719), settings)).toBe('live')
  })

  it('ends after 30 idle minutes', () => {
    expect(judgeSession({ createdAt: t0, lastSeenAt: t0, revokedAt: null }, at(30), settings)).toBe('idle')
  })

  it('ends after 12 hours however active', () => {
    expect(judgeSession({ createdAt: t0, lastSeenAt: at(719), revokedAt: null }, at(720), settings)).toBe('expired')
  })

  it('ends when revoked', () => {
    expect(judgeSession({ createdAt: t0, lastSeenAt: t0, revokedAt: at(1) }, at(2), settings)).toBe('revoked')
  })
})

describe('sessionEndsAt and shouldTouch', () => {
  it('is the earlier of the idle end and the absolute end', () => {
    expect(sessionEndsAt({ createdAt: t0, lastSeenAt: t0, revokedAt: null }, settings)).toEqual(at(30))
    expect(sessionEndsAt({ createdAt: t0, lastSeenAt: at(710), revokedAt: null }, settings)).toEqual(at(720))
  })

  it('slides the last-seen time at most once a minute', () => {
    expect(shouldTouch(t0, new Date(t0.getTime() + 59_999), settings)).toBe(false)
    expect(shouldTouch(t0, at(1), settings)).toBe(true)
  })
})

describe('parseSessionSettings', () => {
  it('defaults to 30 minutes idle and 12 hours absolute', () => {
    expect(parseSessionSettings({})).toEqual(DEFAULT_SESSION_SETTINGS)
  })

  it('reads the flagged settings from the environment', () => {
    expect(parseSessionSettings({ SEMESTA_SESSION_IDLE_MINUTES: '5', SEMESTA_SESSION_MAX_HOURS: '1' })).toEqual({ idleTimeoutMs: 300_000, absoluteLifetimeMs: 3_600_000, touchIntervalMs: 30_000 })
  })

  it('refuses a setting that is not a positive number, naming it', () => {
    expect(() => parseSessionSettings({ SEMESTA_SESSION_IDLE_MINUTES: '-1' })).toThrow(/SEMESTA_SESSION_IDLE_MINUTES/)
  })
})
