import { describe, expect, it } from 'vitest'
import { hashToken, isPlausibleToken, newApiToken, newSessionToken } from './tokens.js'

describe('tokens', () => {
  it('makes distinct url-safe session tokens and smt_ API tokens', () => {
    const a = newSessionToken()
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(newSessionToken()).not.toBe(a)
    expect(newApiToken()).toMatch(/^smt_[A-Za-z0-9_-]{43}$/)
  })

  it('stores a sha256 hex digest, never the token', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('bounds the size of tokens read from requests', () => {
    expect(isPlausibleToken(undefined)).toBe(false)
    expect(isPlausibleToken('short')).toBe(false)
    expect(isPlausibleToken('x'.repeat(201))).toBe(false)
    expect(isPlausibleToken(newApiToken())).toBe(true)
  })
})
