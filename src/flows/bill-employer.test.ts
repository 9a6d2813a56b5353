import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { contributionStatus, LAPSE_RULE, type Due } from '../areas/contributions/index.js'
import { recordWage, registerEmployer, workerInvoiceLines } from '../areas/employers/index.js'
import { insertTestParticipant } from '../areas/employers/testing/fixtures.js'
import { account, accountBalance, trialBalance } from '../areas/ledger/index.js'
import { newId } from '../platform/ids.js'
import { billEmployer, employerArrears, payEmployerInvoice } from './bill-employer.js'
import { participantAccount } from './participant-account.js'
import { refreshStatuses } from './refresh-statuses.js'

const now = new Date('2026-04-01T02:00:00Z')
const ids = { newId }

describeDb(
  'employer (PU) billing, payment with fines, arrears',
  (ctx) => {
    async function employerWithWorker(npp: string, wageIdr = 5_000_000, from = '2026-01') {
      const { employer } = await registerEmployer(ctx.sql, { actor: null, input: { npp, name: `PT ${npp}`, regionCode: '51.71', scale: 'large', riskGroup: 1 }, requestId: null, via: 'cli' }, now, () => newId())
      const worker = await insertTestParticipant(ctx.sql, { name: `Wayan ${npp}` })
      await recordWage(ctx.sql, { actor: null, employerId: employer.id, nik: worker.nik, month: from, wageIdr, via: 'cli', requestId: null }, now, () => newId())
      return { employer, worker }
    }

    it('reproduces E8 through the billing path: March 2026 E1 invoice due 15 Apr, paid 15 Jun → fines 18,480, total 480,480', async () => {
      const { employer, worker } = await employerWithWorker('E8TEST')
      const invoice = await billEmployer(ctx.sql, { npp: 'E8TEST', month: '2026-03' }, now, ids)
      expect(invoice).toMatchObject({ invoiceNo: 'PU-E8TEST-202603', month: '2026-03', workers: 1, amountIdr: 462_000, dueDate: '2026-04-15', replayed: false })
      expect(invoice.lines.map((l) => [l.programme, l.payer, l.amountIdr])).toEqual([
        ['jkk', 'employer', 12_000], ['jkm', 'employer', 15_000], ['jht', 'employer', 185_000], ['jht', 'worker', 100_000], ['jp', 'employer', 100_000], ['jp', 'worker', 50_000],
      ])
      expect(invoice.lines.every((l) => l.participantId === worker.id)).toBe(true)
      const again = await billEmployer(ctx.sql, { npp: 'E8TEST', month: '2026-03' }, now, ids)
      expect(again).toMatchObject({ invoiceId: invoice.invoiceId, replayed: true, amountIdr: 462_000 })
      const receivable = account.payerReceivable('employer', employer.id)
      expect(await accountBalance(ctx.sql, receivable)).toBe(462_000)
      expect(await accountBalance(ctx.sql, account.receivable(worker.id))).toBe(0)

      await expect(payEmployerInvoice(ctx.sql, { invoiceId: invoice.invoiceId, paidOn: '2026-06-15', amountIdr: 462_000, clientKey: 'k1' }))
        .rejects.toMatchObject({ code: 'invalid_input', details: { field: 'amountIdr', neededIdr: 480_480 } })
      const paid = await payEmployerInvoice(ctx.sql, { invoiceId: invoice.invoiceId, paidOn: '2026-06-15', amountIdr: 480_480, clientKey: 'k1' })
      expect(paid).toMatchObject({ invoiceNo: 'PU-E8TEST-202603', amountIdr: 462_000, fineIdr: 18_480, totalIdr: 480_480, lateMonths: 2, replayed: false })
      expect(paid.fines.map((f) => f.fineIdr)).toEqual([480, 600, 7_400, 4_000, 4_000, 2_000])
      expect(await payEmployerInvoice(ctx.sql, { invoiceId: invoice.invoiceId, paidOn: '2026-06-15', amountIdr: 480_480, clientKey: 'k1' })).toMatchObject({ totalIdr: 480_480, replayed: true })
      await expect(payEmployerInvoice(ctx.sql, { invoiceId: invoice.invoiceId, paidOn: '2026-06-20', clientKey: 'k1' })).rejects.toMatchObject({ code: 'idempotency_conflict' })
      await expect(payEmployerInvoice(ctx.sql, { invoiceId: invoice.invoiceId, paidOn: '2026-06-15', clientKey: 'k2' })).rejects.toMatchObject({ code: 'invalid_state' })

      expect(await accountBalance(ctx.sql, receivable)).toBe(0)
      const fineIncome = await Promise.all((['JKK', 'JKM', 'JHT', 'JP'] as const).map((p) => accountBalance(ctx.sql, account.fineIncome(p))))
      expect(fineIncome).toEqual([-480, -600, -11_400, -6_000])
      expect(await accountBalance(ctx.sql, account.bank('pu-collections'))).toBe(480_480)
      expect((await trialBalance(ctx.sql)).balanced).toBe(true)
    })

    it('an employer 5 months late: its arrears and fines are right, its worker stays aktif', async () => {
      const { employer, worker } = await employerWithWorker('LATE5')
      const invoices = []
      for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']) invoices.push(await billEmployer(ctx.sql, { npp: 'LATE5', month }, now, ids))
      expect(invoices.map((i) => i.dueDate)).toEqual(['2026-02-18', '2026-03-16', '2026-04-15', '2026-05-18', '2026-06-15', '2026-07-15'])
      await payEmployerInvoice(ctx.sql, { invoiceId: invoices[0]!.invoiceId, paidOn: '2026-02-10' })

      const arrears = await employerArrears(ctx.sql, employer.id, '2026-07-20')
      // Feb–Jun unpaid: 5, 4, 3, 2 and 1 started months late at 2 % each on 462,000
      expect(arrears.invoices.map((i) => [i.month, i.lateMonths, i.fineIdr])).toEqual([
        ['2026-02', 5, 46_200], ['2026-03', 4, 36_960], ['2026-04', 3, 27_720], ['2026-05', 2, 18_480], ['2026-06', 1, 9_240],
      ])
      expect(arrears).toMatchObject({ monthsLate: 5, contributionIdr: 2_310_000, fineIdr: 138_600, totalIdr: 2_448_600, ledgerOpenIdr: 2_310_000 })

      const dues: Due[] = (await workerInvoiceLines(ctx.sql, worker.id)).map((l) => ({ month: l.month, programme: l.programme, payer: 'employer', amountIdr: l.amountIdr, dueDate: l.dueDate, paidOn: l.paidOn }))
      const stored = await ctx.sql.query<{ status: string; since: string }>(`select status, to_char(status_since, 'YYYY-MM-DD') as since from participants where id = $1`, [worker.id])
      expect(stored.rows[0]).toEqual({ status: 'aktif', since: '2026-02-10' })
      const status = contributionStatus({ rule: 'employer_carries', lapse: LAPSE_RULE, firstDueMonth: '2026-01', dues }, '2026-07-20')
      expect(status.status).toBe('aktif')
      expect(status.nextChange).toBeNull()
      expect(status.benefit.level).toBe('full')
      // the worker's own account shows the employer's lines for their months: paid January, Feb–Jun owed by the employer
      const view = await participantAccount(ctx.sql, worker.id, '2026-07-20')
      expect(view).toMatchObject({ status: 'aktif', paidThrough: '2026-01', arrearsIdr: 2_310_000, totalPaidIdr: 462_000, nextChange: null })
      expect(view.months.map((m) => [m.month, m.status, m.state, m.dueIdr, m.paidIdr])).toEqual([
        ['2026-01', 'aktif', 'paid', 462_000, 462_000],
        ...['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((m) => [m, 'aktif', 'overdue', 462_000, 0]),
        ['2026-07', 'aktif', 'not_accrued', 0, 0],
      ])
      await refreshStatuses(ctx.sql, { asOf: '2026-07-20' }, new Date('2026-07-20T02:00:00Z'), ids)
      const after = await ctx.sql.query<{ status: string }>(`select status from participants where id = $1`, [worker.id])
      expect(after.rows[0]?.status).toBe('aktif')
      expect((await participantAccount(ctx.sql, worker.id, '2026-01-31')).status).toBe('terdaftar')
      expect((await trialBalance(ctx.sql)).balanced).toBe(true)
    })

    it('pays once when the same payment arrives five times at once', async () => {
      await employerWithWorker('RACE1')
      const invoice = await billEmployer(ctx.sql, { npp: 'RACE1', month: '2026-03' }, now, ids)
      const racing = await Promise.all(Array.from({ length: 5 }, () => payEmployerInvoice(ctx.sql, { invoiceId: invoice.invoiceId, paidOn: '2026-04-20', clientKey: 'same' })))
      expect(racing.filter((r) => !r.replayed)).toHaveLength(1)
      expect(racing.every((r) => r.totalIdr === 462_000 + 9_240)).toBe(true)
      const { rows } = await ctx.sql.query<{ n: number }>(`select count(*)::int as n from employer_invoice_payments where invoice_id = $1`, [invoice.invoiceId])
      expect(rows[0]?.n).toBe(1)
      expect((await trialBalance(ctx.sql)).balanced).toBe(true)
    })

    it('bills only workers employed in the month with a wage in force; refuses an unknown NPP and a month with no wages', async () => {
      const { employer } = await employerWithWorker('SPLIT1', 4_000_000, '2026-02')
      await expect(billEmployer(ctx.sql, { npp: 'SPLIT1', month: '2026-01' }, now, ids)).rejects.toMatchObject({ code: 'invalid_state' })
      await expect(billEmployer(ctx.sql, { npp: 'NOPE', month: '2026-01' }, now, ids)).rejects.toMatchObject({ code: 'not_found', details: { field: 'npp' } })
      const second = await insertTestParticipant(ctx.sql, { name: 'Made Kedua' })
      await recordWage(ctx.sql, { actor: null, employerId: employer.id, nik: second.nik, month: '2026-03', wageIdr: 6_000_000, via: 'cli', requestId: null }, now, () => newId())
      expect(await billEmployer(ctx.sql, { npp: 'SPLIT1', month: '2026-02' }, now, ids)).toMatchObject({ workers: 1 })
      const march = await billEmployer(ctx.sql, { npp: 'SPLIT1', month: '2026-03' }, now, ids)
      expect(march.workers).toBe(2)
      expect(march.amountIdr).toBe(Math.round(4_000_000 * 0.0924) + Math.round(6_000_000 * 0.0924))
      expect((await trialBalance(ctx.sql)).balanced).toBe(true)
    })
  },
  { referenceData: true },
)
