import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { trialBalance } from '../../ledger/index.js'
import { SNAP_PATHS, type SnapClient } from '../../../../tools/snap-client.js'
import { hmacSign, rsaSignToken, transactionString } from '../index.js'
import { pay, registerBpu } from '../../../flows/contributions.test-support.js'
import { expectWellFormedOpenApi } from '../../../platform/http/openapi-check.test-support.js'
import { snapWorld, partnerKeys, type SnapWorld } from './snap-world.test-support.js'

// 10:00 WIB (11:00 WITA) on a Tuesday; workers registered 2025-12-20 owe from February 2026 (never paid)
const START = new Date('2026-02-10T03:00:00Z')

describeDb('SNAP biller API: token, signatures, inquiry, payment, status (issue 6)', (ctx) => {
  let world: SnapWorld
  let client: SnapClient
  let partnerId: string
  const balanced = async () => expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  const paymentsOf = async (participantId: string) =>
    (await ctx.sql.query<{ n: number }>('select count(*)::int8 as n from payments where participant_id = $1', [participantId])).rows[0]!.n
  let serial = 0
  const nextId = (prefix: string) => `${prefix}-${process.pid}-${++serial}`

  beforeAll(async () => {
    world = await snapWorld(ctx.sql, START)
    const added = await world.addPartner({ feeIdr: 2500 })
    client = added.client
    partnerId = added.partner.partnerId
  })
  afterAll(() => world.close())

  it('the SNAP routes are in the OpenAPI document under the channels tag, and a body that is not JSON is 4002400', async () => {
    const doc = (await world.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { tags?: string[] }>> }
    expectWellFormedOpenApi(doc)
    for (const path of Object.values(SNAP_PATHS)) expect(doc.paths[path]?.post?.tags, path).toEqual(['channels'])
    const body = '{"partnerServiceId":'
    const r = await world.app.inject({ method: 'POST', url: SNAP_PATHS.inquiry, headers: { 'content-type': 'application/json', ...client.signedHeaders(SNAP_PATHS.inquiry, body) }, payload: body })
    expect(r.statusCode).toBe(400)
    expect(r.json()).toEqual({ responseCode: '4002400', responseMessage: 'Bad Request' })
  })

  it('the token call: 2007300 with a 900 s Bearer token; a bad RSA signature or an unknown client key is 4017300', async () => {
    const ok = await client.token()
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ responseCode: '2007300', tokenType: 'Bearer', expiresIn: '900' })
    const timestamp = client.timestamp()
    const send = (headers: Record<string, string>) =>
      world.app.inject({ method: 'POST', url: SNAP_PATHS.token, headers: { 'content-type': 'application/json', 'x-timestamp': timestamp, ...headers }, payload: '{"grantType":"client_credentials"}' })
    const bad = await send({ 'x-client-key': client.options.clientKey, 'x-signature': rsaSignToken(partnerKeys().privateKey, 'someone-else', timestamp) })
    expect(bad.statusCode).toBe(401)
    expect(bad.json()).toEqual({ responseCode: '4017300', responseMessage: 'Unauthorized. Invalid Signature' })
    const unknown = await send({ 'x-client-key': 'no-such-client', 'x-signature': rsaSignToken(partnerKeys().privateKey, 'no-such-client', timestamp) })
    expect(unknown.json()).toMatchObject({ responseCode: '4017300' })
  })

  it('bad signature, stale timestamp, unknown partner, expired token: 401 codes before anything is read or booked', async () => {
    const p = await registerBpu(ctx.sql)
    const body = JSON.stringify({ ...client.virtualAccount(p.kpj), inquiryRequestId: nextId('INQ') })
    const headers = client.signedHeaders(SNAP_PATHS.inquiry, body)
    const inquire = (h: Record<string, string>, payload = body) =>
      world.app.inject({ method: 'POST', url: SNAP_PATHS.inquiry, headers: { 'content-type': 'application/json', ...h }, payload })

    const tampered = await inquire(headers, body.replace(p.kpj, p.nik))
    expect(tampered.statusCode).toBe(401)
    expect(tampered.json()).toEqual({ responseCode: '4012400', responseMessage: 'Unauthorized. Invalid Signature' })
    const reserialised = await inquire(headers, JSON.stringify(JSON.parse(body), null, 2))
    expect(reserialised.json()).toMatchObject({ responseCode: '4012400' })
    const otherSecret = hmacSign('not-the-secret', transactionString({ method: 'POST', path: SNAP_PATHS.inquiry, accessToken: client.accessToken!, rawBody: body, timestamp: headers['X-TIMESTAMP']! }))
    expect((await inquire({ ...headers, 'X-SIGNATURE': otherSecret })).json()).toMatchObject({ responseCode: '4012400' })

    world.clock.now = new Date(START.getTime() + 6 * 60_000)
    const stale = await inquire(headers)
    expect(stale.json()).toEqual({ responseCode: '4012400', responseMessage: 'Unauthorized. X-TIMESTAMP outside the allowed window' })
    world.clock.now = START

    const unknown = await inquire({ ...headers, 'X-PARTNER-ID': '00000000-0000-4000-8000-000000000000' })
    expect(unknown.json()).toEqual({ responseCode: '4012400', responseMessage: 'Unauthorized. Unknown Client' })
    const missing = await inquire({ ...headers, 'X-EXTERNAL-ID': '' })
    expect(missing.json()).toMatchObject({ responseCode: '4002402', responseMessage: 'Invalid Mandatory Field X-EXTERNAL-ID' })

    world.clock.now = new Date(START.getTime() + 901_000)
    const expired = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('INQ') })
    expect(expired.status).toBe(401)
    expect(expired.body).toEqual({ responseCode: '4012401', responseMessage: 'Invalid Token (B2B)' })
    await client.token()
    expect((await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('INQ') })).body.responseCode).toBe('2002400')
    world.clock.now = START
    await client.token()
    expect(await paymentsOf(p.id)).toBe(0)
    await balanced()
  })

  it('inquiry: one month by default, N as asked, by KPJ or NIK; the name masked; unknown customerNo 4042412; a bad one 4002401', async () => {
    const p = await registerBpu(ctx.sql, '2025-12-20', { nama: 'Ni Made Wirawati' })
    const one = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('INQ') })
    expect(one.status).toBe(200)
    const va = one.body.virtualAccountData!
    expect(one.body.responseCode).toBe('2002400')
    expect(va.virtualAccountName).toBe('N* M*** W*******')
    expect(va.billDetails.map((b) => b.billNo)).toEqual(['202602'])
    expect(va.totalAmount).toEqual(va.billDetails[0]!.billAmount)
    const three = await client.inquiry({ customerNo: p.nik, inquiryRequestId: nextId('INQ'), months: 3 })
    const bills = three.body.virtualAccountData!.billDetails
    expect(bills.map((b) => b.billNo)).toEqual(['202602', '202603', '202604'])
    expect(Number(three.body.virtualAccountData!.totalAmount.value)).toBe(bills.reduce((t, b) => t + Number(b.billAmount.value), 0))
    const unknown = await client.inquiry({ customerNo: '51710101019099', inquiryRequestId: nextId('INQ') })
    expect(unknown.body).toMatchObject({ responseCode: '4002401', responseMessage: 'Invalid Field Format customerNo' })
    const notFound = await client.inquiry({ customerNo: '99999999999', inquiryRequestId: nextId('INQ') })
    expect(notFound.status).toBe(404)
    expect(notFound.body.responseCode).toBe('4042412')
    const tooMany = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('INQ'), months: 13 })
    expect(tooMany.body.responseCode).toBe('4002401')
  })

  it('a worker whose months a pemda pays owes nothing at the channel: 4042414', async () => {
    const p = await registerBpu(ctx.sql, '2025-12-20', {}, 'pemda')
    const r = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('INQ') })
    expect(r.status).toBe(404)
    expect(r.body.responseCode).toBe('4042414')
  })

  it('payment: posts through contributions and the ledger, returns the receipt; status 26 finds it; an unknown one is 4042601', async () => {
    const p = await registerBpu(ctx.sql)
    const inquiry = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('PAY'), months: 2 })
    const paid = await client.payFromInquiry(inquiry.body, { referenceNo: 'AUTH-1' })
    expect(paid.status).toBe(200)
    expect(paid.body).toMatchObject({ responseCode: '2002500', virtualAccountData: { paymentFlagStatus: '00', paidBills: 'C00000', referenceNo: 'AUTH-1' } })
    const info = paid.body.virtualAccountData!.additionalInfo as { receiptNo: string; paidThrough: string }
    expect(info.receiptNo).toMatch(/^BB-2026-\d{6}$/)
    expect(info.paidThrough).toBe('2026-03')
    expect(await paymentsOf(p.id)).toBe(1)
    const inTransit = await ctx.sql.query<{ balance: number }>(
      `select coalesce(sum(e.amount_idr), 0)::int8 as balance from ledger_entries e join ledger_accounts a on a.id = e.account_id where a.kind = 'channel_in_transit' and a.ref = $1`, [partnerId])
    expect(inTransit.rows[0]!.balance).toBeGreaterThanOrEqual(Number(inquiry.body.virtualAccountData!.totalAmount.value))
    const next = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('INQ') })
    expect(next.body.virtualAccountData!.billDetails.map((b) => b.billNo)).toEqual(['202604'])

    const status = await client.status({ customerNo: p.kpj, paymentRequestId: inquiry.body.virtualAccountData!.inquiryRequestId })
    expect(status.body).toMatchObject({ responseCode: '2002600', virtualAccountData: { paymentFlagStatus: '00', paidAmount: inquiry.body.virtualAccountData!.totalAmount } })
    const none = await client.status({ customerNo: p.kpj, paymentRequestId: 'NEVER-PAID' })
    expect(none.status).toBe(404)
    expect(none.body.responseCode).toBe('4042601')
    await balanced()
  })

  it('already-paid bill: paid at the counter after the inquiry, the channel\'s payment is 4042514 and moves nothing', async () => {
    const p = await registerBpu(ctx.sql)
    const inquiry = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('PAY') })
    await pay(ctx.sql, p.id, '2026-02-10', { months: 1 })
    const paid = await client.payFromInquiry(inquiry.body)
    expect(paid.status).toBe(404)
    expect(paid.body.responseCode).toBe('4042514')
    expect(await paymentsOf(p.id)).toBe(1)
    await balanced()
  })

  it('amount not matching: 4042513 binds nothing; the corrected retry with the same paymentRequestId pays', async () => {
    const p = await registerBpu(ctx.sql)
    const inquiry = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('PAY') })
    const total = Number(inquiry.body.virtualAccountData!.totalAmount.value)
    const wrong = await client.payFromInquiry(inquiry.body, { paidAmount: `${total - 100}.00` })
    expect(wrong.status).toBe(404)
    expect(wrong.body.responseCode).toBe('4042513')
    expect(await paymentsOf(p.id)).toBe(0)
    const right = await client.payFromInquiry(inquiry.body, { flagAdvise: 'Y' })
    expect(right.body.responseCode).toBe('2002500')
    expect(await paymentsOf(p.id)).toBe(1)
    await balanced()
  })

  it('replays: the same body answers the original response and moves no money; another body is 4042518 with the original payment\'s data; the same X-EXTERNAL-ID is 4092500', async () => {
    const p = await registerBpu(ctx.sql)
    const inquiry = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('PAY'), months: 2 })
    const first = await client.payFromInquiry(inquiry.body, {}, { externalId: 'EXT-REPLAY-1' })
    expect(first.body.responseCode).toBe('2002500')
    const again = await client.payFromInquiry(inquiry.body, { flagAdvise: 'Y' })
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect(await paymentsOf(p.id)).toBe(1)

    const oneMonth = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: inquiry.body.virtualAccountData!.inquiryRequestId })
    const other = await client.payFromInquiry(oneMonth.body)
    expect(other.status).toBe(404)
    expect(other.body.responseCode).toBe('4042518')
    expect(other.body.virtualAccountData).toMatchObject({
      paymentRequestId: inquiry.body.virtualAccountData!.inquiryRequestId, paidAmount: inquiry.body.virtualAccountData!.totalAmount, paidBills: 'C00000',
    })
    expect(await paymentsOf(p.id)).toBe(1)

    const sameExternal = await client.payFromInquiry(inquiry.body, { flagAdvise: 'Y' }, { externalId: 'EXT-REPLAY-1' })
    expect(sameExternal.status).toBe(409)
    expect(sameExternal.body.responseCode).toBe('4092500')
    await balanced()
  })

  it('50 concurrent copies of one payment move money once and all answer the same', async () => {
    const p = await registerBpu(ctx.sql)
    const inquiry = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('RACE'), months: 3 })
    const copies = await Promise.all(Array.from({ length: 50 }, () => client.payFromInquiry(inquiry.body)))
    expect(copies.every((c) => c.status === 200 && c.body.responseCode === '2002500')).toBe(true)
    const receipts = new Set(copies.map((c) => (c.body.virtualAccountData!.additionalInfo as { receiptNo: string }).receiptNo))
    expect(receipts.size).toBe(1)
    expect(await paymentsOf(p.id)).toBe(1)
    await balanced()
  }, 60_000)

}, { referenceData: true })
