import { describe, expect, it } from 'vitest'
import { ROLES } from './roles'
import { accessTo, findRoute, homePathFor, normalisePath } from './routes'

describe('the route table', () => {
  it('finds a page by path, with or without a trailing slash', () => {
    expect(findRoute('/kalkulator')?.page).toBe('calculator')
    expect(findRoute('/kalkulator/')?.page).toBe('calculator')
    expect(findRoute('/')?.page).toBe('home')
    expect(findRoute('/nowhere')).toBeUndefined()
    expect(normalisePath('')).toBe('/')
  })

  it('keeps the calculator public and asks a signed-out user to sign in for staff pages', () => {
    expect(accessTo(findRoute('/kalkulator')!, null)).toEqual({ kind: 'allow' })
    expect(accessTo(findRoute('/dasbor')!, null)).toEqual({ kind: 'sign-in' })
  })

  it('refuses a page to a role it is not for', () => {
    expect(accessTo(findRoute('/dasbor')!, 'kanwil')).toEqual({ kind: 'allow' })
    expect(accessTo(findRoute('/dasbor')!, 'pemda')).toEqual({ kind: 'forbidden' })
    expect(accessTo(findRoute('/audit')!, 'cabang')).toEqual({ kind: 'forbidden' })
  })

  it("sends every role to a home page that role may open", () => {
    for (const role of ROLES) {
      const route = findRoute(homePathFor(role))
      expect(route, role).toBeDefined()
      expect(accessTo(route!, role)).toEqual({ kind: 'allow' })
    }
  })
})
