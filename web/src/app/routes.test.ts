import { describe, expect, it } from 'vitest'
import { ROLES } from './roles'
import { accessTo, findRoute, homePathFor, matchRoute, mayOpen, normalisePath } from './routes'

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

  it('matches a participant page by its id, and the registration page before it', () => {
    expect(matchRoute('/registri/0190a5f0-1234')).toMatchObject({ route: { page: 'participant' }, params: { id: '0190a5f0-1234' } })
    expect(matchRoute('/registri/baru')?.route.page).toBe('participant-register')
    expect(matchRoute('/registri/a/b')).toBeUndefined()
  })

  it('lets only writers open the registration page', () => {
    expect(mayOpen('/registri/baru', 'cabang')).toBe(true)
    expect(mayOpen('/registri/baru', 'viewer')).toBe(false)
    expect(mayOpen('/registri', 'viewer')).toBe(true)
  })

  it("sends every role to a home page that role may open", () => {
    for (const role of ROLES) {
      const route = findRoute(homePathFor(role))
      expect(route, role).toBeDefined()
      expect(accessTo(route!, role)).toEqual({ kind: 'allow' })
    }
  })
})
