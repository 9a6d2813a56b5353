import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { createLogger } from '../../../platform/log.js'
import { trialBalance } from '../../ledger/index.js'
import { testPerson } from '../../../flows/channel.test-support.js'
import type { SnapClient } from '../../../../tools/snap-client.js'
import { registerBpu } from '../../../flows/contributions.test-support.js'
import { channelReport, readSettlementFile, reconcileChannel, settleChannelDay } from '../../../flows/channel-reconcile.js'
import { ids } from '../../../flows/contributions.test-support.js'
import { snapWorld, type SnapWorld } from './snap-world.test-support.js'

const START = new Date('2026-02-10T03:00:00Z') // 10:00 WIB

describeDb('SNAP counter services: registration, reversal, reconciliation, logs (issue 6)', (ctx) => {
  let world: SnapWorld
  let client: SnapClient
  let partnerId: string
  const lines: string[] = []
  const balanced = async () => expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  let serial = 0
  const nextId = (prefix: string) => `${prefix}-${process.pid}-${++serial}`
  /** The months a worker has paid (a month's JKK and JKM dues settle together). */
  const paymentCount = async (participantId: string) =>
    (await ctx.sql.query<{ n: number }>(
      'select count(distinct d.month)::int8 as n from payment_allocations a join dues d on d.id = a.due_id where a.participant_id = $1', [participantId])).rows[0]!.n

  beforeAll(async () => {
    world = await snapWorld(ctx.sql, START, createLogger({ level: 'debug', destination: { write: (line: string) => lines.push(line) } }))
    const added = await world.addPartner({ feeIdr: 2500, encoding: 'hex' })
    client = added.client
    partnerId = added.partner.partnerId
  })
  afterAll(() => world.close())

  const registration = (person: ReturnType<typeof testPerson>, extra: Record<string, unknown> = {}) => ({
    partnerReferenceNo: nextId('REG'), nik: person.nik, name: person.row.nama, birthDate: person.row.tanggal_lahir, sex: person.row.jenis_kelamin,
    phone: person.row.no_hp, regencyCode: person.row.kode_wilayah, occupation: person.row.pekerjaan, declaredIncome: { value: '2000000.00', currency: 'IDR' },
    programmes: ['JKK', 'JKM'], ...extra,
  })

  it('registration at the counter: a new KPJ under the partner\'s source; the same identity again gets the same KPJ; another identity 4099001', async () => {
    const person = testPerson({ name: 'Made Suarta' })
    const body = registration(person)
    const first = await client.register(body)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ responseCode: '2009000', participantStatus: 'terdaftar', alreadyRegistered: false })
    expect(first.body.kpj).toMatch(/^\d{11}$/)
    const source = await ctx.sql.query<{ kind: string; ref: string }>(
      `select s.kind, s.ref_id as ref from participants p join sources s on s.id = p.source_id where p.kpj = $1`, [first.body.kpj])
    expect(source.rows[0]).toEqual({ kind: 'channel', ref: partnerId })
    const replay = await client.register(body)
    expect(replay.body).toEqual(first.body)
    const again = await client.register(registration(person))
    expect(again.body).toMatchObject({ responseCode: '2009000', kpj: first.body.kpj, alreadyRegistered: true })
    const other = await client.register(registration(person, { name: 'Ketut Lain Sekali' }))
    expect(other.status).toBe(409)
    expect(other.body.responseCode).toBe('4099001')
    const reused = await client.register({ ...body, phone: '081299999999' })
    expect(reused.body.responseCode).toBe('4099001')
    const inquiry = await client.inquiry({ customerNo: first.body.kpj as string, inquiryRequestId: nextId('INQ') })
    expect(inquiry.body.responseCode).toBe('2002400')
  })

  it('registration: a field the registry refuses is 4009001 naming the API field; a missing one 4009002', async () => {
    const person = testPerson()
    const badDate = await client.register(registration(person, { birthDate: '1990-13-45' }))
    expect(badDate.status).toBe(400)
    expect(badDate.body.responseCode).toBe('4009001')
    expect(badDate.body.responseMessage).toContain('birthDate')
    const missing = await client.register(registration(person, { occupation: undefined }))
    expect(missing.body).toMatchObject({ responseCode: '4009002', responseMessage: 'Invalid Mandatory Field occupation' })
    const income = await client.register(registration(person, { declaredIncome: { value: '2000000', currency: 'IDR' } }))
    expect(income.body.responseCode).toBe('4009001')
  })

  it('reversal the same WIB day before 23:00: a reversing ledger entry, the month owed again; twice 4099100; after the cut-off 4039100; unknown 4049101', async () => {
    const p = await registerBpu(ctx.sql)
    const inquiry = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('PAY'), months: 2 })
    const paymentRequestId = inquiry.body.virtualAccountData!.inquiryRequestId
    expect((await client.payFromInquiry(inquiry.body)).body.responseCode).toBe('2002500')
    expect(await paymentCount(p.id)).toBe(2)
    world.clock.now = new Date(START.getTime() + 12 * 3_600_000) // 22:00 WIB
    await client.token()
    const body = { partnerReferenceNo: nextId('REV'), originalPaymentRequestId: paymentRequestId, reason: 'nasabah membatalkan' }
    const reversed = await client.reverse(body)
    expect(reversed.status).toBe(200)
    expect(reversed.body).toMatchObject({ responseCode: '2009100', originalPaymentRequestId: paymentRequestId, reversedAmount: inquiry.body.virtualAccountData!.totalAmount })
    expect(await paymentCount(p.id)).toBe(0)
    const mirrors = await ctx.sql.query<{ n: number }>(
      `select count(*)::int8 as n from ledger_transfers where kind = 'reversal' and reason_code = 'channel_reversal' and payment_id = (select payment_id from channel_transactions where reference = $1)`, [paymentRequestId])
    expect(mirrors.rows[0]!.n).toBe(3)
    expect((await client.reverse(body)).body).toEqual(reversed.body)
    const twice = await client.reverse({ ...body, partnerReferenceNo: nextId('REV') })
    expect(twice.status).toBe(409)
    expect(twice.body.responseCode).toBe('4099100')
    const owedAgain = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('INQ') })
    expect(owedAgain.body.virtualAccountData!.billDetails.map((b) => b.billNo)).toEqual(['202602'])
    const status = await client.status({ customerNo: p.kpj, paymentRequestId })
    expect(status.body).toMatchObject({ responseCode: '2002600', virtualAccountData: { paymentFlagStatus: '05' } })

    const second = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('PAY') })
    expect((await client.payFromInquiry(second.body)).body.responseCode).toBe('2002500')
    world.clock.now = new Date(START.getTime() + 13 * 3_600_000) // 23:00 WIB
    await client.token()
    const late = await client.reverse({ partnerReferenceNo: nextId('REV'), originalPaymentRequestId: second.body.virtualAccountData!.inquiryRequestId })
    expect(late.status).toBe(403)
    expect(late.body.responseCode).toBe('4039100')
    const unknown = await client.reverse({ partnerReferenceNo: nextId('REV'), originalPaymentRequestId: 'NO-SUCH-PAYMENT' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.responseCode).toBe('4049101')
    world.clock.now = START
    await client.token()
    expect(await paymentCount(p.id)).toBe(1)
    await balanced()
  })

  it('reconciliation: the daily report with its trailer and fees; a settlement file with one payment missing and one amount different', async () => {
    const { partner, client: pos } = await world.addPartner({ feeIdr: 3000, code: 'INDOMARET' })
    const paid: Array<{ id: string; amount: string; customerNo: string }> = []
    for (let i = 0; i < 3; i++) {
      const p = await registerBpu(ctx.sql)
      const inquiry = await pos.inquiry({ customerNo: p.kpj, inquiryRequestId: nextId('REC') })
      expect((await pos.payFromInquiry(inquiry.body)).body.responseCode).toBe('2002500')
      paid.push({ id: inquiry.body.virtualAccountData!.inquiryRequestId, amount: inquiry.body.virtualAccountData!.totalAmount.value, customerNo: p.kpj })
    }
    const report = await channelReport(ctx.sql, partner.partnerId, '2026-02-10')
    const rows = report.csv.trim().split('\n')
    expect(rows).toHaveLength(5)
    const total = paid.reduce((t, p) => t + Number(p.amount), 0)
    expect(rows[4]).toBe(`TRAILER,3,${total}.00`)
    expect(report.fees).toEqual({ payments: 3, grossIdr: total, feeIdr: 9000, netIdr: total - 9000 })
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/)

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'settle-')), 'settlement.csv')
    fs.writeFileSync(file, [
      'trxDateTime,paymentRequestId,customerNo,amount',
      `2026-02-10T10:00:00+07:00,${paid[0]!.id},${paid[0]!.customerNo},${paid[0]!.amount}`,
      `2026-02-10T10:01:00+07:00,${paid[1]!.id},${paid[1]!.customerNo},${Number(paid[1]!.amount) + 1000}.00`,
    ].join('\n'))
    const result = await reconcileChannel(ctx.sql, partner.partnerId, '2026-02-10', await readSettlementFile(file))
    expect(result).toMatchObject({
      matched: 1,
      onlyAtPartner: [],
      onlyAtSemesta: [{ paymentRequestId: paid[2]!.id, amountIdr: Number(paid[2]!.amount) }],
      amountDiffers: [{ paymentRequestId: paid[1]!.id, line: 3, partnerAmountIdr: Number(paid[1]!.amount) + 1000, semestaAmountIdr: Number(paid[1]!.amount) }],
    })
    const settled = await settleChannelDay(ctx.sql, { partnerId: partner.partnerId, date: '2026-02-10', bankCode: 'bni-denpasar', requestId: null }, START, ids)
    expect(settled).toMatchObject({ grossIdr: total, feeIdr: 9000, netIdr: total - 9000, replayed: false })
    expect((await settleChannelDay(ctx.sql, { partnerId: partner.partnerId, date: '2026-02-10', bankCode: 'bni-denpasar', requestId: null }, START, ids)).replayed).toBe(true)
    const forwarded = await pos.reverse({ partnerReferenceNo: nextId('REV'), originalPaymentRequestId: paid[0]!.id })
    expect(forwarded.body).toMatchObject({ responseCode: '4039100', responseMessage: 'Transaction Expired already settled and forwarded to BPJS: a refund case' })
    const balances = await ctx.sql.query<{ kind: string; balance: number }>(
      `select a.kind, sum(e.amount_idr)::int8 as balance from ledger_entries e join ledger_accounts a on a.id = e.account_id
       where (a.kind in ('channel_in_transit', 'partner_fee') and a.ref = $1) or (a.kind = 'bank' and a.ref = 'bni-denpasar') group by a.kind order by a.kind`, [partner.partnerId])
    expect(balances.rows).toEqual([{ kind: 'bank', balance: total - 9000 }, { kind: 'channel_in_transit', balance: 0 }, { kind: 'partner_fee', balance: 9000 }])
    await balanced()
  })

  it('logs carry codes only: never the client secret, a token, a signature, a NIK or a KPJ', async () => {
    const p = await registerBpu(ctx.sql)
    const inquiry = await client.inquiry({ customerNo: p.nik, inquiryRequestId: nextId('LOG') })
    await client.payFromInquiry(inquiry.body)
    const body = JSON.stringify({ ...client.virtualAccount(p.kpj), inquiryRequestId: nextId('LOG') })
    const headers = client.signedHeaders('/snap/v1.0/transfer-va/inquiry', body)
    await world.app.inject({ method: 'POST', url: '/snap/v1.0/transfer-va/inquiry', headers: { 'content-type': 'application/json', ...headers, 'X-SIGNATURE': headers['X-SIGNATURE']!.slice(2) }, payload: body })
    const text = lines.join('\n')
    expect(text).toContain('4012400')
    for (const secret of [client.options.clientSecret, client.accessToken!, headers['X-SIGNATURE']!, p.nik, p.kpj]) expect(text).not.toContain(secret)
  })
}, { referenceData: true })
