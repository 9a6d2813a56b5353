import { useEffect, useState } from 'react'

export type LazyLoad<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T }

/** Loads something heavy once (a chunk with the regulation data, the NIK prefix table…) after the page shows. */
export function useLazy<T>(load: () => Promise<T>): LazyLoad<T> {
  const [state, setState] = useState<LazyLoad<T>>({ status: 'loading' })
  useEffect(() => {
    let live = true
    load()
      .then((value) => live && setState({ status: 'ready', value }))
      .catch((error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }))
    return () => {
      live = false
    }
    // the loader is a module-level import: run once
  }, [])
  return state
}
