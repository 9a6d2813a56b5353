/** The one way the web app talks to Semesta's JSON API: same-origin, cookie session, errors as ApiError. */

/** The error body every Semesta endpoint answers with (src/platform/http). */
export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown }
  requestId?: string
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field: string | undefined
  readonly requestId: string | undefined
  readonly details: Record<string, unknown>

  constructor(status: number, code: string, message: string, field?: string, requestId?: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field
    this.requestId = requestId
    this.details = typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {}
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
}

/** Turns a non-2xx answer into an ApiError; a body that is not Semesta's error shape still gets a readable error. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    return new ApiError(status, body.error.code, body.error.message, body.error.field, body.requestId, body.error.details)
  }
  return new ApiError(status, status === 404 ? 'not_found' : 'internal', `HTTP ${status}`)
}

let onUnauthenticated: (() => void) | null = null

/** The auth context listens here: a 401 on any call (a session that timed out) signs the app out. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  /** extra headers, e.g. Idempotency-Key */
  headers?: Record<string, string>
  signal?: AbortSignal
  fetchImpl?: typeof fetch
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, fetchImpl = globalThis.fetch.bind(globalThis) } = options
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetchImpl(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : isForm ? body : JSON.stringify(body),
      signal: signal ?? null,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error))
  }
  const text = await response.text()
  let parsed: unknown = undefined
  if (text) {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, parsed)
    if (error.status === 401 && !path.startsWith('/api/v1/auth/')) onUnauthenticated?.()
    throw error
  }
  return parsed as T
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => apiRequest<T>(path, { method: 'POST', body: body ?? {}, ...(headers ? { headers } : {}) }),
  /** multipart upload (the browser sets the boundary) */
  upload: <T>(path: string, form: FormData) => apiRequest<T>(path, { method: 'POST', body: form }),
}

/** `?a=1&b=x` from the defined values only. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  const text = search.toString()
  return text ? `?${text}` : ''
}
