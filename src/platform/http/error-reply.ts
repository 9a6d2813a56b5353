import { z } from 'zod'
import { DomainError, type DomainErrorCode } from '../../kernel/errors.js'
import { statusOf } from './error-status.js'

/** The body of every error answer: `{ error: { code, message, field?, details? }, requestId }`. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
  requestId: z.string(),
})
export type ErrorBody = z.infer<typeof errorBodySchema>

export interface ErrorReply {
  status: number
  body: ErrorBody
  /** Whether the failure is the server's (logged as an error) or the caller's (logged as info). */
  serverFault: boolean
}

interface ValidationIssue {
  instancePath?: string
  message?: string
}

interface FrameworkError {
  statusCode?: number
  code?: string
  validation?: ValidationIssue[]
  validationContext?: string
}

const MESSAGES_BY_STATUS: Record<number, [DomainErrorCode, string]> = {
  401: ['unauthenticated', 'Silakan masuk terlebih dahulu.'],
  403: ['forbidden', 'Anda tidak berhak melakukan ini.'],
  404: ['not_found', 'Alamat atau data tidak ditemukan.'],
  429: ['rate_limited', 'Terlalu banyak permintaan; coba lagi sebentar lagi.'],
}
const INTERNAL_MESSAGE = 'Terjadi kesalahan pada server. Sebutkan kode permintaan (requestId) saat melapor.'
const SERVER_MESSAGES: Partial<Record<DomainErrorCode, string>> = {
  unavailable: 'Layanan sedang tidak tersedia; coba lagi sebentar lagi.',
  overlapping_periods: 'Data regulasi di server tidak konsisten. Sebutkan kode permintaan (requestId) saat melapor.',
}

function build(status: number, code: DomainErrorCode | string, message: string, requestId: string, extra: { field?: string; details?: Record<string, unknown> } = {}): ErrorReply {
  const error: ErrorBody['error'] = { code, message }
  if (extra.field !== undefined) error.field = extra.field
  if (extra.details !== undefined && Object.keys(extra.details).length > 0) error.details = extra.details
  return { status, body: { error, requestId }, serverFault: status >= 500 }
}

/** `/people/0/nik` in the body → `people.0.nik`; an issue on the whole part names the part (`body`, `querystring`). */
function fieldOf(issue: ValidationIssue, context: string | undefined): string {
  const path = (issue.instancePath ?? '').split('/').filter(Boolean).join('.')
  return path || context || 'body'
}

function validationReply(error: FrameworkError, requestId: string): ErrorReply {
  const issues = (error.validation ?? []).map((issue) => ({
    field: fieldOf(issue, error.validationContext),
    message: issue.message ?? 'tidak valid',
  }))
  const first = issues[0] ?? { field: error.validationContext ?? 'body', message: 'tidak valid' }
  return build(400, 'invalid_input', `${first.field}: ${first.message}`, requestId, {
    field: first.field,
    details: { location: error.validationContext ?? 'body', issues },
  })
}

/**
 * Turns anything thrown in a request into the answer the client sees. DomainErrors keep their message (written
 * for people); framework 4xx errors get a fixed message; anything else is a bare 500 `internal`: no exception
 * text, stack or SQL ever reaches the client.
 */
export function toErrorReply(error: unknown, requestId: string): ErrorReply {
  if (error instanceof DomainError) {
    const status = statusOf(error.code)
    // a server-side DomainError (unavailable, internal) may carry a driver's words: keep its code, not its text
    if (status >= 500) return build(status, error.code, SERVER_MESSAGES[error.code] ?? INTERNAL_MESSAGE, requestId)
    const { field, ...rest } = error.details
    return build(status, error.code, error.message, requestId, { field, details: rest })
  }
  const framework = (typeof error === 'object' && error !== null ? error : {}) as FrameworkError
  if (Array.isArray(framework.validation)) return validationReply(framework, requestId)
  const status = framework.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const [code, message] = MESSAGES_BY_STATUS[status] ?? ['invalid_input', 'Permintaan tidak dapat dibaca.']
    const details = framework.code?.startsWith('FST_') ? { reason: framework.code } : undefined
    return build(status, code, message, requestId, { details })
  }
  return build(500, 'internal', INTERNAL_MESSAGE, requestId)
}
