import { describe, expect, it } from 'vitest'
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js'

describe('password hashing', () => {
  it('hashes with argon2id and verifies the right password only', async () => {
    const stored = await hashPassword('kopi-kintamani-42')
    expect(stored.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true)
    expect(await verifyPassword(stored, 'kopi-kintamani-42')).toBe(true)
    expect(await verifyPassword(stored, 'kopi-kintamani-43')).toBe(false)
  })

  it('treats a malformed stored hash as a wrong password', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false)
  })

  it('burns a verification for unknown users and always fails', async () => {
    expect(await burnPasswordCheck('anything')).toBe(false)
  })
})
