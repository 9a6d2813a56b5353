import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../kernel/errors.js'
import { validateNewUser, type NewUserInput } from './new-user.js'

const ref = { branchCodes: ['bali-denpasar', 'ntt-kupang'], regencyCodes: ['51.03', '51.71', '53.01', '53.71'] }

function refusal(input: NewUserInput): { code: string; field: string | undefined; message: string } {
  try {
    validateNewUser(input, ref)
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field, message: error.message }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('validateNewUser', () => {
  it('accepts a kanwil user and lowercases the username, defaulting the display name', () => {
    expect(validateNewUser({ username: 'Kanwil.Ops', role: 'kanwil' }, ref)).toEqual({
      username: 'kanwil.ops', displayName: 'kanwil.ops', role: 'kanwil', branchCode: null, regionCodes: [], sourceIds: [],
    })
  })

  it('accepts a branch user with its branch and keeps regions empty (they come from the branch)', () => {
    expect(validateNewUser({ username: 'cabang.dps', role: 'cabang', branchCode: 'bali-denpasar', displayName: 'Cabang Denpasar' }, ref)).toMatchObject({ branchCode: 'bali-denpasar', regionCodes: [] })
  })

  it('expands a pemda user regions to regency codes', () => {
    expect(validateNewUser({ username: 'pemprov.ntt', role: 'pemda', regionCodes: ['53'] }, ref).regionCodes).toEqual(['53.01', '53.71'])
    expect(validateNewUser({ username: 'pemkot.dps', role: 'pemda', regionCodes: ['5171'] }, ref).regionCodes).toEqual(['51.71'])
  })

  it('accepts channel and agent sources', () => {
    expect(validateNewUser({ username: 'pos', role: 'channel', sourceIds: ['pos', 'pos'] }, ref).sourceIds).toEqual(['pos'])
  })

  it.each([
    [{ username: 'x', role: 'kanwil' }, 'invalid_input', 'username'],
    [{ username: 'budi santoso', role: 'kanwil' }, 'invalid_input', 'username'],
    [{ username: 'budi', role: 'superuser' }, 'unknown_code', 'role'],
    [{ username: 'cabang.x', role: 'cabang' }, 'missing_field', 'branch'],
    [{ username: 'cabang.x', role: 'cabang', branchCode: 'bali-ubud' }, 'unknown_code', 'branch'],
    [{ username: 'cabang.x', role: 'cabang', branchCode: 'bali-denpasar', regionCodes: ['51.71'] }, 'invalid_input', 'regions'],
    [{ username: 'kanwil.x', role: 'kanwil', branchCode: 'bali-denpasar' }, 'invalid_input', 'branch'],
    [{ username: 'pemda.x', role: 'pemda' }, 'missing_field', 'regions'],
    [{ username: 'pemda.x', role: 'pemda', regionCodes: ['51.71', '51.99'] }, 'unknown_code', 'regions'],
    [{ username: 'viewer.x', role: 'viewer', sourceIds: ['pos'] }, 'invalid_input', 'sources'],
    [{ username: 'pos', role: 'channel', sourceIds: ['pos indonesia'] }, 'invalid_input', 'sources'],
    [{ username: 'admin.x', role: 'admin', displayName: 'x'.repeat(121) }, 'invalid_input', 'name'],
  ] as Array<[NewUserInput, string, string]>)('refuses %o with %s on %s', (input, code, field) => {
    expect(refusal(input)).toMatchObject({ code, field })
  })

  it('names the unknown region codes and the known branch codes in its messages', () => {
    expect(refusal({ username: 'pemda.x', role: 'pemda', regionCodes: ['51.99'] }).message).toContain('"51.99"')
    expect(refusal({ username: 'c.x', role: 'cabang', branchCode: 'nope' }).message).toContain('bali-denpasar, ntt-kupang')
  })
})
