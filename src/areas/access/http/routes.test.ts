import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { Sql } from '../../../platform/db/sql.js'
import type { App } from '../../../platform/http/types.js'
import { loadBranchOffices } from '../db/branch-offices.js'
import { createAuthenticate } from '../request-authenticator.js'
import { makeUser } from '../testing/factories.js'
import accessRoutes from './routes.js'

const clock = { now: new Date('2025-03-14T01:00:00Z') }

async function appFor(sql: Sql): Promise<App> {
  const ctx = testContext({ sql, now: () => clock.now })
  return buildApp({ ctx, authenticate: createAuthenticate(ctx), routes: [accessRoutes] })
}

async function signIn(app: App, username: string, password: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })
  expect(response.statusCode).toBe(200)
  const cookie = response.cookies.find((c) => c.name === 'semesta_session')
  if (!cookie) throw new Error('no session cookie')
  return cookie.value
}

describeDb('access routes', (ctx) => {
  it('signs in with an HttpOnly SameSite=Lax cookie, answers /me, and signs out', async () => {
    await loadBranchOffices(ctx.sql)
    const app = await appFor(ctx.sql)
    const user = await makeUser(ctx.sql, { role: 'cabang', branchCode: 'bali-gianyar', displayName: 'Cabang Gianyar' })
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: user.password } })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ user: { id: user.id, username: user.username, role: 'cabang', displayName: 'Cabang Gianyar', branchCode: 'bali-gianyar', regionCodes: ['51.04', '51.05', '51.06', '51.07'] } })
    const cookie = response.cookies.find((c) => c.name === 'semesta_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    const token = cookie?.value ?? ''

    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { semesta_session: token } })
    expect(me.statusCode).toBe(200)
    expect(me.json().user).toMatchObject({ username: user.username, regionCodes: ['51.04', '51.05', '51.06', '51.07'] })

    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { semesta_session: token } })
    expect(out.statusCode).toBe(204)
    expect(out.cookies.find((c) => c.name === 'semesta_session')?.value).toBe('')
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { semesta_session: token } })).statusCode).toBe(401)
    await app.close()
  })

  it('answers a wrong password with 401 unauthenticated and no cookie', async () => {
    const app = await appFor(ctx.sql)
    const user = await makeUser(ctx.sql, { role: 'viewer' })
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: 'salah-salah-salah' } })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('unauthenticated')
    expect(response.cookies).toEqual([])
    await app.close()
  })

  it('lets an admin add users and issue API tokens, which then authenticate as Bearer', async () => {
    const app = await appFor(ctx.sql)
    const admin = await makeUser(ctx.sql, { role: 'admin' })
    const cookie = await signIn(app, admin.username, admin.password)
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      cookies: { semesta_session: cookie },
      payload: { username: 'bni46.api', role: 'channel', sourceIds: ['bni46'], password: 'kantor-pusat-46' },
    })
    expect(created.statusCode).toBe(201)
    const partner = created.json()
    expect(partner).toMatchObject({ username: 'bni46.api', role: 'channel', sourceIds: ['bni46'], status: 'active', lastLoginAt: null })
    expect(JSON.stringify(partner)).not.toMatch(/argon2|password/)

    const tokenResponse = await app.inject({ method: 'POST', url: `/api/v1/users/${partner.id}/api-tokens`, cookies: { semesta_session: cookie }, payload: { name: 'bni prod' } })
    expect(tokenResponse.statusCode).toBe(201)
    const { token } = tokenResponse.json()
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } })
    expect(me.statusCode).toBe(200)
    expect(me.json().user).toMatchObject({ username: 'bni46.api', role: 'channel' })

    const list = await app.inject({ method: 'GET', url: '/api/v1/users?limit=200', cookies: { semesta_session: cookie } })
    expect(list.json().items.map((u: { username: string }) => u.username)).toContain('bni46.api')
    await app.close()
  })

  it('names the field of a refused user and refuses non-admins with 403', async () => {
    const app = await appFor(ctx.sql)
    const admin = await makeUser(ctx.sql, { role: 'admin' })
    const adminCookie = await signIn(app, admin.username, admin.password)
    const bad = await app.inject({ method: 'POST', url: '/api/v1/users', cookies: { semesta_session: adminCookie }, payload: { username: 'x.cabang', role: 'cabang', password: 'kantor-cabang-1' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatchObject({ code: 'missing_field', field: 'branch' })

    const kanwil = await makeUser(ctx.sql, { role: 'kanwil' })
    const kanwilCookie = await signIn(app, kanwil.username, kanwil.password)
    for (const [method, url] of [['GET', '/api/v1/users'], ['GET', '/api/v1/audit-events'], ['POST', '/api/v1/users']] as const) {
      const response = await app.inject({ method, url, cookies: { semesta_session: kanwilCookie }, ...(method === 'POST' ? { payload: { username: 'y.user', role: 'viewer', password: 'kantor-cabang-1' } } : {}) })
      expect(response.statusCode, `${method} ${url}`).toBe(403)
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401)
    await app.close()
  })

  it('serves the audit trail to admins, filtered and paginated', async () => {
    const app = await appFor(ctx.sql)
    const admin = await makeUser(ctx.sql, { role: 'admin' })
    const cookie = await signIn(app, admin.username, admin.password)
    const viewer = await makeUser(ctx.sql, { role: 'viewer' })
    for (let i = 0; i < 3; i += 1) {
      clock.now = new Date(clock.now.getTime() + 60_000)
      await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: viewer.username, password: 'wrong-wrong-wrong' } })
    }
    const url = `/api/v1/audit-events?action=auth.login_failed&subjectId=${viewer.id}&limit=2`
    const first = await app.inject({ method: 'GET', url, cookies: { semesta_session: cookie } })
    expect(first.statusCode).toBe(200)
    const page = first.json()
    expect(page.items).toHaveLength(2)
    expect(page.items[0]).toMatchObject({ action: 'auth.login_failed', subjectType: 'user', subjectId: viewer.id, details: { reason: 'bad_password' } })
    expect(page.items[0].requestId).toEqual(expect.any(String))
    const second = await app.inject({ method: 'GET', url: `${url}&cursor=${page.nextCursor}`, cookies: { semesta_session: cookie } })
    expect(second.json()).toMatchObject({ items: [{ subjectId: viewer.id }], nextCursor: null })
    const ranged = await app.inject({ method: 'GET', url: `/api/v1/audit-events?subjectId=${viewer.id}&from=2025-03-15`, cookies: { semesta_session: cookie } })
    expect(ranged.json().items).toEqual([])
    await app.close()
  })

  it('lists the branch offices for signed-in users', async () => {
    const app = await appFor(ctx.sql)
    const viewer = await makeUser(ctx.sql, { role: 'viewer' })
    const cookie = await signIn(app, viewer.username, viewer.password)
    const response = await app.inject({ method: 'GET', url: '/api/v1/branch-offices', cookies: { semesta_session: cookie } })
    expect(response.statusCode).toBe(200)
    const items = response.json().items as Array<{ code: string; regencies: unknown[] }>
    expect(items).toHaveLength(10)
    expect(items.reduce((n, b) => n + b.regencies.length, 0)).toBe(83)
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/me', '/api/v1/users', '/api/v1/audit-events', '/api/v1/branch-offices']))
    await app.close()
  })
})
