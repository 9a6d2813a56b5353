/**
 * The one error type of Semesta's domain. Its codes are a closed set; HTTP statuses and CLI exit codes are
 * mapped from them in one place each (src/platform/http/error-status.ts, src/cli/run-command.ts).
 * Messages are for people (Bahasa Indonesia where a clerk reads them); codes are stable English identifiers.
 */
export const DOMAIN_ERROR_CODES = [
  // input
  'invalid_input',
  'invalid_month',
  'invalid_date',
  'out_of_range',
  'unknown_code',
  'missing_field',
  // regulation engine
  'unknown_figure',
  'no_rule_for_period',
  'overlapping_periods',
  // identity and registry
  'invalid_nik',
  'nik_identity_mismatch',
  'birth_date_mismatch',
  'sex_mismatch',
  'duplicate_in_file',
  'already_registered',
  'not_eligible',
  'outside_region',
  'quota_exceeded',
  // access
  'unauthenticated',
  'forbidden',
  'rate_limited',
  // state
  'not_found',
  'conflict',
  'idempotency_conflict',
  'idempotency_in_progress',
  'invalid_state',
  'arrears_unpaid',
  // infrastructure
  'unavailable',
  'internal',
] as const

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number]

export interface ErrorDetail {
  row?: number
  field?: string
  [key: string]: unknown
}

export class DomainError extends Error {
  readonly code: DomainErrorCode
  readonly details: ErrorDetail

  constructor(code: DomainErrorCode, message: string, details: ErrorDetail = {}) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.details = details
  }

  get field(): string | undefined {
    return this.details.field
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError
}

/** A row-level problem in a bulk operation: the row stays out, the rest goes on. */
export interface RowIssue {
  row: number
  field: string
  code: DomainErrorCode | string
  message: string
}
