import { describe, expect, it } from 'vitest'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import programmesRoutes from './routes.js'

describe('POST /api/v1/quotes', () => {
  it('quotes E1 like the CLI, and refuses a bad field naming it', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [programmesRoutes] })
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/quotes',
      payload: { segment: 'pu', month: '2026-03', wage: 5000000, riskGroup: 1, scale: 'large' },
    })
    expect(ok.statusCode).toBe(200)
    const body = ok.json()
    expect(body.billedIdr).toBe(462000)
    expect(body.lines).toHaveLength(6)
    expect(body.lines[0]).toMatchObject({ programme: 'jkk', payer: 'employer', amountIdr: 12000, riskGroup: 1 })
    expect(body.notBilled).toEqual([expect.objectContaining({ programme: 'jkp', payer: 'apbn', amountIdr: 11000 })])
    expect(body.dueDates.jp).toBe('2026-04-15')

    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/quotes',
      payload: { segment: 'pu', month: '2026-03', wage: 5000000, riskGroup: 6, scale: 'large' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatchObject({ code: 'out_of_range', field: 'riskGroup' })

    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/quotes',
      payload: { segment: 'pu', month: '2017-05', wage: 5000000, riskGroup: 1, scale: 'large' },
    })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().error.code).toBe('unknown_figure')
    await app.close()
  })

  it('keeps the discount fields of a BPU line in the answer', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [programmesRoutes] })
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/quotes',
      payload: { segment: 'bpu', month: '2026-04', income: 1000000, programmes: ['jkk', 'jkm', 'jht'], sector: 'other' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().billedIdr).toBe(28400)
    expect(res.json().lines[0]).toMatchObject({ discountppm: 500000, normalAmountIdr: 10000, level: 1 })
    await app.close()
  })

  it('answers the benefit calculators (E11, E12)', async () => {
    const app = await buildApp({ ctx: testContext(), routes: [programmesRoutes] })
    const jkm = await app.inject({ method: 'POST', url: '/api/v1/benefits/jkm', payload: { date: '2026-03-01', contributionMonths: 36, children: ['sd', 'sma'] } })
    expect(jkm.statusCode).toBe(200)
    expect(jkm.json()).toMatchObject({ totalIdr: 42_000_000, scholarship: { eligible: true, firstYearIdr: 4_500_000 } })
    const jkp = await app.inject({ method: 'POST', url: '/api/v1/benefits/jkp', payload: { date: '2026-03-01', wage: 7_000_000 } })
    expect(jkp.json().totalIdr).toBe(18_000_000)
    const death = await app.inject({ method: 'POST', url: '/api/v1/benefits/jkk-death', payload: { date: '2026-03-01', wage: 5_000_000 } })
    expect(death.json().totalIdr).toBe(262_000_000)
    const three = await app.inject({ method: 'POST', url: '/api/v1/benefits/jkm', payload: { date: '2026-03-01', contributionMonths: 36, children: ['sd', 'smp', 'sma'] } })
    expect(three.statusCode).toBe(400)
    expect(three.json().error).toMatchObject({ code: 'out_of_range', field: 'children' })
    await app.close()
  })
})
