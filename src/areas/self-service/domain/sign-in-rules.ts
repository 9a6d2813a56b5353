import { DomainError } from '../../../kernel/errors.js'

/** The self-service sign-in's limits (issue 11 item 1): short-lived codes, few attempts, few codes per identifier. */
export const SIGN_IN_RULES = {
  codeDigits: 6,
  maxAttempts: 5,
  /** Codes asked for one NIK/KPJ in `identifierWindowMinutes`: more is refused (rate_limited). */
  maxCodesPerIdentifier: 3,
  identifierWindowMinutes: 15,
  sessionMinutes: 30,
} as const

export type WorkerIdentifier = { kind: 'nik'; value: string } | { kind: 'kpj'; value: string }

/** A NIK (16 digits) or a KPJ (11 digits), spaces and dots ignored. */
export function parseWorkerIdentifier(raw: string): WorkerIdentifier {
  const value = raw.replace(/[\s.-]/g, '')
  if (/^\d{16}$/.test(value)) return { kind: 'nik', value }
  if (/^\d{11}$/.test(value)) return { kind: 'kpj', value }
  throw new DomainError('invalid_input', 'Masukkan NIK (16 digit) atau nomor KPJ (11 digit).', { field: 'number' })
}

export type CodeCheck = 'ok' | 'expired' | 'used' | 'locked' | 'wrong' | 'unknown'

/** Whether a code may still be tried, before comparing it (the comparison is the caller's, in constant time). */
export function codeState(c: { participantId: string | null; attempts: number; expiresAt: Date; usedAt: Date | null }, now: Date): Exclude<CodeCheck, 'ok' | 'wrong'> | 'open' {
  if (c.usedAt !== null) return 'used'
  if (c.attempts >= SIGN_IN_RULES.maxAttempts) return 'locked'
  if (c.expiresAt.getTime() <= now.getTime()) return 'expired'
  if (c.participantId === null) return 'unknown'
  return 'open'
}
