import type { Role } from './roles'
import { accessTo, findRoute, homePathFor } from './routes'

export interface MenuItem {
  path: string
  labelKey: string
  /** true when the page is a placeholder of a later issue */
  comingSoon: boolean
}

const MENU_PATHS = [
  '/dasbor',
  '/admin',
  '/agen',
  '/pemda',
  '/kanal',
  '/registri',
  '/daftar-kerja',
  '/impor',
  '/program-pemda',
  '/kinerja-agen',
  '/mitra-kanal',
  '/klaim',
  '/laporan',
  '/manfaat',
  '/audit',
  '/kalkulator',
] as const

/** The menu a role sees: only what it may open (issue 9), its own home first. */
export function menuFor(role: Role): MenuItem[] {
  const home = homePathFor(role)
  const items: MenuItem[] = []
  for (const path of MENU_PATHS) {
    const route = findRoute(path)
    if (!route || accessTo(route, role).kind !== 'allow') continue
    items.push({ path, labelKey: route.titleKey, comingSoon: route.page === 'coming-soon' })
  }
  return items.sort((a, b) => Number(b.path === home) - Number(a.path === home))
}
