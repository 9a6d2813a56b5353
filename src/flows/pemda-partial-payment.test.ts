import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { trialBalance } from '../areas/ledger/index.js'
import { newId } from '../platform/ids.js'
import { enrolPemdaCohort } from './enrol-pemda-cohort.js'
import { invoicePemdaProgramme } from './invoice-pemda.js'
import { payPemdaInvoice } from './pay-pemda-invoice.js'
import { addPemdaProgramme, pemdaProgrammeStatus, programmeFor } from './pemda-programmes.js'
import { people, writeCohortFile } from './pemda.test-support.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-pemda-part-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const ids = { newId: () => newId() }

describeDb('a pemda invoice paid in parts (issue 8)', (ctx) => {
  it('covers whole member-months in order (members by id), leaves the rest open, and completes with the second payment', async () => {
    const programme = (await addPemdaProgramme(ctx.sql, { actor: null, requestId: null, input: {
      name: 'Nelayan Kota Denpasar (bayar sebagian)', regionCode: '5171', year: 2026, budgetIdr: 5_000_000, programmes: 'jkk,jkm', incomeIdr: 1_000_000,
      groups: 'nelayan:5', startMonth: '2026-04', endMonth: '2026-12', legalBasis: 'Perwali Denpasar (uji)',
    } }, new Date('2026-03-20T02:00:00Z'), ids)).id
    const file = path.join(dir, 'nelayan.csv')
    await writeCohortFile(file, people(500, 3))
    await enrolPemdaCohort(ctx.sql, { programmeId: programme, group: 'nelayan', file, actor: null, requestId: null }, () => new Date('2026-03-25T02:00:00Z'))
    const april = await invoicePemdaProgramme(ctx.sql, { programmeId: programme, month: '2026-04', actor: null, requestId: null }, new Date('2026-04-01T01:00:00Z'), ids)
    expect(april.amountIdr).toBe(3 * 16_800)
    const statusOf = async () => (await ctx.sql.query<{ id: string; status: string }>(
      `select p.id, p.status from pemda_members m join participants p on p.id = m.participant_id where m.programme_id = $1 order by p.id`, [programme])).rows.map((r) => r.status)

    const part = await payPemdaInvoice(ctx.sql, { invoice: april.invoiceNo, paidOn: '2026-04-10', amountIdr: 20_000, clientKey: 'sp2d-1', actor: null, requestId: null }, new Date('2026-04-10T03:00:00Z'), ids)
    expect(part).toMatchObject({ amountIdr: 20_000, paidIdr: 20_000, openIdr: 30_400, fullyPaid: false, membersSettled: 1, membersAktif: 1 })
    expect(await statusOf()).toEqual(['aktif', 'terdaftar', 'terdaftar'])
    const replay = await payPemdaInvoice(ctx.sql, { invoice: april.invoiceNo, paidOn: '2026-04-10', amountIdr: 20_000, clientKey: 'sp2d-1', actor: null, requestId: null }, new Date('2026-04-10T04:00:00Z'), ids)
    expect(replay).toMatchObject({ replayed: true, paidIdr: 20_000 })
    await expect(payPemdaInvoice(ctx.sql, { invoice: april.invoiceNo, paidOn: '2026-04-12', amountIdr: 40_000, clientKey: 'sp2d-2', actor: null, requestId: null }, new Date('2026-04-12T03:00:00Z'), ids))
      .rejects.toMatchObject({ code: 'invalid_input', details: { neededIdr: 30_400 } })
    const listed = await ctx.sql.query<{ n: number }>(`select count(*)::int as n from pemda_invoice_payments where invoice_id = $1`, [april.invoiceId])
    expect(listed.rows[0]!.n).toBe(1)

    const rest = await payPemdaInvoice(ctx.sql, { invoice: april.invoiceNo, paidOn: '2026-04-14', clientKey: 'sp2d-2', actor: null, requestId: null }, new Date('2026-04-14T03:00:00Z'), ids)
    expect(rest).toMatchObject({ amountIdr: 30_400, paidIdr: 50_400, openIdr: 0, fullyPaid: true, membersSettled: 2 })
    expect(await statusOf()).toEqual(['aktif', 'aktif', 'aktif'])
    await expect(payPemdaInvoice(ctx.sql, { invoice: april.invoiceNo, paidOn: '2026-04-15', clientKey: 'sp2d-3', actor: null, requestId: null }, new Date('2026-04-15T03:00:00Z'), ids))
      .rejects.toMatchObject({ code: 'invalid_state' })
    const { rows } = await ctx.sql.query<{ balance: number }>(
      `select coalesce(sum(e.amount_idr), 0)::int8 as balance from ledger_entries e join ledger_accounts a on a.id = e.account_id where a.kind = 'payer_receivable' and a.ref = $1`,
      [`pemda:${programme}`])
    expect(rows[0]!.balance).toBe(0)
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
    const status = await pemdaProgrammeStatus(ctx.sql, await programmeFor(ctx.sql, programme, null, 'pemda.read', null))
    expect(status).toMatchObject({ usedIdr: 50_400, paidIdr: 50_400 })
  })
}, { referenceData: true })
