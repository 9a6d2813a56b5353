import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { listClaimSteps, listScholarships } from '../areas/claims/index.js'
import { account, accountBalance, trialBalance } from '../areas/ledger/index.js'
import { DomainError } from '../kernel/errors.js'
import { at, ids, pay, registerBpu } from './contributions.test-support.js'
import { fileClaim } from './file-claim.js'
import { moveClaim } from './move-claim.js'

const JKM_DOCS = { kartu_peserta: true, ktp_peserta: true, akta_kematian: true, kartu_keluarga: true, ktp_ahli_waris: true, surat_ahli_waris: true, buku_rekening: true }
const claimant = { name: 'Ni Made Sari', relation: 'suami_istri' }

describeDb('a BPU death with 2 months of arrears: the funeral cost at once, the rest released after the arrears are paid (issue 11 done-when)', (ctx) => {
  const step = (claimId: string, action: 'verify' | 'approve' | 'pay' | 'release', version: number, on: string) =>
    moveClaim(ctx.sql, { claimId, action, version, actor: null, requestId: 'req-claim' }, at(on), ids)

  it('pays Rp10.000.000 at once, refuses the release while the arrears remain, and pays 32,000,000 + the scholarship year once they are paid through takePayment', async () => {
    // masa iur 36 months (Jan 2023 – Dec 2025), then January and February 2026 unpaid: 2 months of arrears on 20 Feb
    const p = (await registerBpu(ctx.sql, '2022-12-20')).id
    for (const year of ['2023', '2024', '2025']) await pay(ctx.sql, p, `${year}-01-05`, { months: 12 })
    const claim = await fileClaim(ctx.sql, {
      participantId: p, kind: 'jkm', eventDate: '2026-02-20', filedOn: '2026-02-21', claimant, documents: JKM_DOCS, details: { children: ['sd', 'sma'] }, actor: null, requestId: 'req-claim',
    }, at('2026-02-21'), ids)
    expect(claim.eligibility).toMatchObject({ decision: 'partial', payNowIdr: 10_000_000, afterArrearsIdr: 32_000_000, facts: { arrearsMonths: 2, overdueMonths: ['2026-01', '2026-02'], contributionMonths: 36 }, scholarship: { eligible: true, firstYearIdr: 4_500_000 } })

    await step(claim.id, 'verify', 1, '2026-02-23')
    await step(claim.id, 'approve', 2, '2026-02-23')
    const paid = await step(claim.id, 'pay', 3, '2026-02-24')
    expect(paid).toMatchObject({ status: 'paid', paidOn: '2026-02-24', paidIdr: 10_000_000, withheldIdr: 32_000_000, version: 4 })
    expect((await listScholarships(ctx.sql, claim.id)).map((s) => s.status)).toEqual(['scheduled', 'scheduled'])

    const refused = await step(claim.id, 'release', 4, '2026-02-25').catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(DomainError)
    expect(refused).toMatchObject({ code: 'arrears_unpaid', details: { months: ['2026-01', '2026-02'] } })
    await expect(step(claim.id, 'release', 3, '2026-02-25')).rejects.toMatchObject({ code: 'conflict' })
    expect(await benefitTransfers(claim.id)).toEqual([10_000_000]) // the refused release posted nothing

    // one month paid is not enough: the oldest arrears go first, February is still open
    await pay(ctx.sql, p, '2026-02-26', { months: 1 })
    await expect(step(claim.id, 'release', 4, '2026-02-26')).rejects.toMatchObject({ code: 'arrears_unpaid', details: { months: ['2026-02'] } })

    await pay(ctx.sql, p, '2026-02-27', { months: 1 })
    const released = await step(claim.id, 'release', 4, '2026-03-02')
    expect(released).toMatchObject({ status: 'paid', paidOn: '2026-02-24', paidIdr: 10_000_000 + 32_000_000 + 4_500_000, withheldIdr: 0, version: 5 })
    expect(await listScholarships(ctx.sql, claim.id)).toEqual([
      { child: 1, schoolYear: '2025/2026', level: 'sd', amountIdr: 1_500_000, status: 'paid', paidOn: '2026-03-02', endReason: null },
      { child: 2, schoolYear: '2025/2026', level: 'sma', amountIdr: 3_000_000, status: 'paid', paidOn: '2026-03-02', endReason: null },
      // the next school year is scheduled for each child when this one is paid
      { child: 1, schoolYear: '2026/2027', level: 'sd', amountIdr: 1_500_000, status: 'scheduled', paidOn: null, endReason: null },
      { child: 2, schoolYear: '2026/2027', level: 'sma', amountIdr: 3_000_000, status: 'scheduled', paidOn: null, endReason: null },
    ])
    await expect(step(claim.id, 'release', 5, '2026-03-03')).rejects.toMatchObject({ code: 'invalid_state' })

    // the ledger: one benefit_paid transfer per paying step, JKM's expense against the claim's payable, still balanced
    expect(await benefitTransfers(claim.id)).toEqual([10_000_000, 36_500_000])
    expect(await accountBalance(ctx.sql, account.benefitPayable(claim.id))).toBe(-46_500_000)
    expect(await accountBalance(ctx.sql, { kind: 'benefit_expense', ref: 'JKM' })).toBe(46_500_000)
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)

    const steps = await listClaimSteps(ctx.sql, claim.id)
    expect(steps.map((s) => [s.action, s.fromStatus, s.toStatus, s.occurredOn])).toEqual([
      ['file', null, 'submitted', '2026-02-21'], ['verify', 'submitted', 'verified', '2026-02-23'], ['approve', 'verified', 'approved', '2026-02-23'],
      ['pay', 'approved', 'paid', '2026-02-24'], ['release', 'paid', 'paid', '2026-03-02'],
    ])
    const { rows } = await ctx.sql.query<{ action: string; details: Record<string, unknown> }>(
      `select action, details from audit_events where subject_type = 'claim' and subject_id = $1 and action in ('claim.pay', 'claim.release') order by action`, [claim.id])
    expect(rows.map((r) => [r.action, r.details.paidIdr])).toEqual([['claim.pay', 10_000_000], ['claim.release', 36_500_000]])
  })

  /** Amounts debited by the claim's benefit_paid transfers, in time order. */
  async function benefitTransfers(claimId: string): Promise<number[]> {
    const { rows } = await ctx.sql.query<{ amount: number }>(
      `select e.amount_idr::bigint as amount from ledger_transfers t join ledger_entries e on e.transfer_id = t.id and e.amount_idr > 0
        where t.kind = 'benefit_paid' and t.refs->>'claimId' = $1 order by t.occurred_at, t.id`, [claimId])
    return rows.map((r) => Number(r.amount))
  }

  it('a claim paid in full has nothing to release', async () => {
    const p = (await registerBpu(ctx.sql, '2025-12-20')).id
    await pay(ctx.sql, p, '2026-01-05', { months: 3 })
    const claim = await fileClaim(ctx.sql, { participantId: p, kind: 'jkm', eventDate: '2026-03-20', claimant, documents: JKM_DOCS, details: {}, actor: null, requestId: null }, at('2026-03-21'), ids)
    for (const [action, version] of [['verify', 1], ['approve', 2], ['pay', 3]] as const) await step(claim.id, action, version, '2026-03-23')
    await expect(step(claim.id, 'release', 4, '2026-03-24')).rejects.toMatchObject({ code: 'invalid_state', details: { field: 'withheldIdr' } })
  })
}, { referenceData: true })
