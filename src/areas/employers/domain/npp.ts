import { DomainError } from '../../../kernel/errors.js'
import { parseNpp } from '../../participants/domain/index.js'

/**
 * NPP (nomor pendaftaran perusahaan): BPJS does not publish its format, so Semesta accepts letters and digits up
 * to 20, uppercase, separators (space, `.`, `-`) dropped. One rule with the participant import's `npp` column
 * (participants' parseNpp), so an NPP typed anywhere finds the same employer.
 */
export function normaliseNpp(input: string, field = 'npp'): string {
  const parsed = parseNpp(input)
  if (parsed.error) throw new DomainError('invalid_input', parsed.error.message, { field })
  return parsed.ok
}

/** The same check for a file row: the normalised NPP or undefined. */
export function nppOrUndefined(input: string): string | undefined {
  const parsed = parseNpp(input)
  return parsed.error ? undefined : parsed.ok
}
