import type { Role } from './roles'

/**
 * The route table: one row per page. `roles` absent = public; present = signed-in users with one of those roles.
 * Pages of later issues join here (and in menu.ts) as their APIs land.
 */
export type PageId = 'home' | 'calculator' | 'dashboard' | 'admin-home' | 'agent-home' | 'pemda-home' | 'channel-home' | 'coming-soon'

export interface RouteDef {
  path: string
  page: PageId
  roles?: readonly Role[]
  /** i18n key of the page title */
  titleKey: string
}

export const STAFF_ROLES: readonly Role[] = ['kanwil', 'cabang', 'viewer']

export const ROUTES: readonly RouteDef[] = [
  { path: '/', page: 'home', titleKey: 'signIn.title' },
  { path: '/kalkulator', page: 'calculator', titleKey: 'calculator.title' },
  { path: '/dasbor', page: 'dashboard', roles: STAFF_ROLES, titleKey: 'menu.dashboard' },
  { path: '/admin', page: 'admin-home', roles: ['admin'], titleKey: 'menu.adminHome' },
  { path: '/agen', page: 'agent-home', roles: ['agent'], titleKey: 'menu.agentHome' },
  { path: '/pemda', page: 'pemda-home', roles: ['pemda'], titleKey: 'menu.pemdaHome' },
  { path: '/kanal', page: 'channel-home', roles: ['channel'], titleKey: 'menu.channelHome' },
  { path: '/peserta', page: 'coming-soon', roles: ['admin', 'kanwil', 'cabang', 'agent', 'viewer'], titleKey: 'menu.participants' },
  { path: '/daftar-kerja', page: 'coming-soon', roles: ['kanwil', 'cabang', 'agent'], titleKey: 'menu.worklists' },
  { path: '/impor', page: 'coming-soon', roles: ['admin', 'kanwil', 'cabang', 'pemda'], titleKey: 'menu.imports' },
  { path: '/program-pemda', page: 'coming-soon', roles: ['admin', 'kanwil', 'cabang'], titleKey: 'menu.pemdaProgrammes' },
  { path: '/mitra-kanal', page: 'coming-soon', roles: ['admin', 'kanwil'], titleKey: 'menu.channels' },
  { path: '/laporan', page: 'coming-soon', roles: ['admin', 'kanwil', 'cabang', 'viewer', 'pemda'], titleKey: 'menu.reports' },
  { path: '/audit', page: 'coming-soon', roles: ['admin'], titleKey: 'menu.audit' },
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

export function findRoute(pathname: string): RouteDef | undefined {
  const path = normalisePath(pathname)
  return ROUTES.find((route) => route.path === path)
}

export type Access = { kind: 'allow' } | { kind: 'sign-in' } | { kind: 'forbidden' }

export function accessTo(route: RouteDef, role: Role | null): Access {
  if (!route.roles) return { kind: 'allow' }
  if (role === null) return { kind: 'sign-in' }
  return route.roles.includes(role) ? { kind: 'allow' } : { kind: 'forbidden' }
}
