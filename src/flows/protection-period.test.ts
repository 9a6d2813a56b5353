import { describe, expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { trialBalance } from '../areas/ledger/index.js'
import { makeSource, testPerson } from '../areas/participants/testing/factories.js'
import { at, ids, pay } from './contributions.test-support.js'
import { participantAccount } from './participant-account.js'
import { addProtectionPeriod, planProtection } from './protection-period.js'
import { registerParticipant } from './register-participant.js'

describe('planProtection (pure)', () => {
  it('PMI 24 months through a Pelaksana Penempatan: 37,500 + 332,500 for 31 months (E10)', () => {
    const plan = planProtection('pmi', { via: 'placement', contractMonths: 24 }, '2026-03-10')
    expect(plan).toMatchObject({ from: '2026-03-10', to: '2028-10-09', amountIdr: 370_000, lines: [{ programme: 'JKK_JKM', payer: 'self', amountIdr: 370_000 }] })
  })
  it('PMI individual 24 months with 2 extra months: 332,500 + 2 × 13,500, two months longer', () => {
    const plan = planProtection('pmi', { via: 'individual', contractMonths: 24, extraMonths: 2, from: '2026-01-31' }, '2026-01-01')
    expect(plan).toMatchObject({ amountIdr: 359_500, to: '2028-10-30' })
  })
  it('PMI 12 months: the rules give no length, so the last day is required', () => {
    expect(() => planProtection('pmi', { contractMonths: 12 }, '2026-03-10')).toThrow(/give the last day covered/)
    expect(planProtection('pmi', { contractMonths: 12, to: '2027-08-31' }, '2026-03-10')).toMatchObject({ amountIdr: 226_500, to: '2027-08-31' })
  })
  it('jakon: JKK and JKM on the contract value by marginal brackets (E9: Rp180 juta → 346,000 + 46,000)', () => {
    const plan = planProtection('jakon', { contractValueIdr: 180_000_000, from: '2026-02-01', to: '2026-07-31' }, '2026-01-01')
    expect(plan.lines).toEqual([{ programme: 'JKK', payer: 'employer', amountIdr: 346_000 }, { programme: 'JKM', payer: 'employer', amountIdr: 46_000 }])
    expect(plan).toMatchObject({ amountIdr: 392_000, from: '2026-02-01', to: '2026-07-31' })
    expect(() => planProtection('jakon', { contractValueIdr: 200_000_000 }, '2026-01-01')).toThrow(/last day/)
  })
})

describeDb('PMI and jakon protection periods (issue 5)', (ctx) => {
  async function register(kategori: 'pmi' | 'jakon', on: string) {
    const sourceId = await makeSource(ctx.sql, 'office')
    const row = { ...testPerson().row, kategori, pekerjaan: '', penghasilan: '', program: 'JKK+JKM' }
    const out = await registerParticipant(ctx.sql, { row, sourceId, consent: { purpose: 'kepesertaan BPJS Ketenagakerjaan' }, actor: null, requestId: 'r' }, at(on), ids)
    return out.participant.id
  }

  it('PMI: terdaftar until the package is paid, aktif through the 31 months, nonaktif after; the ledger balances', async () => {
    const id = await register('pmi', '2026-03-01')
    const period = await addProtectionPeriod(ctx.sql, { participantId: id, protection: { via: 'placement', contractMonths: 24, from: '2026-03-10' }, actor: null, requestId: 'r' }, at('2026-03-01'), ids)
    expect(period).toMatchObject({ segment: 'pmi', from: '2026-03-10', to: '2028-10-09', amountIdr: 370_000, status: 'terdaftar' })
    expect((await participantAccount(ctx.sql, id, '2026-03-05')).status).toBe('terdaftar')
    const paid = await pay(ctx.sql, id, '2026-03-05', { months: 1 })
    expect(paid).toMatchObject({ amountIdr: 370_000, months: ['2026-03'] })
    const status = async (asOf: string) => participantAccount(ctx.sql, id, asOf)
    expect((await status('2026-03-09')).status).toBe('terdaftar')
    expect(await status('2026-03-10')).toMatchObject({ status: 'aktif', totalPaidIdr: 370_000, nextChange: { date: '2028-10-10', status: 'nonaktif' } })
    expect((await status('2028-10-09')).status).toBe('aktif')
    expect((await status('2028-10-10')).status).toBe('nonaktif')
    await expect(pay(ctx.sql, id, '2026-04-01', { months: 1 })).rejects.toThrow(/no protection period is open/)
    await expect(addProtectionPeriod(ctx.sql, { participantId: id, protection: { contractMonths: 24, from: '2028-01-01' }, actor: null, requestId: 'r' }, at('2026-04-01'), ids)).rejects.toThrow(/overlaps/)
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })

  it('PMI registered with a period paid late: cover starts at the payment, not the period start', async () => {
    const id = await register('pmi', '2026-03-01')
    await addProtectionPeriod(ctx.sql, { participantId: id, protection: { contractMonths: 12, from: '2026-03-01', to: '2027-09-30' }, actor: null, requestId: 'r' }, at('2026-03-01'), ids)
    await pay(ctx.sql, id, '2026-04-20', { amountIdr: 226_500 })
    expect((await participantAccount(ctx.sql, id, '2026-04-19')).status).toBe('terdaftar')
    expect((await participantAccount(ctx.sql, id, '2026-04-20')).status).toBe('aktif')
    expect((await participantAccount(ctx.sql, id, '2027-10-01')).status).toBe('nonaktif')
  })

  it('jakon: one JKK and one JKM due for the project, paid at the counter, aktif for the project then lapsed', async () => {
    const id = await register('jakon', '2026-01-15')
    const period = await addProtectionPeriod(ctx.sql, { participantId: id, protection: { contractValueIdr: 180_000_000, from: '2026-02-01', to: '2026-07-31', project: 'Jembatan Tukad' }, actor: null, requestId: 'r' }, at('2026-01-20'), ids)
    expect(period.dues.map((d) => d.programme)).toEqual(['JKK', 'JKM'])
    const { rows } = await ctx.sql.query<{ n: number; period_to: string }>(`select count(*)::int as n, to_char(max(period_to), 'YYYY-MM-DD') as period_to from dues where participant_id = $1`, [id])
    expect(rows[0]).toEqual({ n: 2, period_to: '2026-07-31' })
    const paid = await pay(ctx.sql, id, '2026-01-25', { months: 1 })
    expect(paid.amountIdr).toBe(392_000)
    expect((await participantAccount(ctx.sql, id, '2026-01-31')).status).toBe('terdaftar')
    expect((await participantAccount(ctx.sql, id, '2026-05-15')).status).toBe('aktif')
    expect((await participantAccount(ctx.sql, id, '2026-08-01')).status).toBe('nonaktif')
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })

  it('a BPU has no protection periods', async () => {
    const sourceId = await makeSource(ctx.sql, 'office')
    const out = await registerParticipant(ctx.sql, { row: testPerson().row, sourceId, consent: { purpose: 'x' }, actor: null, requestId: 'r' }, at('2026-01-05'), ids)
    await expect(addProtectionPeriod(ctx.sql, { participantId: out.participant.id, protection: { contractMonths: 24 }, actor: null, requestId: 'r' }, at('2026-01-05'), ids)).rejects.toThrow(/only an active PMI/)
  })
}, { referenceData: true })
