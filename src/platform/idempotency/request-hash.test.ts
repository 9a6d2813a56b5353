import { describe, expect, it } from 'vitest'
import { canonicalJson, canonicalUrl, requestHash } from './request-hash.js'

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"z":1}]},"b":1}')
  })
})

describe('canonicalUrl', () => {
  it('orders query parameters', () => {
    expect(canonicalUrl('/api/v1/pay?b=2&a=1')).toBe('/api/v1/pay?a=1&b=2')
    expect(canonicalUrl('/api/v1/pay?')).toBe('/api/v1/pay')
  })
})

describe('requestHash', () => {
  const base = { method: 'POST', url: '/api/v1/payments', body: { kpj: '12345678901', months: 3 } }

  it('is the same for the same request written differently', () => {
    expect(requestHash(base)).toBe(requestHash({ method: 'post', url: '/api/v1/payments', body: { months: 3, kpj: '12345678901' } }))
    expect(requestHash(base)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('differs when the method, the path or the body differs', () => {
    const hash = requestHash(base)
    expect(requestHash({ ...base, method: 'PUT' })).not.toBe(hash)
    expect(requestHash({ ...base, url: '/api/v1/refunds' })).not.toBe(hash)
    expect(requestHash({ ...base, body: { ...base.body, months: 4 } })).not.toBe(hash)
  })
})
