import { ApiError } from './api'

type Translate = (key: string, options?: Record<string, unknown>) => string

/** Codes whose server message says less than our own words do; every other code shows the server's `error.message`. */
const GENERIC_CODES = new Set(['unauthenticated', 'forbidden', 'rate_limited', 'network', 'unavailable', 'internal'])

/** The sentence to show a person for an error, in the current language where the app knows better than the server. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (GENERIC_CODES.has(error.code)) return t(`errors.${error.code}`)
    return error.message
  }
  if (error instanceof Error && error.message) return error.message
  return t('errors.internal')
}
