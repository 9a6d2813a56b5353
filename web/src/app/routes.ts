import type { Role } from './roles'

/**
 * The route table: one row per page. `roles` absent = public; present = signed-in users with one of those roles.
 * A path may hold `:name` segments (`/registri/:id`); RouteView hands their values to the page.
 * Pages of later issues join here (and in menu.ts) as their APIs land.
 */
export type PageId =
  | 'home' | 'calculator' | 'dashboard' | 'admin-home' | 'agent-home' | 'pemda-home' | 'channel-home' | 'coming-soon'
  | 'participants' | 'participant' | 'participant-register' | 'worklists' | 'imports' | 'audit' | 'benefits' | 'reports' | 'pemda-programmes' | 'pemda-programme' | 'channels' | 'self-service' | 'agents' | 'claims'

export interface RouteDef {
  path: string
  page: PageId
  roles?: readonly Role[]
  /** i18n key of the page title */
  titleKey: string
}

export const STAFF_ROLES: readonly Role[] = ['kanwil', 'cabang', 'viewer']
/** Who may read the registry (the server masks personal data for viewers). */
export const REGISTRY_READERS: readonly Role[] = ['admin', 'kanwil', 'cabang', 'agent', 'viewer']
/** Who may register, correct and end (access policy `participant.write`). */
export const REGISTRY_WRITERS: readonly Role[] = ['admin', 'kanwil', 'cabang', 'agent']

export const ROUTES: readonly RouteDef[] = [
  { path: '/', page: 'home', titleKey: 'signIn.title' },
  { path: '/kalkulator', page: 'calculator', titleKey: 'calculator.title' },
  { path: '/dasbor', page: 'dashboard', roles: STAFF_ROLES, titleKey: 'menu.dashboard' },
  { path: '/admin', page: 'admin-home', roles: ['admin'], titleKey: 'menu.adminHome' },
  { path: '/agen', page: 'agent-home', roles: ['agent'], titleKey: 'menu.agentHome' },
  { path: '/pemda', page: 'pemda-home', roles: ['pemda'], titleKey: 'menu.pemdaHome' },
  { path: '/kanal', page: 'channel-home', roles: ['channel'], titleKey: 'menu.channelHome' },
  { path: '/peserta', page: 'self-service', titleKey: 'self.title' },
  { path: '/registri', page: 'participants', roles: REGISTRY_READERS, titleKey: 'menu.participants' },
  { path: '/registri/baru', page: 'participant-register', roles: REGISTRY_WRITERS, titleKey: 'register.title' },
  { path: '/registri/:id', page: 'participant', roles: REGISTRY_READERS, titleKey: 'participant.title' },
  { path: '/daftar-kerja', page: 'worklists', roles: ['admin', 'kanwil', 'cabang', 'agent'], titleKey: 'menu.worklists' },
  { path: '/impor', page: 'imports', roles: ['admin', 'kanwil', 'cabang', 'pemda'], titleKey: 'menu.imports' },
  { path: '/program-pemda', page: 'pemda-programmes', roles: ['admin', 'kanwil', 'cabang'], titleKey: 'menu.pemdaProgrammes' },
  { path: '/program-pemda/:id', page: 'pemda-programme', roles: ['admin', 'kanwil', 'cabang', 'pemda'], titleKey: 'menu.pemdaProgrammes' },
  { path: '/kinerja-agen', page: 'agents', roles: ['admin', 'kanwil', 'cabang'], titleKey: 'menu.agents' },
  { path: '/mitra-kanal', page: 'channels', roles: ['admin', 'kanwil', 'cabang'], titleKey: 'menu.channels' },
  { path: '/klaim', page: 'claims', roles: ['admin', 'kanwil', 'cabang'], titleKey: 'menu.claims' },
  { path: '/laporan', page: 'reports', roles: ['admin', 'kanwil', 'cabang', 'viewer', 'pemda'], titleKey: 'menu.reports' },
  { path: '/manfaat', page: 'benefits', roles: ['admin', 'kanwil', 'cabang', 'agent', 'viewer'], titleKey: 'menu.benefits' },
  { path: '/audit', page: 'audit', roles: ['admin'], titleKey: 'menu.audit' },
]

/** Where a role lands after signing in (issue 9: each role has its own home). */
export function homePathFor(role: Role): string {
  switch (role) {
    case 'admin':
      return '/admin'
    case 'agent':
      return '/agen'
    case 'pemda':
      return '/pemda'
    case 'channel':
      return '/kanal'
    case 'kanwil':
    case 'cabang':
    case 'viewer':
      return '/dasbor'
  }
}

/** Trailing slashes do not make another page: `/kalkulator/` is `/kalkulator`. */
export function normalisePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '')
  return trimmed === '' ? '/' : trimmed
}

export interface RouteMatch {
  route: RouteDef
  params: Record<string, string>
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/')
  const have = path.split('/')
  if (want.length !== have.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string
    const h = have[i] as string
    if (w.startsWith(':')) {
      if (!h) return null
      params[w.slice(1)] = decodeURIComponent(h)
    } else if (w !== h) return null
  }
  return params
}

/** The first row whose path matches; a literal row listed before a `:param` row wins (`/registri/baru`). */
export function matchRoute(pathname: string): RouteMatch | undefined {
  const path = normalisePath(pathname)
  for (const route of ROUTES) {
    const params = matchPath(route.path, path)
    if (params) return { route, params }
  }
  return undefined
}

export function findRoute(pathname: string): RouteDef | undefined {
  return matchRoute(pathname)?.route
}

export type Access = { kind: 'allow' } | { kind: 'sign-in' } | { kind: 'forbidden' }

export function accessTo(route: RouteDef, role: Role | null): Access {
  if (!route.roles) return { kind: 'allow' }
  if (role === null) return { kind: 'sign-in' }
  return route.roles.includes(role) ? { kind: 'allow' } : { kind: 'forbidden' }
}

/** May this role open the page at `path` (a link or button to it is shown only then)? */
export function mayOpen(path: string, role: Role | null): boolean {
  const route = findRoute(path)
  return route !== undefined && accessTo(route, role).kind === 'allow'
}
