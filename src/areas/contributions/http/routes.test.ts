import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { expectWellFormedOpenApi } from '../../../platform/http/openapi-check.test-support.js'
import { participantAccount } from '../../../flows/participant-account.js'
import { trialBalance } from '../../ledger/index.js'
import { markPaymentReversed } from '../db/payments.js'
import { actor, ACTOR_HEADER, contributionsApp, makeSource, registerBpu } from './routes.test-support.js'

const NOW = new Date('2025-03-14T02:00:00Z')

describeDb('contributions API', (ctx) => {
  const agentSource = '0190a6a0-0000-7000-8000-00000000a001'
  const actors = {
    kanwil: actor('kanwil'),
    kupang: actor('cabang', { regionCodes: ['53.71'] }),
    denpasar: actor('cabang', { regionCodes: ['51.71'] }),
    viewer: actor('viewer', { regionCodes: ['53.71'] }),
  }
  const as = (who: string, key?: string) => ({ [ACTOR_HEADER]: who, ...(key ? { 'idempotency-key': key } : {}) })

  it('records a payment once per Idempotency-Key: the replay answers the same body and the money moves once', async () => {
    const app = await contributionsApp(ctx.sql, actors, NOW)
    const sourceId = await makeSource(ctx.sql)
    const p = await registerBpu(ctx.sql, sourceId)
    const payload = { kpj: p.kpj, months: 3, paidOn: '2025-03-10' }
    const first = await app.inject({ method: 'POST', url: '/api/v1/payments', headers: as('kupang', 'pay-1'), payload })
    expect(first.statusCode).toBe(201)
    const body = first.json()
    expect(body).toMatchObject({ replayed: false, participantId: p.id, months: ['2025-03', '2025-04', '2025-05'], paidThrough: '2025-05', status: 'aktif' })
    expect(body.receiptNo).toMatch(/^BB-2025-\d{6}$/)
    const transfersBefore = (await trialBalance(ctx.sql)).transfers
    const replay = await app.inject({ method: 'POST', url: '/api/v1/payments', headers: as('kupang', 'pay-1'), payload })
    expect(replay.statusCode).toBe(201)
    expect(replay.headers['idempotent-replayed']).toBe('true')
    expect(replay.json()).toEqual({ ...body, replayed: true })
    expect((await trialBalance(ctx.sql)).transfers).toBe(transfersBefore)
    const payments = (await app.inject({ method: 'GET', url: `/api/v1/participants/${p.id}/payments`, headers: as('kupang') })).json()
    expect(payments.items).toHaveLength(1)
    expect(payments.items[0]).toMatchObject({ receiptNo: body.receiptNo, amountIdr: body.amountIdr, receiptUrl: `/api/v1/receipts/${body.receiptNo}` })
    const other = await app.inject({ method: 'POST', url: '/api/v1/payments', headers: as('kupang', 'pay-1'), payload: { ...payload, months: 2 } })
    expect(other.statusCode).toBe(409)
    const ledger = await trialBalance(ctx.sql)
    expect(ledger.balanced).toBe(true)
    await app.close()
  })

  it('needs the Idempotency-Key, exactly one way to name the participant, and months or an amount', async () => {
    const app = await contributionsApp(ctx.sql, actors, NOW)
    const p = await registerBpu(ctx.sql, await makeSource(ctx.sql))
    expect((await app.inject({ method: 'POST', url: '/api/v1/payments', headers: as('kupang'), payload: { kpj: p.kpj, months: 1, paidOn: '2025-03-10' } })).statusCode).toBe(400)
    expect((await app.inject({ method: 'POST', url: '/api/v1/payments', headers: as('kupang', 'k-2'), payload: { kpj: p.kpj, nik: p.nik, months: 1, paidOn: '2025-03-10' } })).statusCode).toBe(400)
    expect((await app.inject({ method: 'POST', url: '/api/v1/payments', headers: as('kupang', 'k-3'), payload: { kpj: p.kpj, paidOn: '2025-03-10' } })).statusCode).toBe(400)
    expect((await app.inject({ method: 'POST', url: '/api/v1/payments', headers: as('kupang', 'k-4'), payload: { kpj: p.kpj, months: 13, paidOn: '2025-03-10' } })).statusCode).toBe(400)
    await app.close()
  })

  it('answers 404 outside the caller\'s regencies or portfolio (as the registry does), 403 to a role that may not pay', async () => {
    const agent = actor('agent', { sourceIds: [agentSource] })
    const app = await contributionsApp(ctx.sql, { ...actors, agent }, NOW)
    const p = await registerBpu(ctx.sql, await makeSource(ctx.sql))
    const pay = (who: string, key: string) => app.inject({ method: 'POST', url: '/api/v1/payments', headers: as(who, key), payload: { participantId: p.id, months: 1, paidOn: '2025-03-10' } })
    expect((await pay('denpasar', 'o-1')).statusCode).toBe(404)
    expect((await pay('agent', 'o-2')).statusCode).toBe(404)
    expect((await pay('viewer', 'o-3')).statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: `/api/v1/participants/${p.id}/account`, headers: as('denpasar') })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: `/api/v1/participants/${p.id}/account`, headers: as('viewer') })).statusCode).toBe(200)
    await app.close()
  })

  it('lets an agent pay for its own portfolio, collected under its source', async () => {
    const sourceId = await makeSource(ctx.sql, 'agent', 'Agen Perisai Oebobo')
    const agent = actor('agent', { sourceIds: [sourceId] })
    const app = await contributionsApp(ctx.sql, { agent }, NOW)
    const p = await registerBpu(ctx.sql, sourceId)
    const paid = await app.inject({ method: 'POST', url: '/api/v1/payments', headers: as('agent', 'ag-1'), payload: { nik: p.nik, amountIdr: 30_000, paidOn: '2025-03-12' } })
    expect(paid.statusCode).toBe(201)
    expect(paid.json()).toMatchObject({ months: ['2025-03'] })
    expect(paid.json().creditIdr).toBe(30_000 - paid.json().allocated[0].amountIdr)
    const receipt = (await app.inject({ method: 'GET', url: `/api/v1/receipts/${paid.json().receiptNo}`, headers: as('agent') })).json()
    expect(receipt).toMatchObject({ channel: 'agent', participant: { personalDataMasked: false } })
    await app.close()
  })

  it('shows the account as the flow computes it, at a given date', async () => {
    const app = await contributionsApp(ctx.sql, actors, NOW)
    const p = await registerBpu(ctx.sql, await makeSource(ctx.sql))
    await app.inject({ method: 'POST', url: '/api/v1/payments', headers: as('kanwil', 'acc-1'), payload: { participantId: p.id, months: 2, paidOn: '2025-01-10' } })
    const res = await app.inject({ method: 'GET', url: `/api/v1/participants/${p.id}/account?asOf=2025-03-20`, headers: as('kupang') })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(await participantAccount(ctx.sql, p.id, '2025-03-20'))))
    expect(res.json()).toMatchObject({ status: 'menunggak', paidThrough: '2025-02' })
    await app.close()
  })

  it('prints the receipt as JSON and as a PDF with the NIK masked', async () => {
    const app = await contributionsApp(ctx.sql, actors, NOW)
    const p = await registerBpu(ctx.sql, await makeSource(ctx.sql))
    const paid = (await app.inject({ method: 'POST', url: '/api/v1/payments', headers: as('kupang', 'r-1'), payload: { participantId: p.id, months: 2, paidOn: '2025-03-10' } })).json()
    const json = await app.inject({ method: 'GET', url: `/api/v1/receipts/${paid.receiptNo}`, headers: as('kupang') })
    expect(json.statusCode).toBe(200)
    expect(json.json()).toMatchObject({ receiptNo: paid.receiptNo, zone: 'WITA', amountIdr: paid.amountIdr, participant: { kpj: p.kpj, name: 'Yohanes Benu' } })
    expect(json.json().participant.nik).not.toBe(p.nik)
    expect(json.json().months.map((m: { month: string }) => m.month)).toEqual(['2025-03', '2025-04'])
    expect(json.body).not.toContain(p.nik)
    const masked = (await app.inject({ method: 'GET', url: `/api/v1/receipts/${paid.receiptNo}`, headers: as('viewer') })).json()
    expect(masked.participant).toMatchObject({ name: 'Y****** B***', personalDataMasked: true })
    const pdf = await app.inject({ method: 'GET', url: `/api/v1/receipts/${paid.receiptNo}.pdf`, headers: as('kupang') })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.rawPayload.toString('latin1')).toMatch(/\/Type \/Page\b/)
    expect(pdf.rawPayload.toString('latin1')).not.toContain(p.nik)
    expect((await app.inject({ method: 'GET', url: `/api/v1/receipts/${paid.receiptNo}.pdf`, headers: as('denpasar') })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: '/api/v1/receipts/BB-2025-999999', headers: as('kupang') })).statusCode).toBe(404)
    await app.close()
  })

  it('lists a reversed payment as reversed, out of the total; its receipt says so and settles nothing', async () => {
    const app = await contributionsApp(ctx.sql, actors, NOW)
    const p = await registerBpu(ctx.sql, await makeSource(ctx.sql))
    const first = (await app.inject({ method: 'POST', url: '/api/v1/payments', headers: as('kupang', 'rev-1'), payload: { participantId: p.id, months: 1, paidOn: '2025-03-10' } })).json()
    const reversedAt = new Date('2025-03-10T05:00:00Z')
    expect(await markPaymentReversed(ctx.sql, first.paymentId, reversedAt)).toBeGreaterThan(0)
    expect(await markPaymentReversed(ctx.sql, first.paymentId, new Date('2025-03-11T05:00:00Z'))).toBe(0)
    const second = (await app.inject({ method: 'POST', url: '/api/v1/payments', headers: as('kupang', 'rev-2'), payload: { participantId: p.id, months: 2, paidOn: '2025-03-12' } })).json()
    const list = await app.inject({ method: 'GET', url: `/api/v1/participants/${p.id}/payments`, headers: as('kupang') })
    expect(list.statusCode).toBe(200)
    const body = list.json() as { items: Array<{ receiptNo: string; reversedAt: string | null }>; totalIdr: number }
    expect(body.items.map((i) => [i.receiptNo, i.reversedAt])).toEqual([[second.receiptNo, null], [first.receiptNo, reversedAt.toISOString()]])
    expect(body.totalIdr).toBe(second.amountIdr)
    const receipt = (await app.inject({ method: 'GET', url: `/api/v1/receipts/${first.receiptNo}`, headers: as('kupang') })).json()
    expect(receipt).toMatchObject({ reversedAt: reversedAt.toISOString(), months: [] })
    expect((await app.inject({ method: 'GET', url: `/api/v1/receipts/${second.receiptNo}`, headers: as('kupang') })).json().reversedAt).toBeNull()
    await app.close()
  })

  it('documents every route in the OpenAPI document', async () => {
    const app = await contributionsApp(ctx.sql, actors, NOW)
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expectWellFormedOpenApi(doc)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/v1/payments', '/api/v1/participants/{id}/account', '/api/v1/participants/{id}/payments', '/api/v1/receipts/{receiptNo}',
      '/api/v1/receipts/{receiptNo}.pdf', '/api/v1/worklists/{kind}',
    ]))
    expect(doc.paths['/api/v1/payments'].post.parameters.some((p: { name: string; required: boolean }) => p.name === 'idempotency-key' && p.required)).toBe(true)
    await app.close()
  })
}, { referenceData: true })
