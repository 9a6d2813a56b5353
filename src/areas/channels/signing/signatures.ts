import { hash, createHmac, createSign, createVerify, createPublicKey, timingSafeEqual, type KeyObject } from 'node:crypto'
import { tokenStringToSign, transactionStringToSign, type SignatureEncoding } from '../domain/signature.js'

/**
 * SNAP signatures with node:crypto (channel-api.md §4): HMAC-SHA512 over the transaction string, SHA256withRSA over
 * the token string. Shared by the server (verify) and the reference partner client in tools/ (sign).
 */

/** Lowercase hex SHA-256 of the exact bytes of a body (§4.2). */
export function bodySha256(rawBody: Buffer | string): string {
  return hash('sha256', rawBody, 'hex')
}

export interface TransactionSigning {
  method: string
  /** The relative path as sent, with its query (§4.1 rule 1), e.g. `/snap/v1.0/transfer-va/inquiry`. */
  path: string
  accessToken: string
  rawBody: Buffer | string
  timestamp: string
}

export function transactionString(t: TransactionSigning): string {
  return transactionStringToSign(t.method, t.path, t.accessToken, bodySha256(t.rawBody), t.timestamp)
}

export function hmacSign(clientSecret: string, stringToSign: string, encoding: SignatureEncoding = 'base64'): string {
  return createHmac('sha512', clientSecret).update(stringToSign).digest(encoding)
}

/** Constant-time comparison on the decoded bytes, after a length check (§4.3). */
export function hmacVerify(clientSecret: string, stringToSign: string, received: string, encoding: SignatureEncoding = 'base64'): boolean {
  const expected = createHmac('sha512', clientSecret).update(stringToSign).digest()
  const got = decode(received, encoding)
  return got !== null && got.length === expected.length && timingSafeEqual(got, expected)
}

function decode(text: string, encoding: SignatureEncoding): Buffer | null {
  if (encoding === 'hex' ? !/^[0-9a-fA-F]*$/.test(text) || text.length % 2 !== 0 : !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null
  return Buffer.from(text, encoding)
}

export function rsaSignToken(privateKeyPem: string | KeyObject, clientKey: string, timestamp: string, encoding: SignatureEncoding = 'base64'): string {
  return createSign('RSA-SHA256').update(tokenStringToSign(clientKey, timestamp)).sign(privateKeyPem, encoding)
}

export function rsaVerifyToken(publicKey: string | KeyObject, clientKey: string, timestamp: string, signature: string, encoding: SignatureEncoding = 'base64'): boolean {
  const got = decode(signature, encoding)
  if (got === null || got.length === 0) return false
  try {
    return createVerify('RSA-SHA256').update(tokenStringToSign(clientKey, timestamp)).verify(publicKey, got)
  } catch {
    return false
  }
}

/** Reads a PEM public key; RSA of at least 2048 bits (as koriebruh/go-snap-bi insists), else null. */
export function readRsaPublicKey(pem: string): KeyObject | null {
  try {
    const key = createPublicKey(pem)
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0
    return key.asymmetricKeyType === 'rsa' && bits >= 2048 ? key : null
  } catch {
    return null
  }
}
