import { describe, expect, it } from 'vitest'
import { expectWellFormedOpenApi } from './platform/http/openapi-check.test-support.js'
import { DEFAULT_RATE_LIMITS } from './platform/http/rate-limit.js'
import { testContext } from './platform/http/test-context.js'
import { createServer } from './server.js'

describe('createServer', () => {
  it('serves every area and documents it in one OpenAPI document', async () => {
    const app = await createServer(testContext())
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const paths = Object.keys(doc.paths)
    expect(doc.openapi).toMatch(/^3\.0\.\d$/)
    expectWellFormedOpenApi(doc)
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/me', '/api/v1/regions', '/api/v1/quotes', '/api/health']))
    await app.close()
  })

  it('answers a public quote without sign-in', async () => {
    const app = await createServer(testContext())
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/quotes',
      payload: { segment: 'bpu', month: '2024-03', income: 1_000_000, programmes: ['jkk', 'jkm'], sector: 'other' },
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().billedIdr).toBe(16_800)
    await app.close()
  })

  it('guards signed-in routes with access authentication', async () => {
    const app = await createServer(testContext())
    const response = await app.inject({ method: 'GET', url: '/api/v1/auth/me' })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('unauthenticated')
    await app.close()
  })

  it('answers / with an HTML page in Bahasa Indonesia', async () => {
    const app = await createServer(testContext())
    const response = await app.inject({ method: 'GET', url: '/' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('lang="id"')
    await app.close()
  })

  it('limits sign-in attempts per IP and username, before any password is checked', async () => {
    const app = await createServer(testContext(), { rateLimit: DEFAULT_RATE_LIMITS })
    const attempt = (username: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'salah-lagi' } })
    const { max } = DEFAULT_RATE_LIMITS.routes['POST /api/v1/auth/login']!
    for (let i = 0; i < max; i += 1) expect((await attempt('kanwil.demo')).statusCode).not.toBe(429)
    const refused = await attempt('kanwil.demo')
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error.code).toBe('rate_limited')
    expect((await attempt('cabang.denpasar')).statusCode).not.toBe(429)
    await app.close()
  })
})
