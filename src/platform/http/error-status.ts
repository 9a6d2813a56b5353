import type { DomainErrorCode } from '../../kernel/errors.js'

/**
 * The one mapping from DomainError codes to HTTP statuses. Malformed input is 400; well-formed input that a rule
 * refuses is 422; a clash with stored state is 409. `Record<DomainErrorCode, …>` makes a new code without a
 * status a type error.
 */
export const ERROR_STATUS: Readonly<Record<DomainErrorCode, number>> = {
  invalid_input: 400,
  invalid_month: 400,
  invalid_date: 400,
  out_of_range: 400,
  unknown_code: 400,
  missing_field: 400,
  invalid_nik: 400,
  unknown_figure: 422,
  no_rule_for_period: 422,
  nik_identity_mismatch: 422,
  birth_date_mismatch: 422,
  sex_mismatch: 422,
  duplicate_in_file: 422,
  not_eligible: 422,
  outside_region: 422,
  quota_exceeded: 422,
  already_registered: 409,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  not_found: 404,
  conflict: 409,
  idempotency_conflict: 409,
  idempotency_in_progress: 409,
  invalid_state: 409,
  // a claim's withheld part waits for the arrears of its event date (a rule refuses, not a clash)
  arrears_unpaid: 422,
  // the regulation data itself is inconsistent: the server's fault, not the caller's
  overlapping_periods: 500,
  unavailable: 503,
  internal: 500,
}

export function statusOf(code: DomainErrorCode): number {
  return ERROR_STATUS[code]
}
