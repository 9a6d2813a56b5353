import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { registerBpu } from '../../../flows/contributions.test-support.js'
import { readConfig } from '../../../platform/config.js'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { App } from '../../../platform/http/types.js'
import { actor, ACTOR_HEADER } from '../../../platform/http/test-actors.js'
import type { SnapClient } from '../../../../tools/snap-client.js'
import channelStaffRoutes from './staff-routes.js'
import { findReceipt, listPayments, standingTotalIdr } from '../../contributions/index.js'
import { workerRecord } from '../../../flows/worker-record.js'
import { testPerson } from '../../../flows/channel.test-support.js'
import { partnersResponse, reconciliationList, reconciliationResponse, transactionsResponse } from './staff-schemas.js'
import { snapWorld, type SnapWorld } from './snap-world.test-support.js'

const START = new Date('2026-02-10T03:00:00Z') // 10:00 WIB

function multipart(content: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = 'semesta-test-boundary'
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pos.csv"\r\nContent-Type: text/csv\r\n\r\n`
  return { payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

describeDb('channels staff routes (issue 9 item 7)', (ctx) => {
  let world: SnapWorld
  let app: App
  let client: SnapClient
  let partnerId: string
  const paid: Array<{ id: string; kpj: string; amount: number }> = []
  const actors = { kanwil: actor('kanwil'), cabang: actor('cabang', { regionCodes: ['51.71'] }), viewer: actor('viewer'), agent: actor('agent', { sourceIds: [] }) }
  const headers = (who: keyof typeof actors) => ({ [ACTOR_HEADER]: who })

  beforeAll(async () => {
    world = await snapWorld(ctx.sql, START)
    const added = await world.addPartner({ feeIdr: 2500 })
    client = added.client
    partnerId = added.partner.partnerId
    for (const n of [1, 2]) {
      const p = await registerBpu(ctx.sql)
      const inquiry = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: `STAFF-${process.pid}-${n}` })
      expect((await client.payFromInquiry(inquiry.body)).body.responseCode).toBe('2002500')
      paid.push({ id: inquiry.body.virtualAccountData!.inquiryRequestId, kpj: p.kpj, amount: Number(inquiry.body.virtualAccountData!.totalAmount.value) })
    }
    app = await buildApp({
      ctx: testContext({ sql: ctx.sql, now: () => world.clock.now, config: { ...readConfig({ NODE_ENV: 'test' }), dataDir: fs.mkdtempSync(`${os.tmpdir()}/semesta-settle-`) } }),
      routes: [channelStaffRoutes],
      authenticate: async (request) => actors[String(request.headers[ACTOR_HEADER] ?? '') as keyof typeof actors] ?? null,
    })
  })
  afterAll(async () => {
    await app?.close()
    await world?.close()
  })

  it('lists partners without keys or secrets; only office roles', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/channels/partners', headers: headers('cabang') })
    expect(res.statusCode).toBe(200)
    const body = partnersResponse.parse(res.json())
    expect(body.partners.find((p) => p.id === partnerId)).toMatchObject({ name: 'Kantor Pos Denpasar', code: 'POS', fee: 2500 })
    expect(Object.keys(res.json().partners[0]).sort()).toEqual(['code', 'created', 'fee', 'id', 'name', 'partnerServiceId', 'sourceId'])
    expect(res.body).not.toMatch(/secret|clientKey|PUBLIC KEY/i)
    expect((await app.inject({ method: 'GET', url: '/api/v1/channels/partners', headers: headers('viewer') })).statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: '/api/v1/channels/partners', headers: headers('agent') })).statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: '/api/v1/channels/partners' })).statusCode).toBe(401)
  })

  it("a partner's transactions of the WIB day (default today): masked customerNo, receipt, fee; bad date and unknown partner refused", async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/channels/partners/${partnerId}/transactions`, headers: headers('kanwil') })
    expect(res.statusCode).toBe(200)
    const body = transactionsResponse.parse(res.json())
    expect(body.date).toBe('2026-02-10')
    expect(body.transactions).toHaveLength(2)
    expect(body.transactions[0]).toMatchObject({ kind: 'payment', paymentRequestId: paid[0]!.id, amount: paid[0]!.amount, fee: 2500, status: '00' })
    expect(body.transactions[0]!.receiptNo).toMatch(/^BB-2026-/)
    expect(body.transactions[0]!.customerNo).not.toBe(paid[0]!.kpj)
    expect(body.transactions[0]!.customerNo.slice(-4)).toBe(paid[0]!.kpj.slice(-4))
    expect(body.fees).toEqual({ payments: 2, grossIdr: paid[0]!.amount + paid[1]!.amount, feeIdr: 5000, netIdr: paid[0]!.amount + paid[1]!.amount - 5000 })
    const other = await app.inject({ method: 'GET', url: `/api/v1/channels/partners/${partnerId}/transactions?date=2026-02-11`, headers: headers('kanwil') })
    expect(other.json().transactions).toEqual([])
    expect((await app.inject({ method: 'GET', url: `/api/v1/channels/partners/${partnerId}/transactions?date=10-02-2026`, headers: headers('kanwil') })).statusCode).toBe(400)
    expect((await app.inject({ method: 'GET', url: '/api/v1/channels/partners/00000000-0000-7000-8000-000000000000/transactions', headers: headers('kanwil') })).statusCode).toBe(404)
  })

  it('reconciles an uploaded settlement file through the reconcile flow, audited with counts only', async () => {
    const csv = [
      'trxDateTime,paymentRequestId,customerNo,amount',
      `2026-02-10T10:00:00+07:00,${paid[0]!.id},${paid[0]!.kpj},${paid[0]!.amount}.00`,
      `2026-02-10T10:05:00+07:00,UNKNOWN-1,${paid[1]!.kpj},16800.00`,
    ].join('\n')
    const upload = multipart(csv)
    const res = await app.inject({ method: 'POST', url: `/api/v1/channels/partners/${partnerId}/reconciliations?date=2026-02-10`, headers: { ...upload.headers, ...headers('kanwil') }, payload: upload.payload })
    expect(res.statusCode).toBe(200)
    const body = reconciliationResponse.parse(res.json())
    expect(body).toMatchObject({
      date: '2026-02-10', matched: 1,
      onlyAtPartner: [{ paymentRequestId: 'UNKNOWN-1', line: 3, amountIdr: 16800 }],
      onlyAtSemesta: [{ paymentRequestId: paid[1]!.id, amountIdr: paid[1]!.amount }],
      amountDiffers: [],
    })
    const audit = await ctx.sql.query<{ details: Record<string, unknown> }>(`select details from audit_events where action = 'channel.reconcile' and subject_id = $1`, [partnerId])
    expect(audit.rows).toHaveLength(1)
    expect(audit.rows[0]!.details).toMatchObject({ date: '2026-02-10', rows: 2, matched: 1, onlyAtPartner: 1, onlyAtSemesta: 1 })
    expect(JSON.stringify(audit.rows[0]!.details)).not.toContain(paid[1]!.kpj)

    const missing = multipart('foo,bar\n1,2')
    const bad = await app.inject({ method: 'POST', url: `/api/v1/channels/partners/${partnerId}/reconciliations`, headers: { ...missing.headers, ...headers('kanwil') }, payload: missing.payload })
    expect(bad.statusCode).toBe(400)
    expect((await app.inject({ method: 'POST', url: `/api/v1/channels/partners/${partnerId}/reconciliations`, headers: { ...upload.headers, ...headers('viewer') }, payload: upload.payload })).statusCode).toBe(403)

    // each run is kept: a corrected file the same day adds a second run, newest first; refused uploads keep nothing
    const corrected = multipart(csv.split('\n').slice(0, 2).join('\n'))
    const second = await app.inject({ method: 'POST', url: `/api/v1/channels/partners/${partnerId}/reconciliations?date=2026-02-10`, headers: { ...corrected.headers, ...headers('kanwil') }, payload: corrected.payload })
    expect(second.statusCode).toBe(200)
    const history = await app.inject({ method: 'GET', url: `/api/v1/channels/partners/${partnerId}/reconciliations?date=2026-02-10`, headers: headers('kanwil') })
    expect(history.statusCode).toBe(200)
    const runs = reconciliationList.parse(history.json())
    expect(runs.items.map((r) => [r.id, r.rows, r.matched, r.onlyAtPartner.length, r.onlyAtSemesta.length])).toEqual([
      [second.json().id, 1, 1, 0, 1],
      [body.id, 2, 1, 1, 1],
    ])
    expect(runs.items[1]).toMatchObject({ onlyAtPartner: body.onlyAtPartner, onlyAtSemesta: body.onlyAtSemesta, fileSha256: createHash('sha256').update(csv).digest('hex') })
    expect(JSON.stringify(runs)).not.toContain(paid[1]!.kpj)
    expect((await app.inject({ method: 'GET', url: `/api/v1/channels/partners/${partnerId}/reconciliations?date=2026-02-11`, headers: headers('kanwil') })).json().items).toEqual([])
    expect((await app.inject({ method: 'GET', url: `/api/v1/channels/partners/${partnerId}/reconciliations?date=2026-02-10`, headers: headers('viewer') })).statusCode).toBe(403)
  })

  it("a payment the partner reversed is listed as reversed (payments, receipt, the worker's own record) and left out of the totals", async () => {
    const p = await registerBpu(ctx.sql)
    const first = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: `STAFF-${process.pid}-rev` })
    expect((await client.payFromInquiry(first.body)).body.responseCode).toBe('2002500')
    const reversed = await client.reverse({ partnerReferenceNo: `STAFF-${process.pid}-rev-1`, originalPaymentRequestId: first.body.virtualAccountData!.inquiryRequestId, reason: 'salah nomor' })
    expect(reversed.body.responseCode).toBe('2009100')
    const second = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: `STAFF-${process.pid}-again` })
    expect((await client.payFromInquiry(second.body)).body.responseCode).toBe('2002500')
    const standing = Number(second.body.virtualAccountData!.totalAmount.value)
    const voided = Number(first.body.virtualAccountData!.totalAmount.value)

    const list = await listPayments(ctx.sql, p.id)
    expect(list).toHaveLength(2)
    const voidItem = list.find((i) => i.receiptNo === reversed.body.receiptNo)!
    expect(voidItem.amountIdr).toBe(voided)
    expect(voidItem.reversedAt).toEqual(world.clock.now)
    expect(list.filter((i) => i.reversedAt === null)).toHaveLength(1)
    expect(standingTotalIdr(list)).toBe(standing)
    const receipt = await findReceipt(ctx.sql, String(reversed.body.receiptNo))
    expect(receipt?.reversedAt).toEqual(world.clock.now)
    expect(receipt?.lines).toEqual([])

    const mine = await workerRecord(ctx.sql, p.id, '2026-02-10')
    expect(mine.receipts.map((r) => r.reversedAt !== null).sort()).toEqual([false, true])
    expect(mine.receipts.find((r) => r.receiptNo === reversed.body.receiptNo)?.reversedAt).toBe(world.clock.now.toISOString())
    expect(mine.receiptsTotalIdr).toBe(standing)
  })

  it("the day's registrations at the counter are in the partner's day (KPJ masked, the outcome), never in the money or the fees", async () => {
    const before = transactionsResponse.parse((await app.inject({ method: 'GET', url: `/api/v1/channels/partners/${partnerId}/transactions`, headers: headers('kanwil') })).json())
    const person = testPerson({ name: 'Wayan Loket' })
    const body = {
      partnerReferenceNo: `STAFF-REG-${process.pid}`, nik: person.nik, name: person.row.nama, birthDate: person.row.tanggal_lahir, sex: person.row.jenis_kelamin,
      phone: person.row.no_hp, regencyCode: person.row.kode_wilayah, occupation: person.row.pekerjaan, declaredIncome: { value: '2000000.00', currency: 'IDR' }, programmes: ['JKK', 'JKM'],
    }
    const registered = await client.register(body)
    expect(registered.body.responseCode).toBe('2009000')
    expect((await client.register(body)).body).toEqual(registered.body)
    expect((await client.register({ ...body, partnerReferenceNo: `STAFF-REG-${process.pid}-2` })).body).toMatchObject({ alreadyRegistered: true })
    expect((await client.register({ ...body, partnerReferenceNo: `STAFF-REG-${process.pid}-3`, name: 'Ketut Lain Sekali' })).body.responseCode).toBe('4099001')

    const day = transactionsResponse.parse((await app.inject({ method: 'GET', url: `/api/v1/channels/partners/${partnerId}/transactions`, headers: headers('cabang') })).json())
    const kpj = String(registered.body.kpj)
    expect(day.registrations.map((r) => [r.partnerReferenceNo, r.outcome])).toEqual([
      [`STAFF-REG-${process.pid}`, 'registered'], [`STAFF-REG-${process.pid}-2`, 'already_registered'], [`STAFF-REG-${process.pid}-3`, 'identity_conflict'],
    ])
    expect(day.registrations[0]!.kpj).not.toBe(kpj)
    expect(day.registrations[0]!.kpj!.slice(-4)).toBe(kpj.slice(-4))
    expect(day.registrations[2]!.kpj).toBeNull()
    expect(day.registrations[0]!.trxDateTime).toBe('2026-02-10T10:00:00+07:00')
    expect(day.transactions).toEqual(before.transactions)
    expect(day.fees).toEqual(before.fees)
    const other = transactionsResponse.parse((await app.inject({ method: 'GET', url: `/api/v1/channels/partners/${partnerId}/transactions?date=2026-02-11`, headers: headers('kanwil') })).json())
    expect(other.registrations).toEqual([])
  })
}, { referenceData: true })
