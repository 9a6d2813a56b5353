import { createCipheriv, createDecipheriv, hash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Partner client secrets must be readable by the server (HMAC needs the secret itself), so they are stored sealed
 * with AES-256-GCM under Semesta's secret key: SEMESTA_SECRET_KEY (64 hex digits or 32 bytes base64) or, when unset,
 * a key file `<dataDir>/secret.key` made on first use (mode 0600). Access tokens are stored only as SHA-256.
 */
export const SECRET_KEY_FILE = 'secret.key'

export function secretKeyFrom(config: { secretKey: string | undefined; dataDir: string }): Buffer {
  if (config.secretKey) return parseKey(config.secretKey)
  const dataDir = config.dataDir
  const file = path.join(dataDir, SECRET_KEY_FILE)
  try {
    return parseKey(fs.readFileSync(file, 'utf8').trim())
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  fs.mkdirSync(dataDir, { recursive: true })
  const key = randomBytes(32)
  try {
    fs.writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' })
    return key
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return parseKey(fs.readFileSync(file, 'utf8').trim())
    throw error
  }
}

function parseKey(text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64')
  if (key.length !== 32) throw new Error('SEMESTA_SECRET_KEY must be 32 bytes (64 hex digits or base64)')
  return key
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url). */
export function seal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
}

export function open(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed secret')
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}

/** 256 random bits, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

export function tokenHash(token: string): string {
  return hash('sha256', token, 'hex')
}
