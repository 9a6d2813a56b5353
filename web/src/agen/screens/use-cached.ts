import { useEffect, useState } from 'react'
import { cachedGet, type CachedRead } from '../cached-read'
import { readCacheFor } from '../device'

export type CachedState<T> = { status: 'loading' } | { status: 'error'; error: unknown } | ({ status: 'ready' } & CachedRead<T>)

/** A server read that still answers offline with the phone's last copy (and says from when); a new `revision` reads again. */
export function useCached<T>(userId: string, path: string | null, revision = 0): CachedState<T> {
  const [state, setState] = useState<CachedState<T>>({ status: 'loading' })
  useEffect(() => {
    if (!path) return
    let live = true
    setState({ status: 'loading' })
    cachedGet<T>(readCacheFor(userId), path, () => new Date())
      .then((read) => live && setState({ status: 'ready', ...read }))
      .catch((error: unknown) => live && setState({ status: 'error', error }))
    return () => {
      live = false
    }
  }, [userId, path, revision])
  return state
}
