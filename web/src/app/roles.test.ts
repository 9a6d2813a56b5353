import { describe, expect, it } from 'vitest'
import { readSessionUser } from './roles'

describe('reading the signed-in user from /auth/me', () => {
  it('takes the user of a `{ user }` answer', () => {
    const user = readSessionUser({ user: { id: 'u1', username: 'kanwil.demo', role: 'kanwil', displayName: 'Demo', branchCode: null, regionCodes: [] } })
    expect(user).toEqual({ id: 'u1', username: 'kanwil.demo', role: 'kanwil', displayName: 'Demo', branchCode: null, regionCodes: [] })
  })

  it('fills optional fields and refuses an unknown role or a missing user', () => {
    expect(readSessionUser({ user: { id: 'u2', username: 'c', role: 'cabang' } })).toMatchObject({ branchCode: null, regionCodes: [], displayName: null })
    expect(readSessionUser({ user: { id: 'u3', username: 'x', role: 'root' } })).toBeNull()
    expect(readSessionUser({})).toBeNull()
    expect(readSessionUser(null)).toBeNull()
  })
})
