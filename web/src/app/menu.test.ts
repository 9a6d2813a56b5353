import { describe, expect, it } from 'vitest'
import { menuFor } from './menu'

const paths = (role: Parameters<typeof menuFor>[0]) => menuFor(role).map((item) => item.path)

describe('the menu of a role', () => {
  it('gives kanwil its dashboard first and the public calculator, but not the admin pages', () => {
    const menu = paths('kanwil')
    expect(menu[0]).toBe('/dasbor')
    expect(menu).toContain('/kalkulator')
    expect(menu).not.toContain('/audit')
    expect(menu).not.toContain('/admin')
  })

  it('shows the audit log to admin only', () => {
    expect(paths('admin')).toContain('/audit')
    for (const role of ['kanwil', 'cabang', 'agent', 'pemda', 'viewer', 'channel'] as const) {
      expect(paths(role)).not.toContain('/audit')
    }
  })

  it("keeps the pemda user to their own portal, imports, reports and the calculator", () => {
    expect(paths('pemda')).toEqual(['/pemda', '/impor', '/laporan', '/kalkulator'])
  })

  it('marks pages of later issues as coming soon', () => {
    expect(menuFor('viewer').find((item) => item.path === '/mitra-kanal')).toBeUndefined()
    expect(menuFor('kanwil').find((item) => item.path === '/mitra-kanal')?.comingSoon).toBe(false)
    expect(menuFor('cabang').find((item) => item.path === '/mitra-kanal')?.comingSoon).toBe(false)
    expect(menuFor('cabang').find((item) => item.path === '/klaim')?.comingSoon).toBe(false)
    expect(menuFor('viewer').find((item) => item.path === '/klaim')).toBeUndefined()
    expect(menuFor('agent').find((item) => item.path === '/klaim')).toBeUndefined()
    expect(menuFor('cabang').find((item) => item.path === '/laporan')?.comingSoon).toBe(false)
    expect(menuFor('cabang').find((item) => item.path === '/registri')?.comingSoon).toBe(false)
    expect(menuFor('cabang').find((item) => item.path === '/dasbor')?.comingSoon).toBe(false)
  })
})
