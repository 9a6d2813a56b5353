import { describe, expect, it } from 'vitest'
import { DOMAIN_ERROR_CODES } from '../../kernel/errors.js'
import { ERROR_STATUS, statusOf } from './error-status.js'

describe('ERROR_STATUS', () => {
  it('gives every DomainError code an HTTP error status', () => {
    for (const code of DOMAIN_ERROR_CODES) {
      const status = statusOf(code)
      expect(status, code).toBeGreaterThanOrEqual(400)
      expect(status, code).toBeLessThan(600)
    }
  })

  it('maps no code that is not in the closed list', () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...DOMAIN_ERROR_CODES].sort())
  })

  it('keeps the statuses clients rely on', () => {
    expect(statusOf('invalid_input')).toBe(400)
    expect(statusOf('unauthenticated')).toBe(401)
    expect(statusOf('forbidden')).toBe(403)
    expect(statusOf('not_found')).toBe(404)
    expect(statusOf('idempotency_conflict')).toBe(409)
    expect(statusOf('rate_limited')).toBe(429)
    expect(statusOf('internal')).toBe(500)
  })
})
