import { describe, expect, it } from 'vitest'
import { ApiError, apiRequest, setUnauthenticatedHandler, toApiError } from './api'

function fakeFetch(status: number, body: unknown): typeof fetch {
  return (async () => new Response(body === undefined ? '' : JSON.stringify(body), { status })) as typeof fetch
}

describe('the API client', () => {
  it('returns the parsed JSON of a 2xx answer', async () => {
    const data = await apiRequest<{ ok: boolean }>('/api/v1/x', { fetchImpl: fakeFetch(200, { ok: true }) })
    expect(data).toEqual({ ok: true })
  })

  it("raises Semesta's error body as an ApiError with code, message and field", async () => {
    const body = { error: { code: 'invalid_input', message: 'Penghasilan harus angka', field: 'incomeIdr' }, requestId: 'r1' }
    const error = await apiRequest('/api/v1/x', { fetchImpl: fakeFetch(400, body) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, code: 'invalid_input', message: 'Penghasilan harus angka', field: 'incomeIdr', requestId: 'r1' })
  })

  it('gives a readable error for an answer that is not JSON', () => {
    expect(toApiError(502, undefined)).toMatchObject({ status: 502, code: 'internal', message: 'HTTP 502' })
    expect(toApiError(404, 'nope')).toMatchObject({ code: 'not_found' })
  })

  it('reports a failed connection as a network error', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch')
    }) as typeof fetch
    await expect(apiRequest('/api/v1/x', { fetchImpl: failing })).rejects.toMatchObject({ code: 'network', status: 0 })
  })

  it('sends a JSON body with its content type', async () => {
    let seen: RequestInit | undefined
    const spy = (async (_url: string, init: RequestInit) => {
      seen = init
      return new Response('{}', { status: 200 })
    }) as unknown as typeof fetch
    await apiRequest('/api/v1/auth/login', { method: 'POST', body: { username: 'a' }, fetchImpl: spy })
    expect(seen?.body).toBe('{"username":"a"}')
    expect((seen?.headers as Record<string, string>)['content-type']).toBe('application/json')
  })

  it('tells the auth context when a call answers 401 (a session that timed out), but not for sign-in itself', async () => {
    let calls = 0
    setUnauthenticatedHandler(() => calls++)
    const body = { error: { code: 'unauthenticated', message: 'Silakan masuk' } }
    await apiRequest('/api/v1/regions', { fetchImpl: fakeFetch(401, body) }).catch(() => undefined)
    await apiRequest('/api/v1/auth/login', { method: 'POST', body: {}, fetchImpl: fakeFetch(401, body) }).catch(() => undefined)
    setUnauthenticatedHandler(null)
    expect(calls).toBe(1)
  })
})
