import { hash, randomBytes } from 'node:crypto'

/** Secrets handed to clients are 256 random bits; the database keeps only their SHA-256. */
export const API_TOKEN_PREFIX = 'smt_'

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
}

export function hashToken(token: string): string {
  // crypto.hash: the one-shot digest, without a Hash object per request (hashed on every authenticated call)
  return hash('sha256', token, 'hex')
}

/** Tokens come from headers and cookies: bound their size before hashing them. */
export function isPlausibleToken(token: string | undefined | null): token is string {
  return typeof token === 'string' && token.length >= 16 && token.length <= 200
}
