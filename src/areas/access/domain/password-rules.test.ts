import { describe, expect, it } from 'vitest'
import { assertPasswordAcceptable } from './password-rules.js'

describe('assertPasswordAcceptable', () => {
  it('accepts a long enough password, including the demo one', () => {
    expect(() => assertPasswordAcceptable('semesta-demo', 'kanwil.demo')).not.toThrow()
    expect(() => assertPasswordAcceptable('pantai kuta senja', 'cabang.dps')).not.toThrow()
  })

  it.each([
    ['', 'is empty'],
    ['short1', 'too short'],
    ['aaaaaaaaaaaa', 'too weak'],
    ['Password123', 'too common'],
    ['xx-cabang.dps-xx', 'username'],
    ['y'.repeat(300), 'too long'],
  ])('refuses %j (%s) on field password', (password, reason) => {
    expect(() => assertPasswordAcceptable(password, 'cabang.dps')).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining(reason) }))
    try {
      assertPasswordAcceptable(password, 'cabang.dps')
    } catch (error) {
      expect((error as { field: string }).field).toBe('password')
    }
  })
})
