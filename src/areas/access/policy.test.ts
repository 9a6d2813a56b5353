import { describe, expect, it } from 'vitest'
import { DomainError } from '../../kernel/errors.js'
import type { Actor } from './domain/roles.js'
import { assertAuthorized } from './policy.js'

const viewer: Actor = { userId: 'u-9', username: 'viewer', role: 'viewer', branchCode: null, regionCodes: [], sourceIds: [] }

describe('assertAuthorized', () => {
  it('refuses a missing actor as unauthenticated', () => {
    expect(() => assertAuthorized(null, 'coverage.read', { collection: true })).toThrow(expect.objectContaining({ code: 'unauthenticated' }))
  })

  it('refuses an actor the policy refuses as forbidden, naming the action', () => {
    try {
      assertAuthorized(viewer, 'participant.read', { regionCode: '51.71' })
      expect.fail('should throw')
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError)
      expect((error as DomainError).code).toBe('forbidden')
      expect((error as DomainError).details).toEqual({ action: 'participant.read' })
    }
  })

  it('returns the actor when allowed', () => {
    expect(assertAuthorized(viewer, 'coverage.read', { regionCode: '51.71' })).toBe(viewer)
  })
})
