import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DomainError } from '../../kernel/errors.js'
import type { Actor } from './types.js'
import { buildApp } from './app.js'
import { actorOf } from './actor.js'
import { expectWellFormedOpenApi } from './openapi-check.test-support.js'
import { testContext } from './test-context.js'
import type { RoutePlugin } from './types.js'

const demoRoutes: RoutePlugin = async (app) => {
  app.post(
    '/api/v1/echo',
    {
      schema: {
        tags: ['system'],
        body: z.object({ nik: z.string().regex(/^\d{16}$/), months: z.number().int().min(1).max(12) }),
        response: { 200: z.object({ months: z.number() }) },
      },
    },
    async (request) => ({ months: request.body.months }),
  )
  app.get('/api/v1/refuse', async () => {
    throw new DomainError('invalid_nik', 'NIK harus 16 angka.', { field: 'nik', row: 3 })
  })
  app.get('/api/v1/down', async () => {
    throw new DomainError('unavailable', 'connect ECONNREFUSED 10.0.0.7:5432')
  })
  app.get('/api/v1/crash', async () => {
    throw new Error('relation "secret_table" does not exist at 10.0.0.5')
  })
  app.get('/api/v1/me', { preHandler: app.requireActor }, async (request) => ({ userId: actorOf(request).userId }))
}

const actor: Actor = { userId: 'u-1', username: 'kanwil.demo', role: 'kanwil', branchCode: null, regionCodes: [], sourceIds: [] }

describe('buildApp', () => {
  it('publishes a valid OpenAPI 3 document listing the routes, with tags and the staff and worker security schemes', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [demoRoutes] })
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(response.statusCode).toBe(200)
    const doc = response.json()
    expect(doc.openapi).toMatch(/^3\.0\.\d$/)
    expect(doc.info).toMatchObject({ title: 'Semesta API' })
    expect(typeof doc.info.version).toBe('string')
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerAuth', 'cookieAuth', 'workerCookie'])
    expect(doc.tags.map((tag: { name: string }) => tag.name)).toContain('regions')
    expect(doc.paths['/api/v1/echo'].post.requestBody.content['application/json'].schema.required).toEqual(['nik', 'months'])
    expect(doc.paths['/api/health'].get.tags).toEqual(['system'])
    expect(Object.keys(doc.paths)).not.toContain('/api/openapi.json')
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/api/docs'))).toBe(false)
    expectWellFormedOpenApi(doc)
    await app.close()
  })

  it('serves the interactive docs at /api/docs', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [] })
    const first = await app.inject({ method: 'GET', url: '/api/docs' })
    const page = first.statusCode === 302 ? await app.inject({ method: 'GET', url: String(first.headers.location) }) : first
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('swagger')
    expect((await app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200)
    await app.close()
  })

  it('maps a DomainError to its status and the error body, with field and details', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [demoRoutes] })
    const response = await app.inject({ method: 'GET', url: '/api/v1/refuse', headers: { 'x-request-id': 'req-1' } })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({
      error: { code: 'invalid_nik', message: 'NIK harus 16 angka.', field: 'nik', details: { row: 3 } },
      requestId: 'req-1',
    })
    await app.close()
  })

  it('answers a zod validation failure with 400 invalid_input naming the field path', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [demoRoutes] })
    const response = await app.inject({ method: 'POST', url: '/api/v1/echo', payload: { nik: '5171044201900001', months: 13 } })
    expect(response.statusCode).toBe(400)
    const body = response.json()
    expect(body.error).toMatchObject({ code: 'invalid_input', field: 'months' })
    expect(body.error.details.location).toBe('body')
    expect(response.body).not.toContain('5171044201900001')
    await app.close()
  })

  it('answers malformed JSON with 400 invalid_input', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [demoRoutes] })
    const response = await app.inject({ method: 'POST', url: '/api/v1/echo', headers: { 'content-type': 'application/json' }, payload: '{"nik": 5171' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('invalid_input')
    expect(response.body).not.toContain('5171')
    await app.close()
  })

  it('answers an unexpected error with a bare 500 internal that leaks nothing', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [demoRoutes] })
    const response = await app.inject({ method: 'GET', url: '/api/v1/crash' })
    expect(response.statusCode).toBe(500)
    expect(response.json().error.code).toBe('internal')
    expect(response.body).not.toMatch(/secret_table|10\.0\.0\.5|relation|stack/)
    expect(response.json().requestId).toBe(response.headers['x-request-id'])
    await app.close()
  })

  it('keeps the code but not the text of a server-side DomainError', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [demoRoutes] })
    const response = await app.inject({ method: 'GET', url: '/api/v1/down' })
    expect(response.statusCode).toBe(503)
    expect(response.json().error.code).toBe('unavailable')
    expect(response.body).not.toMatch(/ECONNREFUSED|10\.0\.0\.7/)
    await app.close()
  })

  it('answers an unknown API path with a JSON 404 not_found', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [] })
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('not_found')
    expect((await app.inject({ method: 'POST', url: '/snap/v1.0/nothing' })).json().error.code).toBe('not_found')
    await app.close()
  })
})

describe('request ids', () => {
  it('echoes a sane incoming x-request-id and replaces an insane one', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [] })
    const kept = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'client-abc-123' } })
    expect(kept.headers['x-request-id']).toBe('client-abc-123')
    const replaced = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'x'.repeat(300) } })
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    const generated = await app.inject({ method: 'GET', url: '/api/health' })
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(generated.headers['x-request-id']).not.toBe(replaced.headers['x-request-id'])
    await app.close()
  })
})

describe('authentication', () => {
  it('answers 401 unauthenticated on a requireActor route without a caller', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [demoRoutes], authenticate: async () => null })
    const response = await app.inject({ method: 'GET', url: '/api/v1/me' })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('unauthenticated')
    await app.close()
  })

  it('puts the authenticated caller on request.actor', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [demoRoutes], authenticate: async (request) => (request.headers.authorization === 'Bearer good' ? actor : null) })
    const response = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer good' } })
    expect(response.json()).toEqual({ userId: 'u-1' })
    await app.close()
  })
})

describe('rate limiting', () => {
  const limits = {
    api: { max: 3, timeWindowMs: 60_000 },
    routes: { 'POST /api/v1/echo': { max: 1, timeWindowMs: 60_000 } },
  }

  it('answers 429 rate_limited with Retry-After once an IP passes the /api limit', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [demoRoutes], rateLimit: limits })
    const statuses: number[] = []
    for (let i = 0; i < 4; i += 1) statuses.push((await app.inject({ method: 'GET', url: '/api/health' })).statusCode)
    expect(statuses).toEqual([200, 200, 200, 429])
    const refused = await app.inject({ method: 'GET', url: '/api/health' })
    expect(refused.json().error.code).toBe('rate_limited')
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    await app.close()
  })

  it('applies a stricter rule to a named route and none to the web app', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [demoRoutes], rateLimit: limits })
    const send = () => app.inject({ method: 'POST', url: '/api/v1/echo', payload: { nik: '5171044201900001', months: 1 } })
    expect((await send()).statusCode).toBe(200)
    expect((await send()).statusCode).toBe(429)
    for (let i = 0; i < 5; i += 1) expect((await app.inject({ method: 'GET', url: '/kalkulator' })).statusCode).toBe(200)
    await app.close()
  })

  it('is off when the options say so', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [], rateLimit: false })
    for (let i = 0; i < 10; i += 1) expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
    await app.close()
  })
})

describe('web app', () => {
  it('serves index.html for / and client-side routes, files as files, and JSON 404 under /api', async () => {
    const webRoot = mkdtempSync(path.join(tmpdir(), 'semesta-web-'))
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><html lang="id"><body>SPA</body></html>')
    writeFileSync(path.join(webRoot, 'app.js'), 'console.log(1)')
    const app = await buildApp({ ctx: testContext(), routes: [], webRoot })
    for (const url of ['/', '/kalkulator', '/agen/portofolio?x=1']) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(200)
      expect(response.body, url).toContain('SPA')
    }
    expect((await app.inject({ method: 'GET', url: '/app.js' })).body).toContain('console.log')
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: '/api/v1/none' })).json().error.code).toBe('not_found')
    await app.close()
  })

  it('serves the agent app (agen.html) for /agen and its sub-paths when built, the staff app elsewhere', async () => {
    const webRoot = mkdtempSync(path.join(tmpdir(), 'semesta-web-'))
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><html lang="id"><body>SPA</body></html>')
    writeFileSync(path.join(webRoot, 'agen.html'), '<!doctype html><html lang="id"><body>AGEN</body></html>')
    writeFileSync(path.join(webRoot, 'agen-sw.js'), 'self.addEventListener')
    const app = await buildApp({ ctx: testContext(), routes: [], webRoot })
    const body = async (url: string) => (await app.inject({ method: 'GET', url })).body
    expect(await body('/agen')).toContain('AGEN')
    expect(await body('/agen/')).toContain('AGEN')
    expect(await body('/agen/portofolio?x=1')).toContain('AGEN')
    expect(await body('/agenda')).toContain('SPA')
    expect(await body('/peserta')).toContain('SPA')
    expect(await body('/agen-sw.js')).toContain('self.addEventListener')
    await app.close()
  })

  it('says in Bahasa Indonesia that the web app is not built when there is no build', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [], webRoot: path.join(tmpdir(), 'semesta-no-such-dir') })
    for (const url of ['/', '/kalkulator']) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toContain('text/html')
      expect(response.body).toContain('<html lang="id">')
      expect(response.body).toContain('belum dibangun')
    }
    await app.close()
  })
})
