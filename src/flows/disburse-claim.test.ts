import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { listClaimSteps } from '../areas/claims/index.js'
import { account, accountBalance, trialBalance } from '../areas/ledger/index.js'
import { at, ids, pay, registerBpu } from './contributions.test-support.js'
import { disburseClaim } from './disburse-claim.js'
import { fileClaim } from './file-claim.js'
import { moveClaim } from './move-claim.js'

const JKM_DOCS = { kartu_peserta: true, ktp_peserta: true, akta_kematian: true, kartu_keluarga: true, ktp_ahli_waris: true, surat_ahli_waris: true, buku_rekening: true }

describeDb('disbursing a paid claim: the payable leaves the bank, once', (ctx) => {
  it('moves the whole payable to the bank with the bank reference, refuses a stale version, an unpaid claim and a second time', async () => {
    const p = (await registerBpu(ctx.sql, '2022-12-20')).id
    for (const year of ['2023', '2024', '2025']) await pay(ctx.sql, p, `${year}-01-05`, { months: 12 })
    const claim = await fileClaim(ctx.sql, {
      participantId: p, kind: 'jkm', eventDate: '2025-12-28', claimant: { name: 'Ni Made Sari', relation: 'suami_istri' }, documents: JKM_DOCS,
      details: {}, actor: null, requestId: null,
    }, at('2026-01-05'), ids)
    const disburse = (version: number, bankReference = 'TRF-2026-0001') =>
      disburseClaim(ctx.sql, { claimId: claim.id, version, bankCode: 'BNI-DPS', bankReference, actor: null, requestId: 'req-cair' }, at('2026-01-12'), ids)

    await expect(disburse(1)).rejects.toMatchObject({ code: 'invalid_state' }) // submitted, not paid
    for (const [action, version] of [['verify', 1], ['approve', 2], ['pay', 3]] as const) {
      await moveClaim(ctx.sql, { claimId: claim.id, action, version, actor: null, requestId: null }, at('2026-01-10'), ids)
    }
    const payable = () => accountBalance(ctx.sql, account.benefitPayable(claim.id))
    const owed = -(await payable())
    expect(owed).toBe(42_000_000)

    await expect(disburse(3)).rejects.toMatchObject({ code: 'conflict' })
    await expect(disburseClaim(ctx.sql, { claimId: claim.id, version: 4, bankCode: 'BNI DPS!', bankReference: 'x', actor: null, requestId: null }, at('2026-01-12'), ids))
      .rejects.toMatchObject({ code: 'invalid_input', field: 'bankCode' })
    const done = await disburse(4)
    expect(done).toMatchObject({ status: 'paid', version: 5, disbursedIdr: 42_000_000 })
    expect(await payable()).toBe(0)
    expect(await accountBalance(ctx.sql, account.bank('BNI-DPS'))).toBe(-42_000_000)
    await expect(disburse(5)).rejects.toMatchObject({ code: 'invalid_state' }) // nothing left

    const steps = await listClaimSteps(ctx.sql, claim.id)
    expect(steps.at(-1)).toMatchObject({ action: 'disburse', fromStatus: 'paid', toStatus: 'paid', reason: 'BNI-DPS TRF-2026-0001' })
    const { rows } = await ctx.sql.query<{ details: Record<string, unknown> }>(`select details from audit_events where action = 'claim.disburse' and subject_id = $1`, [claim.id])
    expect(rows.map((r) => r.details)).toEqual([{ amountIdr: 42_000_000, bankCode: 'BNI-DPS', version: 5 }])
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })
}, { referenceData: true })
