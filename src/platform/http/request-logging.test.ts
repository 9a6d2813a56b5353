import { describe, expect, it } from 'vitest'
import { DomainError } from '../../kernel/errors.js'
import { createLogger } from '../log.js'
import { buildApp } from './app.js'
import { testContext } from './test-context.js'
import type { RoutePlugin } from './types.js'

const NIK = '5171044201900001'
const NAME = 'Ni Made Wirawati'

const routes: RoutePlugin = async (app) => {
  app.post('/api/v1/people/:nik', async (request) => {
    request.log.info({ body: request.body, params: request.params, query: request.query }, 'received')
    throw new DomainError('invalid_nik', `NIK ${NIK} tidak cocok dengan ${NAME.length} huruf nama`, { field: 'nik', nik: NIK })
  })
  app.get('/api/v1/people/:nik', async () => {
    throw new Error(`lookup of ${NIK} failed: duplicate key (nik)=(${NIK})`)
  })
}

describe('request logging', () => {
  it('never lets a NIK from the path, the query, the body or an error message reach the log', async () => {
    const lines: string[] = []
    const logger = createLogger({ level: 'debug', destination: { write: (line: string) => lines.push(line) } })
    const app = await buildApp({ ctx: testContext(), routes: [routes], logger })
    const query = `?nik=${NIK}&nama=${encodeURIComponent(NAME)}&month=2025-01`
    const posted = await app.inject({
      method: 'POST',
      url: `/api/v1/people/${NIK}${query}`,
      payload: { participant: { nik: NIK, fullName: NAME, phoneNumber: '081234567890', alamat: 'Jl. Gatot Subroto' } },
      headers: { 'x-request-id': 'trace-nik-1', authorization: 'Bearer sekret-token', cookie: 'semesta_session=abc' },
    })
    expect(posted.statusCode).toBe(400)
    const crashed = await app.inject({ method: 'GET', url: `/api/v1/people/${NIK}${query}` })
    expect(crashed.statusCode).toBe(500)
    await app.close()

    const log = lines.join('')
    expect(lines.length).toBeGreaterThanOrEqual(6)
    for (const secret of [NIK, NAME, encodeURIComponent(NAME), '081234567890', 'Gatot', 'sekret-token', 'semesta_session=abc']) {
      expect(log, secret).not.toContain(secret)
    }
    expect(log).toContain('/api/v1/people/5171********0001?nik=[redacted]&nama=[redacted]&month=2025-01')
    const requestLines = lines.map((line) => JSON.parse(line) as { requestId?: string; msg: string })
    expect(requestLines.every((line) => typeof line.requestId === 'string')).toBe(true)
    expect(requestLines.filter((line) => line.requestId === 'trace-nik-1').map((line) => line.msg)).toEqual(
      expect.arrayContaining(['incoming request', 'received', 'request refused', 'request completed']),
    )
    const completed = requestLines.find((line) => line.requestId === 'trace-nik-1' && line.msg === 'request completed') as unknown as { req: { url: string }; res: { statusCode: number } }
    expect(completed.req.url).toBe(`/api/v1/people/5171********0001?nik=[redacted]&nama=[redacted]&month=2025-01`)
    expect(completed.res.statusCode).toBe(400)
  })

  it('logs a successful request at debug only (the hot read paths pay no log line at info), every request at debug', async () => {
    const capture = async (level: string) => {
      const lines: string[] = []
      const logger = createLogger({ level, destination: { write: (line: string) => lines.push(line) } })
      const app = await buildApp({ ctx: testContext(), routes: [], logger })
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
      await app.close()
      return lines.map((line) => (JSON.parse(line) as { msg: string }).msg)
    }
    expect(await capture('info')).toEqual([])
    expect(await capture('debug')).toEqual(expect.arrayContaining(['incoming request', 'request completed']))
  })
})
