import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { newId } from '../platform/ids.js'
import { enrolPemdaCohort } from './enrol-pemda-cohort.js'
import { invoicePemdaProgramme } from './invoice-pemda.js'
import { payPemdaInvoice } from './pay-pemda-invoice.js'
import { addPemdaProgramme, pemdaProgrammeStatus, programmeFor } from './pemda-programmes.js'
import { people, writeCohortFile, type CohortPerson } from './pemda.test-support.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-denpasar-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const ids = { newId: () => newId() }
/** Each group's XLSX is written once and enrolled on both engines (the same bytes). */
const written = new Map<string, Promise<void>>()
const cohortFile = (file: string, serial: number, workers: number, like: Omit<CohortPerson, 'serial'>): Promise<void> => {
  if (!written.has(file)) written.set(file, writeCohortFile(file, people(serial, workers, like)))
  return written.get(file) as Promise<void>
}

/**
 * Kota Denpasar's 2025 cohort (reference/banuspa-facts.md: 10,717 workers in twelve groups, 5,302 of them non-ASN),
 * each group's quota full, enrolled from one XLSX per group as the OPD sends it.
 */
const DENPASAR_2025: ReadonlyArray<[group: string, workers: number, like: Omit<CohortPerson, 'serial'>]> = [
  ['sulinggih', 233, { occupation: 'sulinggih' }],
  ['pemangku', 156, { occupation: 'pemangku' }],
  ['pecalang', 33, { occupation: 'pecalang' }],
  ['kelian_adat', 342, { occupation: 'prajuru_adat' }],
  ['petengen', 274, { occupation: 'prajuru_adat' }],
  ['penyarikan', 274, { occupation: 'prajuru_adat' }],
  ['jumantik', 413, { occupation: 'kader_kesehatan' }],
  ['nelayan', 349, { occupation: 'nelayan' }],
  ['petani', 1_462, { occupation: 'petani' }],
  ['pkh', 1_579, { occupation: 'lainnya' }],
  ['linmas', 300, { occupation: 'linmas' }],
  ['non_asn', 5_302, { category: 'non_asn', incomeIdr: 2_000_000 }],
]
const BPU_WORKERS = 10_717 - 5_302
/** Per month: BPU at the lowest base JKK 10,000 + JKM 6,800 (APBD payer: no PP 50/2025 discount); non-ASN 0.24 % + 0.30 % of Rp2,000,000 (flagged basis). */
const MONTHLY = BPU_WORKERS * 16_800 + 5_302 * 10_800

describeDb(
  'Kota Denpasar 2025: 10,717 workers in 12 groups enrolled from XLSX, invoiced, paid, budget',
  (ctx) => {
    it('enrols every group, invoices January at 16,800 per BPU worker, is paid through the ledger and shows the run-out month', { timeout: 600_000 }, async () => {
      const programme = await addPemdaProgramme(ctx.sql, { actor: null, requestId: null, input: {
        name: 'Jaminan sosial ketenagakerjaan pekerja rentan dan non-ASN Kota Denpasar 2025', regionCode: '51.71', year: 2025, budgetIdr: 1_500_000_000,
        programmes: 'jkk,jkm', incomeIdr: 1_000_000, honorariumIdr: 2_000_000, groups: DENPASAR_2025.map(([g, n]) => `${g}:${n}`).join(','),
        startMonth: '2025-01', endMonth: '2025-12', opd: 'Dinas Tenaga Kerja dan Sertifikasi Kompetensi Kota Denpasar', legalBasis: 'Perwali Denpasar (APBD 2025)',
      } }, new Date('2025-01-20T02:00:00Z'), ids)
      let serial = 1
      for (const [group, workers, like] of DENPASAR_2025) {
        const file = path.join(dir, `${group}.xlsx`)
        await cohortFile(file, serial, workers, like)
        serial += workers
        const result = await enrolPemdaCohort(ctx.sql, { programmeId: programme.id, group, file, actor: null, requestId: null }, () => new Date('2025-01-20T03:00:00Z'))
        expect({ group, stored: result.stored, rejected: result.rejected, admitted: result.cohort.admitted }).toEqual({ group, stored: workers, rejected: 0, admitted: workers })
      }

      const january = await invoicePemdaProgramme(ctx.sql, { programmeId: programme.id, month: '2025-01', actor: null, requestId: null }, new Date('2025-01-25T02:00:00Z'), ids)
      expect(january).toMatchObject({ workers: 10_717, amountIdr: MONTHLY, dueDate: '2025-01-15' })
      expect(january.lines).toEqual(DENPASAR_2025.map(([group, workers]) => ({ group, workers, memberMonths: workers, amountIdr: workers * (group === 'non_asn' ? 10_800 : 16_800) })))

      const paid = await payPemdaInvoice(ctx.sql, { invoice: january.invoiceNo, paidOn: '2025-02-10', amountIdr: MONTHLY, actor: null, requestId: null }, new Date('2025-02-10T03:00:00Z'), ids)
      expect(paid).toMatchObject({ membersSettled: 10_717, membersAktif: 10_717 })
      const { rows } = await ctx.sql.query<{ kind: string; balance: number }>(
        `select a.kind, sum(e.amount_idr)::int8 as balance from ledger_entries e join ledger_accounts a on a.id = e.account_id
          where (a.kind = 'payer_receivable' and a.ref = $1) or (a.kind = 'bank' and a.ref = 'pemda-collections') group by a.kind order by a.kind`,
        [`pemda:${programme.id}`])
      expect(rows).toEqual([{ kind: 'bank', balance: MONTHLY }, { kind: 'payer_receivable', balance: 0 }])

      const status = await pemdaProgrammeStatus(ctx.sql, await programmeFor(ctx.sql, programme.id, null, 'pemda.read', null))
      // 10 months cost 1,482,336,000 and the 11th takes the total past Rp1.5 bn
      expect(status).toMatchObject({
        budgetIdr: 1_500_000_000, usedIdr: MONTHLY, paidIdr: MONTHLY, committedIdr: 12 * MONTHLY, runOutMonth: '2025-11', remainingCapacityWorkers: 0,
        workers: Object.fromEntries(DENPASAR_2025.map(([g, n]) => [g, n])),
      })
    })
  },
  { referenceData: true },
)
