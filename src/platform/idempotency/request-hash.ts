import { hash } from 'node:crypto'

/** JSON with object keys sorted at every depth, so `{a,b}` and `{b,a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined && typeof item !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
}

/** The path with its query parameters in a fixed order. */
export function canonicalUrl(url: string): string {
  const mark = url.indexOf('?')
  if (mark === -1) return url
  const query = url.slice(mark + 1).split('&').filter(Boolean).sort().join('&')
  return query ? `${url.slice(0, mark)}?${query}` : url.slice(0, mark)
}

export interface HashedRequest {
  method: string
  url: string
  body: unknown
}

/** sha256 (hex) of method, canonical URL and canonical body: what "the same request" means for a retried key. */
export function requestHash(request: HashedRequest): string {
  return hash('sha256', `${request.method.toUpperCase()}\n${canonicalUrl(request.url)}\n${canonicalJson(request.body ?? null)}`, 'hex')
}
