import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { pay, registerBpu } from '../../../flows/contributions.test-support.js'
import { buildApp } from '../../../platform/http/app.js'
import { actor, ACTOR_HEADER } from '../../../platform/http/test-actors.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { App } from '../../../platform/http/types.js'
import type { Actor } from '../../access/index.js'
import { accountBalance, trialBalance } from '../../ledger/index.js'
import claimsRoutes from './routes.js'

const actors: Record<string, Actor> = {
  kanwil: actor('kanwil'),
  denpasar: actor('cabang', { regionCodes: ['51.71'] }),
  kupang: actor('cabang', { regionCodes: ['53.71'] }),
  viewer: actor('viewer'),
  agent: actor('agent', { sourceIds: ['x'] }),
}
const as = (who: string, key?: string) => ({ [ACTOR_HEADER]: who, ...(key ? { 'idempotency-key': key } : {}) })
const JKM_DOCS = { kartu_peserta: true, ktp_peserta: true, akta_kematian: true, kartu_keluarga: true, ktp_ahli_waris: true, surat_ahli_waris: true, buku_rekening: true }
const claimant = { name: 'Ni Made Sari', nik: '5171014507900001', relation: 'suami_istri' }

describeDb('claims routes: file, scope, workflow, payment after arrears (issue 11 item 3)', (ctx) => {
  let app: App
  let now = new Date('2026-05-25T02:00:00Z')
  let participantId: string
  beforeAll(async () => {
    app = await buildApp({ ctx: testContext({ sql: ctx.sql, now: () => now }), routes: [claimsRoutes], authenticate: async (r) => actors[String(r.headers[ACTOR_HEADER])] ?? null })
    participantId = (await registerBpu(ctx.sql, '2025-12-20')).id
    await pay(ctx.sql, participantId, '2026-01-05', { months: 3 })
  })
  afterAll(() => app.close())

  const file = (who: string, key: string, body: Record<string, unknown> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/claims', headers: as(who, key), payload: { participantId, kind: 'jkm', eventDate: '2026-05-20', claimant, documents: JKM_DOCS, ...body } })
  const step = (who: string, id: string, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: `/api/v1/claims/${id}/steps`, headers: as(who), payload })

  it('files a JKM claim with 2 months of arrears: 10,000,000 now, 32,000,000 after; only office roles in scope see it', async () => {
    const res = await file('denpasar', 'c1')
    expect(res.statusCode).toBe(201)
    const c = res.json()
    expect(c).toMatchObject({ status: 'submitted', version: 1, programme: 'JKM', claimant: { nik: claimant.nik }, eligibility: { decision: 'partial', payNowIdr: 10_000_000, afterArrearsIdr: 32_000_000, facts: { arrearsMonths: 2 }, serviceLevelWorkingDays: 3 } })
    expect((await file('denpasar', 'c1')).json().id).toBe(c.id) // idempotent replay
    expect((await app.inject({ method: 'GET', url: `/api/v1/claims/${c.id}`, headers: as('kupang') })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: '/api/v1/claims', headers: as('kupang') })).json().items).toHaveLength(0)
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/claims', headers: as('kanwil') })).json().items
    expect(listed).toHaveLength(1)
    expect(listed[0].claimant.nik).not.toBe(claimant.nik) // masked in lists
    for (const who of ['viewer', 'agent']) expect((await app.inject({ method: 'GET', url: '/api/v1/claims', headers: as(who) })).statusCode).toBe(403)
    expect((await file('kupang', 'c2')).statusCode).toBe(404)
  })

  it('moves submitted → verified → approved → paid with version checks; pays the rest only once the arrears are paid', async () => {
    const c = (await file('denpasar', 'c3', { documents: {} })).json()
    expect((await step('denpasar', c.id, { action: 'verify', version: 1 })).statusCode).toBe(409)
    expect((await step('denpasar', c.id, { action: 'verify', version: 1, documents: JKM_DOCS })).json()).toMatchObject({ status: 'verified', version: 2 })
    expect((await step('denpasar', c.id, { action: 'approve', version: 1 })).json()).toMatchObject({ error: { code: 'conflict' } })
    expect((await step('denpasar', c.id, { action: 'approve', version: 2 })).json().status).toBe('approved')
    expect((await step('denpasar', c.id, { action: 'pay', version: 3 })).json()).toMatchObject({ status: 'paid', paidOn: '2026-05-25', paidIdr: 10_000_000, withheldIdr: 32_000_000 })

    const second = (await file('kanwil', 'c4')).json()
    await pay(ctx.sql, participantId, '2026-05-26', { months: 2 })
    now = new Date('2026-05-27T02:00:00Z')
    for (const [action, version] of [['verify', 1], ['approve', 2]] as const) expect((await step('kanwil', second.id, { action, version })).statusCode).toBe(200)
    expect((await step('kanwil', second.id, { action: 'pay', version: 3 })).json()).toMatchObject({ paidIdr: 42_000_000, withheldIdr: 0 })
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/claims/${second.id}`, headers: as('kanwil') })).json()
    expect(detail.steps.map((s: { action: string }) => s.action)).toEqual(['file', 'verify', 'approve', 'pay'])
    // the first claim's arrears are now paid too: its withheld 32,000,000 is released
    expect((await step('denpasar', c.id, { action: 'release', version: 4 })).json()).toMatchObject({ status: 'paid', paidOn: '2026-05-25', paidIdr: 42_000_000, withheldIdr: 0, version: 5 })
    expect((await step('denpasar', c.id, { action: 'release', version: 5 })).statusCode).toBe(409)
    // finance records the bank transfer: the whole 42,000,000 leaves the bank, once
    const disburse = (version: number) => app.inject({ method: 'POST', url: `/api/v1/claims/${c.id}/disbursements`, headers: as('denpasar'), payload: { version, bankCode: 'BNI-DPS', bankReference: 'TRF-0001' } })
    expect((await app.inject({ method: 'POST', url: `/api/v1/claims/${c.id}/disbursements`, headers: as('denpasar'), payload: { version: 5, bankCode: 'BNI DPS', bankReference: 'TRF-0001' } })).statusCode).toBe(400)
    expect((await disburse(5)).json()).toMatchObject({ status: 'paid', version: 6 })
    expect((await disburse(6)).json()).toMatchObject({ error: { code: 'invalid_state' } })
  })

  it('rejects with a reason, then nothing moves; every step is audited with ids only', async () => {
    const c = (await file('kanwil', 'c5')).json()
    expect((await step('kanwil', c.id, { action: 'reject', version: 1 })).statusCode).toBe(400)
    expect((await step('kanwil', c.id, { action: 'reject', version: 1, reason: 'klaim ganda' })).json()).toMatchObject({ status: 'rejected', rejectionReason: 'klaim ganda' })
    expect((await step('kanwil', c.id, { action: 'verify', version: 2 })).statusCode).toBe(409)
    const { rows } = await ctx.sql.query<{ action: string; n: number }>(`select action, count(*)::int as n from audit_events where subject_type = 'claim' group by 1 order by 1`)
    expect(rows).toEqual([
      { action: 'claim.approve', n: 2 }, { action: 'claim.disburse', n: 1 }, { action: 'claim.file', n: 4 }, { action: 'claim.pay', n: 2 }, { action: 'claim.reject', n: 1 }, { action: 'claim.release', n: 1 }, { action: 'claim.verify', n: 2 },
    ])
    const { rows: details } = await ctx.sql.query<{ d: string }>(`select details::text as d from audit_events where subject_type = 'claim'`)
    for (const d of details) expect(d.d).not.toContain(claimant.nik)
  })

  it('schedules the scholarship per child and school year at approval and pays the first year with the claim (masa iur 36 months)', async () => {
    const p = (await registerBpu(ctx.sql, '2022-12-20')).id
    for (const year of ['2023', '2024', '2025']) await pay(ctx.sql, p, `${year}-01-05`, { months: 12 })
    now = new Date('2026-01-10T02:00:00Z')
    const res = await app.inject({ method: 'POST', url: '/api/v1/claims', headers: as('kanwil', 'c6'), payload: { participantId: p, kind: 'jkm', eventDate: '2025-12-28', claimant, documents: JKM_DOCS, details: { children: ['sd', 'sma'] } } })
    const c = res.json()
    expect(c.eligibility).toMatchObject({ decision: 'eligible', payNowIdr: 42_000_000, facts: { contributionMonths: 36 }, scholarship: { eligible: true, firstYearIdr: 4_500_000 } })
    for (const [action, version] of [['verify', 1], ['approve', 2], ['pay', 3]] as const) expect((await step('kanwil', c.id, { action, version })).statusCode).toBe(200)
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/claims/${c.id}`, headers: as('kanwil') })).json()
    expect(detail).toMatchObject({ paidIdr: 46_500_000 })
    expect(detail.scholarships).toEqual([
      { child: 1, schoolYear: '2025/2026', level: 'sd', amountIdr: 1_500_000, status: 'paid', paidOn: '2026-01-10', endReason: null },
      { child: 2, schoolYear: '2025/2026', level: 'sma', amountIdr: 3_000_000, status: 'paid', paidOn: '2026-01-10', endReason: null },
      // the next school year is scheduled for each child when this one is paid
      { child: 1, schoolYear: '2026/2027', level: 'sd', amountIdr: 1_500_000, status: 'scheduled', paidOn: null, endReason: null },
      { child: 2, schoolYear: '2026/2027', level: 'sma', amountIdr: 3_000_000, status: 'scheduled', paidOn: null, endReason: null },
    ])
    const later = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: `/api/v1/claims/${c.id}/scholarships`, headers: as('kanwil'), payload })
    expect((await later({ action: 'pay', version: 4, child: 1, schoolYear: '2026-2027' })).statusCode).toBe(400)
    expect((await later({ action: 'pay', version: 4, child: 1, schoolYear: '2026/2027' })).json()).toMatchObject({ error: { code: 'invalid_state' } }) // begins in July
    expect((await later({ action: 'end', version: 4, child: 1, schoolYear: '2026/2027', reason: 'menikah' })).json()).toMatchObject({ status: 'paid', version: 5, paidIdr: 46_500_000 })
  })

  it('reports claims by programme, region and month with the service level, in the caller\'s regions (issue 11 item 4)', async () => {
    const report = (who: string) => app.inject({ method: 'GET', url: '/api/v1/claims/report?from=2026-01-01&to=2026-12-31', headers: as(who) })
    const all = (await report('kanwil')).json()
    expect(all.total).toMatchObject({ filed: 5, paid: 3, rejected: 1, open: 1, paidIdr: 42_000_000 + 42_000_000 + 46_500_000, withinLevel: 3, late: 0 })
    expect(all.byProgramme.map((b: { key: string }) => b.key)).toEqual(['JKM'])
    expect(all.byMonth.map((b: { key: string; filed: number }) => [b.key, b.filed])).toEqual([['2026-01', 1], ['2026-05', 4]])
    expect((await report('kupang')).json().total.filed).toBe(0)
    // every rupiah paid on the claims is posted: JKM's benefit expense equals the amount paid, and the ledger balances
    expect(await accountBalance(ctx.sql, { kind: 'benefit_expense', ref: 'JKM' })).toBe(all.total.paidIdr)
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })
}, { referenceData: true })
