import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { ApiError, api, setUnauthenticatedHandler } from '../lib/api'
import { readSessionUser, type SessionUser } from './roles'

export type AuthState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; user: SessionUser }

interface AuthValue {
  state: AuthState
  signIn: (username: string, password: string) => Promise<SessionUser>
  signOut: () => Promise<void>
}

const AuthContext = createContext<AuthValue | null>(null)

async function fetchMe(): Promise<SessionUser | null> {
  try {
    return readSessionUser(await api.get<unknown>('/api/v1/auth/me'))
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null
    throw error
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' })

  useEffect(() => {
    let live = true
    fetchMe()
      .then((user) => live && setState(user ? { status: 'signed-in', user } : { status: 'signed-out' }))
      .catch(() => live && setState({ status: 'signed-out' }))
    setUnauthenticatedHandler(() => setState({ status: 'signed-out' }))
    return () => {
      live = false
      setUnauthenticatedHandler(null)
    }
  }, [])

  const signIn = useCallback(async (username: string, password: string) => {
    await api.post('/api/v1/auth/login', { username, password })
    const user = await fetchMe()
    if (!user) throw new ApiError(401, 'unauthenticated', 'session not kept')
    setState({ status: 'signed-in', user })
    return user
  }, [])

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout')
    } finally {
      setState({ status: 'signed-out' })
    }
  }, [])

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut])
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth outside AuthProvider')
  return value
}
