import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { listClaimSteps, listScholarships } from '../areas/claims/index.js'
import { account, accountBalance, trialBalance } from '../areas/ledger/index.js'
import { at, ids, pay, registerBpu } from './contributions.test-support.js'
import { moveScholarship } from './claim-scholarship.js'
import { fileClaim } from './file-claim.js'
import { moveClaim } from './move-claim.js'

const JKM_DOCS = { kartu_peserta: true, ktp_peserta: true, akta_kematian: true, kartu_keluarga: true, ktp_ahli_waris: true, surat_ahli_waris: true, buku_rekening: true }

describeDb('later scholarship years of a JKM claim: paid per child and school year, the next one scheduled (issue 11 item 3)', (ctx) => {
  it('pays each later year once its school year has begun, at the certificate\'s level, posts it, schedules the next, and ends a child', async () => {
    const p = (await registerBpu(ctx.sql, '2022-12-20')).id
    for (const year of ['2023', '2024', '2025']) await pay(ctx.sql, p, `${year}-01-05`, { months: 12 })
    const claim = await fileClaim(ctx.sql, {
      participantId: p, kind: 'jkm', eventDate: '2025-12-28', claimant: { name: 'Ni Made Sari', relation: 'suami_istri' }, documents: JKM_DOCS,
      details: { children: ['sd', 'sma'] }, actor: null, requestId: null,
    }, at('2026-01-05'), ids)
    for (const [action, version] of [['verify', 1], ['approve', 2], ['pay', 3]] as const) {
      await moveClaim(ctx.sql, { claimId: claim.id, action, version, actor: null, requestId: null }, at('2026-01-10'), ids)
    }
    const year = (child: number, schoolYear: string, version: number, on: string, more: { level?: 'smp' | 'sma'; action?: 'pay' | 'end'; reason?: 'bekerja' } = {}) =>
      moveScholarship(ctx.sql, { claimId: claim.id, action: more.action ?? 'pay', version, child, schoolYear, level: more.level, reason: more.reason, actor: null, requestId: 'req-beasiswa' }, at(on), ids)

    // 2026/2027 is scheduled, but it begins in July
    await expect(year(1, '2026/2027', 4, '2026-06-30')).rejects.toMatchObject({ code: 'invalid_state' })
    await expect(year(1, '2027/2028', 4, '2026-08-03')).rejects.toMatchObject({ code: 'not_found' })

    // child 1 moved up to SMP (the school certificate); child 2 stays in SMA
    expect(await year(1, '2026/2027', 4, '2026-08-03', { level: 'smp' })).toMatchObject({ status: 'paid', paidIdr: 46_500_000 + 2_000_000, version: 5 })
    await expect(year(2, '2026/2027', 4, '2026-08-03')).rejects.toMatchObject({ code: 'conflict' })
    await year(2, '2026/2027', 5, '2026-08-04')
    await expect(year(2, '2026/2027', 6, '2026-08-05')).rejects.toMatchObject({ code: 'invalid_state' }) // paid once only
    await year(2, '2027/2028', 6, '2027-07-20')
    // child 1 starts work: the scholarship ends, no later year is scheduled
    await expect(year(1, '2027/2028', 7, '2027-07-21', { action: 'end' })).rejects.toMatchObject({ code: 'missing_field' })
    const ended = await year(1, '2027/2028', 7, '2027-07-21', { action: 'end', reason: 'bekerja' })
    expect(ended).toMatchObject({ version: 8, paidIdr: 46_500_000 + 2_000_000 + 3_000_000 + 3_000_000 })

    const rows = (await listScholarships(ctx.sql, claim.id)).map((r) => [r.child, r.schoolYear, r.level, r.amountIdr, r.status, r.endReason])
    expect(rows).toEqual([
      [1, '2025/2026', 'sd', 1_500_000, 'paid', null], [2, '2025/2026', 'sma', 3_000_000, 'paid', null],
      [1, '2026/2027', 'smp', 2_000_000, 'paid', null], [2, '2026/2027', 'sma', 3_000_000, 'paid', null],
      [1, '2027/2028', 'smp', 2_000_000, 'ended', 'bekerja'], [2, '2027/2028', 'sma', 3_000_000, 'paid', null],
      // three SMA years paid: the next is perguruan tinggi
      [2, '2028/2029', 'pt', 12_000_000, 'scheduled', null],
    ])

    const steps = (await listClaimSteps(ctx.sql, claim.id)).filter((s) => s.action.startsWith('scholarship_'))
    expect(steps.map((s) => [s.action, s.reason])).toEqual([
      ['scholarship_pay', 'anak 1, 2026/2027, smp'], ['scholarship_pay', 'anak 2, 2026/2027, sma'], ['scholarship_pay', 'anak 2, 2027/2028, sma'],
      ['scholarship_end', 'anak 1, 2027/2028: bekerja'],
    ])
    const { rows: audits } = await ctx.sql.query<{ action: string; n: number }>(
      `select action, count(*)::int as n from audit_events where subject_id = $1 and action like 'claim.scholarship%' group by 1 order by 1`, [claim.id])
    expect(audits).toEqual([{ action: 'claim.scholarship_end', n: 1 }, { action: 'claim.scholarship_pay', n: 3 }])

    // the ledger holds every rupiah paid on the claim: the claim's payable equals its amount paid
    expect(await accountBalance(ctx.sql, account.benefitPayable(claim.id))).toBe(-ended.paidIdr!)
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })

  it('schedules no later year for a child who turns 23 before that school year starts', async () => {
    const p = (await registerBpu(ctx.sql, '2022-12-20')).id
    for (const year of ['2023', '2024', '2025']) await pay(ctx.sql, p, `${year}-01-05`, { months: 12 })
    // child 1 (PT) turns 23 on 15 Jun 2027, before 2027/2028 starts; child 2 (PT) turns 23 only in 2031
    const claim = await fileClaim(ctx.sql, {
      participantId: p, kind: 'jkm', eventDate: '2025-12-28', claimant: { name: 'Ni Made Sari', relation: 'suami_istri' }, documents: JKM_DOCS,
      details: { children: ['pt', 'pt'], childBirthDates: ['2004-06-15', '2008-03-02'] }, actor: null, requestId: null,
    }, at('2026-01-05'), ids)
    for (const [action, version] of [['verify', 1], ['approve', 2], ['pay', 3]] as const) {
      await moveClaim(ctx.sql, { claimId: claim.id, action, version, actor: null, requestId: null }, at('2026-01-10'), ids)
    }
    await moveScholarship(ctx.sql, { claimId: claim.id, action: 'pay', version: 4, child: 1, schoolYear: '2026/2027', actor: null, requestId: null }, at('2026-08-03'), ids)
    await moveScholarship(ctx.sql, { claimId: claim.id, action: 'pay', version: 5, child: 2, schoolYear: '2026/2027', actor: null, requestId: null }, at('2026-08-03'), ids)
    const rows = (await listScholarships(ctx.sql, claim.id)).map((r) => [r.child, r.schoolYear, r.status])
    expect(rows).toEqual([
      [1, '2025/2026', 'paid'], [2, '2025/2026', 'paid'],
      [1, '2026/2027', 'paid'], [2, '2026/2027', 'paid'],
      [2, '2027/2028', 'scheduled'],
    ])
  })
}, { referenceData: true })
