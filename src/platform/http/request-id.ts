/** The header a request id comes in and goes out on. */
export const REQUEST_ID_HEADER = 'x-request-id'

/** Bounded and charset-checked, so a caller cannot push log lines, HTML or megabytes through it (cf. Hono's request-id). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:=-]{1,128}$/

/** The caller's own request id when it is sane, else a new one. */
export function requestIdFrom(header: string | string[] | undefined, generate: () => string): string {
  const value = Array.isArray(header) ? header[0] : header
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : generate()
}
