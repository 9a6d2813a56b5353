import { ApiError, api } from '../lib/api'
import { readSessionUser, type SessionUser } from '../app/roles'

export type AgenAuth =
  | { status: 'loading' }
  | { status: 'signed-out'; offline: boolean }
  | { status: 'signed-in'; user: SessionUser; offline: boolean }

const USER_KEY = 'semesta.agen.user'

export function rememberedUser(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): SessionUser | null {
  try {
    const text = storage?.getItem(USER_KEY)
    return text ? readSessionUser({ user: JSON.parse(text) }) : null
  } catch {
    return null
  }
}

export function remember(user: SessionUser | null): void {
  try {
    if (user) globalThis.localStorage?.setItem(USER_KEY, JSON.stringify(user))
    else globalThis.localStorage?.removeItem(USER_KEY)
  } catch {
    // private mode: signed in for this page only
  }
}

/**
 * Who is signed in: the server's answer when reachable; without signal, the agent last signed in on this phone (the
 * outbox and the cached portfolio are theirs), so the app opens in a village with no network.
 */
export async function loadAuth(get: (path: string) => Promise<unknown> = (p) => api.get<unknown>(p)): Promise<AgenAuth> {
  try {
    const user = readSessionUser(await get('/api/v1/auth/me'))
    remember(user)
    return user ? { status: 'signed-in', user, offline: false } : { status: 'signed-out', offline: false }
  } catch (error) {
    if (error instanceof ApiError && error.status > 0 && error.status < 500) {
      return { status: 'signed-out', offline: false }
    }
    const user = rememberedUser()
    return user ? { status: 'signed-in', user, offline: true } : { status: 'signed-out', offline: true }
  }
}

export async function signIn(username: string, password: string): Promise<SessionUser> {
  await api.post('/api/v1/auth/login', { username, password })
  const user = readSessionUser(await api.get<unknown>('/api/v1/auth/me'))
  if (!user) throw new ApiError(401, 'unauthenticated', 'session not kept')
  remember(user)
  return user
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/api/v1/auth/logout')
  } finally {
    remember(null)
  }
}
