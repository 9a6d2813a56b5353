import { describe, expect, it } from 'vitest'
import { testContext } from './platform/http/test-context.js'
import { createServer } from './server.js'

describe('createServer', () => {
  it('serves every area and documents it in one OpenAPI document', async () => {
    const app = await createServer(testContext())
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const paths = Object.keys(doc.paths)
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/me', '/api/health']))
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
})
