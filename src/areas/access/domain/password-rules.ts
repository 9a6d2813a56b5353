import { DomainError } from '../../../kernel/errors.js'

/**
 * The minimum a password must meet. Length matters most (NIST SP 800-63B §5.1.1.2: at least 8, no composition
 * rules); Semesta asks for 10 because staff accounts see personal data of many workers.
 */
export const MIN_PASSWORD_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 256

const COMMON = new Set(['password', 'password123', '1234567890', '0123456789', 'qwertyuiop', 'bpjstk12345', 'jamsostek123'])

/** Throws `invalid_input` on field `password` naming the reason. */
export function assertPasswordAcceptable(password: string, username: string): void {
  const reject = (reason: string): never => {
    throw new DomainError('invalid_input', `password ${reason}`, { field: 'password' })
  }
  if (password.length === 0) reject('is empty')
  if (password.length < MIN_PASSWORD_LENGTH) reject(`is too short (at least ${MIN_PASSWORD_LENGTH} characters)`)
  if (password.length > MAX_PASSWORD_LENGTH) reject(`is too long (at most ${MAX_PASSWORD_LENGTH} characters)`)
  if (new Set(password).size < 4) reject('is too weak (too few different characters)')
  if (COMMON.has(password.toLowerCase())) reject('is too common')
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) reject('must not contain the username')
}
