import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { EMPTY_BODY_SHA256 } from '../domain/signature.js'
import { bodySha256, hmacSign, hmacVerify, readRsaPublicKey, rsaSignToken, rsaVerifyToken, transactionString } from './signatures.js'
import { newSecret, open, seal } from './secrets.js'

/** channel-api.md §4.4: the test vectors computed with node:crypto. */
const BODY = '{"partnerServiceId":"   12345","customerNo":"12345678901","virtualAccountNo":"   1234512345678901","inquiryRequestId":"INQ-20250201-0001"}'
const TIMESTAMP = '2025-02-01T10:15:30+07:00'

describe('SNAP signatures (channel-api.md §4.4)', () => {
  it('vector 1: the body hash, the string to sign, base64 and hex HMAC-SHA512 over /v1.0/transfer-va/inquiry', () => {
    expect(bodySha256(BODY)).toBe('573b925ccf56c4e4d4f66c72da404c044b92ceaaac5a1fabf99629fb5c436e80')
    const sts = transactionString({ method: 'POST', path: '/v1.0/transfer-va/inquiry', accessToken: 'test-access-token', rawBody: BODY, timestamp: TIMESTAMP })
    expect(sts).toBe(`POST:/v1.0/transfer-va/inquiry:test-access-token:573b925ccf56c4e4d4f66c72da404c044b92ceaaac5a1fabf99629fb5c436e80:${TIMESTAMP}`)
    const base64 = '+QJ88TFtsqGAiy5+FdkXX22roHpBjxBV0hoVhRJ8TaXlFm3QbuLMWJ6d2m1/tK8lnJxEuZf7RlpRjZiQGIOj4Q=='
    const hex = 'f9027cf1316db2a1808b2e7e15d9175f6daba07a418f1055d21a1585127c4da5e5166dd06ee2cc589e9dda6d7fb4af259c9c44b997fb465a518d98901883a3e1'
    expect(hmacSign('test-client-secret', sts)).toBe(base64)
    expect(hmacSign('test-client-secret', sts, 'hex')).toBe(hex)
    expect(hmacVerify('test-client-secret', sts, base64)).toBe(true)
    expect(hmacVerify('test-client-secret', sts, hex, 'hex')).toBe(true)
    expect(hmacVerify('test-client-secret', sts, hex.toUpperCase(), 'hex')).toBe(true)
  })

  it('vector 2: the same request as Semesta serves it, path /snap/v1.0/transfer-va/inquiry', () => {
    const sts = transactionString({ method: 'POST', path: '/snap/v1.0/transfer-va/inquiry', accessToken: 'test-access-token', rawBody: Buffer.from(BODY), timestamp: TIMESTAMP })
    const expected = 't2urr+xyGnHj4sZEDvwSUJ3a1feNXmOu+8snJnFJzdhztCI00768sRJJYHUKYAJ4vGZbBGrARyvghwAmPhQXxg=='
    expect(hmacSign('test-client-secret', sts)).toBe(expected)
    expect(hmacVerify('test-client-secret', sts, expected)).toBe(true)
  })

  it('refuses a signature of another body, secret, encoding, or a malformed or truncated one', () => {
    const sts = transactionString({ method: 'POST', path: '/snap/v1.0/transfer-va/inquiry', accessToken: 't', rawBody: BODY, timestamp: TIMESTAMP })
    const good = hmacSign('s', sts)
    const reserialised = transactionString({ method: 'POST', path: '/snap/v1.0/transfer-va/inquiry', accessToken: 't', rawBody: JSON.stringify(JSON.parse(BODY), null, 1), timestamp: TIMESTAMP })
    expect(hmacVerify('s', reserialised, good)).toBe(false)
    expect(hmacVerify('other', sts, good)).toBe(false)
    expect(hmacVerify('s', sts, good, 'hex')).toBe(false)
    expect(hmacVerify('s', sts, good.slice(0, 40))).toBe(false)
    expect(hmacVerify('s', sts, '!!not base64!!')).toBe(false)
    expect(bodySha256('')).toBe(EMPTY_BODY_SHA256)
  })

  it('the token call: SHA256withRSA over clientKey|X-TIMESTAMP verifies with the public key only', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
    const signature = rsaSignToken(privateKey, 'test-client-id', TIMESTAMP)
    expect(rsaVerifyToken(publicKey, 'test-client-id', TIMESTAMP, signature)).toBe(true)
    expect(rsaVerifyToken(publicKey, 'test-client-id', '2025-02-01T10:15:31+07:00', signature)).toBe(false)
    expect(rsaVerifyToken(publicKey, 'other-client', TIMESTAMP, signature)).toBe(false)
    expect(rsaVerifyToken(publicKey, 'test-client-id', TIMESTAMP, 'AAAA')).toBe(false)
    expect(readRsaPublicKey(publicKey)).not.toBeNull()
    expect(readRsaPublicKey('not a key')).toBeNull()
    const small = generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
    expect(readRsaPublicKey(small.publicKey)).toBeNull()
  })

  it('seals a client secret so only the key opens it', () => {
    const key = Buffer.alloc(32, 7)
    const secret = newSecret()
    const sealed = seal(key, secret)
    expect(sealed).not.toContain(secret)
    expect(open(key, sealed)).toBe(secret)
    expect(() => open(Buffer.alloc(32, 8), sealed)).toThrow()
  })
})
