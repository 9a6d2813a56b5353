import { ApiError, api } from '../lib/api'

/** Where a read came from: the server now, or the phone's copy from `savedAt` (offline). */
export type CachedRead<T> = { value: T; savedAt: string; fromCache: boolean }

export interface ReadCache {
  get(key: string): Promise<{ value: unknown; savedAt: string } | undefined>
  put(key: string, value: unknown, savedAt: string): Promise<void>
}

/**
 * GET an API path; on success keep a copy, when offline (or the server is unreachable) answer the copy.
 * A refusal (401, 403, 4xx) is not hidden behind an old copy: it is thrown as the server said it.
 */
export async function cachedGet<T>(cache: ReadCache, path: string, now: () => Date, get: (path: string) => Promise<T> = (p) => api.get<T>(p)): Promise<CachedRead<T>> {
  try {
    const value = await get(path)
    const savedAt = now().toISOString()
    await cache.put(path, value, savedAt)
    return { value, savedAt, fromCache: false }
  } catch (error) {
    const transient = !(error instanceof ApiError) || error.status === 0 || error.status >= 500
    const copy = transient ? await cache.get(path) : undefined
    if (copy) return { value: copy.value as T, savedAt: copy.savedAt, fromCache: true }
    throw error
  }
}
