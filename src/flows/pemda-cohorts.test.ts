import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { newId } from '../platform/ids.js'
import { enrolPemdaCohort } from './enrol-pemda-cohort.js'
import { endPemdaMember } from './end-pemda-member.js'
import { invoicePemdaProgramme, writeInvoiceMemberList } from './invoice-pemda.js'
import { payPemdaInvoice } from './pay-pemda-invoice.js'
import { addPemdaProgramme, pemdaProgrammeStatus, programmeFor } from './pemda-programmes.js'
import { people, writeCohortFile } from './pemda.test-support.js'
import { refreshStatuses } from './refresh-statuses.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-pemda-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const ids = { newId: () => newId() }
const at = (iso: string) => () => new Date(iso)

describeDb(
  'pemda cohorts: enrolment rules, invoices, payment and statuses',
  (ctx) => {
    let denpasar: string
    let bali: string

    beforeAll(async () => {
      const now = new Date('2026-03-20T02:00:00Z')
      denpasar = (await addPemdaProgramme(ctx.sql, { actor: null, requestId: null, input: {
        name: 'Perlindungan pekerja rentan Kota Denpasar 2026', regionCode: '5171', year: 2026, budgetIdr: 2_000_000, programmes: 'jkk,jkm', incomeIdr: 1_000_000,
        honorariumIdr: 2_000_000, groups: 'nelayan:3,non_asn:2', startMonth: '2026-04', endMonth: '2026-12', legalBasis: 'Perwali Denpasar (uji)', opd: 'Disnaker Kota Denpasar',
      } }, now, ids)).id
      bali = (await addPemdaProgramme(ctx.sql, { actor: null, requestId: null, input: {
        name: 'Perlindungan sulinggih dan pemangku Provinsi Bali 2026', regionCode: '51', year: 2026, budgetIdr: 100_000_000, programmes: 'jkk,jkm', incomeIdr: 1_000_000,
        groups: 'sulinggih:10', startMonth: '2026-01', endMonth: '2026-12', legalBasis: 'Pergub Bali 19/2017',
      } }, now, ids)).id
    })

    it('enrols from an XLSX: outside the region rejected, rows past the quota rejected one by one, a sponsored worker flagged, the programme wins', async () => {
      // Pemprov Bali already pays for serial 7 (a Denpasar sulinggih)
      const provFile = path.join(dir, 'prov.xlsx')
      await writeCohortFile(provFile, people(7, 1, { occupation: 'sulinggih' }))
      const prov = await enrolPemdaCohort(ctx.sql, { programmeId: bali, group: 'sulinggih', file: provFile, actor: null, requestId: null }, at('2026-03-20T02:00:00Z'))
      expect(prov.cohort).toMatchObject({ admitted: 1, members: 1 })

      const file = path.join(dir, 'nelayan.xlsx')
      await writeCohortFile(file, [
        { serial: 1, incomeIdr: 1_500_000 },
        { serial: 2, regencyCode: '51.03' },
        { serial: 3 },
        { serial: 7, occupation: 'sulinggih' },
        { serial: 4, programmes: 'JKK+JKM+JHT' },
        { serial: 5 },
        { serial: 6 },
      ])
      const result = await enrolPemdaCohort(ctx.sql, { programmeId: denpasar, group: 'nelayan', file, actor: null, requestId: null }, at('2026-03-20T02:00:00Z'))
      expect(result.cohort).toMatchObject({ admitted: 3, outsideRegion: 1, quotaExceeded: 2, alreadySponsored: 1, members: 3, quota: 3, firstMonth: '2026-04' })
      expect(result.errors.map((e) => [e.row, e.code])).toEqual([[3, 'outside_region'], [7, 'quota_exceeded'], [8, 'quota_exceeded']])
      expect(result.warnings.map((w) => [w.row, w.code])).toEqual([[2, 'income_overridden'], [5, 'already_sponsored'], [6, 'programmes_overridden']])
      // the sponsored worker stays with the province only: one pemda enrolment, never two payers
      const { rows } = await ctx.sql.query<{ payer_ref: string; n: number }>(
        `select e.payer_ref, count(*)::int as n from enrolments e join participants p on p.id = e.participant_id where p.nik like '5171%' and e.payer = 'pemda' group by 1`)
      expect(Object.fromEntries(rows.map((r) => [r.payer_ref, r.n]))).toEqual({ [bali]: 1, [denpasar]: 3 })
      const { rows: moved } = await ctx.sql.query<{ declared_income_idr: number; programmes: string[]; start_month: string }>(
        `select e.declared_income_idr, e.programmes, e.start_month from enrolments e where e.payer_ref = $1`, [denpasar])
      expect(moved.every((m) => m.declared_income_idr === 1_000_000 && m.programmes.join('+') === 'JKK+JKM' && m.start_month === '2026-04')).toBe(true)
    })

    it('invoices a PP 50/2025 month at the full amount (E13), returns the same invoice on a re-run, and revises it when the cohort changes', async () => {
      const nonAsn = path.join(dir, 'non-asn.csv')
      await writeCohortFile(nonAsn, people(20, 1, { category: 'non_asn', incomeIdr: 2_000_000 }))
      await enrolPemdaCohort(ctx.sql, { programmeId: denpasar, group: 'non_asn', file: nonAsn, actor: null, requestId: null }, at('2026-03-25T02:00:00Z'))
      const april = await invoicePemdaProgramme(ctx.sql, { programmeId: denpasar, month: '2026-04', actor: null, requestId: null }, new Date('2026-04-01T01:00:00Z'), ids)
      // BPU at the lowest base: JKK 10,000 + JKM 6,800, no discount for an APBD payer; non-ASN: 0.24 % + 0.30 % of 2,000,000
      expect(april).toMatchObject({ workers: 4, amountIdr: 3 * 16_800 + 10_800, dueDate: '2026-04-15', revision: 1, replayed: false })
      expect(april.lines).toEqual([
        { group: 'nelayan', workers: 3, memberMonths: 3, amountIdr: 50_400 },
        { group: 'non_asn', workers: 1, memberMonths: 1, amountIdr: 10_800 },
      ])
      const again = await invoicePemdaProgramme(ctx.sql, { programmeId: denpasar, month: '2026-04', actor: null, requestId: null }, new Date('2026-04-02T01:00:00Z'), ids)
      expect(again).toMatchObject({ invoiceNo: april.invoiceNo, revision: 1, replayed: true })
      // a second non-ASN worker joins from April: the unpaid April invoice is revised
      const late = path.join(dir, 'non-asn-2.csv')
      await writeCohortFile(late, people(21, 1, { category: 'non_asn', incomeIdr: 2_000_000 }))
      await enrolPemdaCohort(ctx.sql, { programmeId: denpasar, group: 'non_asn', file: late, actor: null, requestId: null }, at('2026-04-03T02:00:00Z'))
      const revised = await invoicePemdaProgramme(ctx.sql, { programmeId: denpasar, month: '2026-04', actor: null, requestId: null }, new Date('2026-04-03T03:00:00Z'), ids)
      expect(revised).toMatchObject({ invoiceNo: april.invoiceNo, revision: 2, workers: 5, amountIdr: 50_400 + 21_600, revised: true })
      const { rows } = await ctx.sql.query<{ balance: number }>(
        `select coalesce(sum(e.amount_idr), 0)::int8 as balance from ledger_entries e join ledger_accounts a on a.id = e.account_id where a.kind = 'payer_receivable' and a.ref = $1`,
        [`pemda:${denpasar}`])
      expect(rows[0]!.balance).toBe(72_000)
      const xlsx = path.join(dir, 'members.xlsx')
      expect(await writeInvoiceMemberList(ctx.sql, revised.invoiceId, fs.createWriteStream(xlsx))).toBe(5)
    })

    it('pays through the ledger (members aktif), then an unpaid invoice drives them to menunggak and nonaktif; non-ASN stay aktif', async () => {
      const april = await invoicePemdaProgramme(ctx.sql, { programmeId: denpasar, month: '2026-04', actor: null, requestId: null }, new Date('2026-04-05T01:00:00Z'), ids)
      const paid = await payPemdaInvoice(ctx.sql, { invoice: april.invoiceNo, paidOn: '2026-04-10', amountIdr: april.amountIdr, actor: null, requestId: null }, new Date('2026-04-10T03:00:00Z'), ids)
      expect(paid).toMatchObject({ membersSettled: 5, membersAktif: 5, replayed: false })
      const replay = await payPemdaInvoice(ctx.sql, { invoice: april.invoiceNo, paidOn: '2026-04-10', actor: null, requestId: null }, new Date('2026-04-10T04:00:00Z'), ids)
      expect(replay.replayed).toBe(true)
      const { rows: receivable } = await ctx.sql.query<{ balance: number }>(
        `select coalesce(sum(e.amount_idr), 0)::int8 as balance from ledger_entries e join ledger_accounts a on a.id = e.account_id where a.kind = 'payer_receivable' and a.ref = $1`,
        [`pemda:${denpasar}`])
      expect(receivable[0]!.balance).toBe(0)
      // May is invoiced and never paid
      await invoicePemdaProgramme(ctx.sql, { programmeId: denpasar, month: '2026-05', actor: null, requestId: null }, new Date('2026-05-01T01:00:00Z'), ids)
      const statuses = async () => (await ctx.sql.query<{ category: string; status: string; n: number }>(
        `select p.category, p.status, count(*)::int as n from pemda_members m join participants p on p.id = m.participant_id where m.programme_id = $1 group by 1, 2 order by 1, 2`, [denpasar])).rows
      await refreshStatuses(ctx.sql, { asOf: '2026-05-20' }, new Date('2026-05-20T01:00:00Z'), ids)
      expect(await statuses()).toEqual([{ category: 'bpu', status: 'menunggak', n: 3 }, { category: 'non_asn', status: 'aktif', n: 2 }])
      await refreshStatuses(ctx.sql, { asOf: '2026-08-20' }, new Date('2026-08-20T01:00:00Z'), ids)
      expect(await statuses()).toEqual([{ category: 'bpu', status: 'nonaktif', n: 3 }, { category: 'non_asn', status: 'aktif', n: 2 }])
    })

    it('shows the budget: used, committed to the end of the period, the run-out month and the room left', async () => {
      const programme = await programmeFor(ctx.sql, denpasar, null, 'pemda.read', null)
      const status = await pemdaProgrammeStatus(ctx.sql, programme)
      // April 72,000 + May 72,000 invoiced; June–December at 72,000 a month
      expect(status).toMatchObject({ budgetIdr: 2_000_000, usedIdr: 144_000, paidIdr: 72_000, committedIdr: 9 * 72_000, workers: { nelayan: 3, non_asn: 2 }, runOutMonth: null })
      expect(status.remainingCapacityWorkers).toBe(Math.floor((2_000_000 - 9 * 72_000) / (7 * 16_800)))
    })

    it('a leaver ends at a month: berhenti, or by choice self-paying; later invoices leave them out and free their place', async () => {
      const { rows } = await ctx.sql.query<{ participant_id: string }>(
        `select participant_id from pemda_members where programme_id = $1 and group_code = 'nelayan' order by participant_id`, [denpasar])
      const [stays, stops, goesOn] = rows.map((r) => r.participant_id)
      await endPemdaMember(ctx.sql, { programmeId: denpasar, participantId: stops!, lastMonth: '2026-05', choice: 'berhenti', actor: null, requestId: null }, new Date('2026-05-25T01:00:00Z'), ids)
      await endPemdaMember(ctx.sql, { programmeId: denpasar, participantId: goesOn!, lastMonth: '2026-05', choice: 'self', actor: null, requestId: null }, new Date('2026-05-25T01:00:00Z'), ids)
      const june = await invoicePemdaProgramme(ctx.sql, { programmeId: denpasar, month: '2026-06', actor: null, requestId: null }, new Date('2026-06-01T01:00:00Z'), ids)
      expect(june.lines).toEqual([{ group: 'nelayan', workers: 1, memberMonths: 1, amountIdr: 16_800 }, { group: 'non_asn', workers: 2, memberMonths: 2, amountIdr: 21_600 }])
      const enrolments = await ctx.sql.query<{ participant_id: string; payer: string; status: string }>(
        `select participant_id, payer, status from enrolments where participant_id = any($1::uuid[]) order by participant_id, created_at`, [[stops, goesOn, stays]])
      expect(enrolments.rows.filter((e) => e.participant_id === goesOn).map((e) => [e.payer, e.status])).toEqual([['pemda', 'ended'], ['self', 'active']])
      expect(enrolments.rows.filter((e) => e.participant_id === stops).map((e) => e.status)).toEqual(['ended'])
      const { rows: status } = await ctx.sql.query<{ status: string }>(`select status from participants where id = $1`, [stops])
      expect(status[0]!.status).toBe('berhenti')
      const programme = await programmeFor(ctx.sql, denpasar, null, 'pemda.read', null)
      expect((await pemdaProgrammeStatus(ctx.sql, programme)).workers).toEqual({ nelayan: 1, non_asn: 2 })
      await expect(endPemdaMember(ctx.sql, { programmeId: denpasar, participantId: stays!, lastMonth: '2026-05', choice: 'self', actor: null, requestId: null }, new Date(), ids))
        .resolves.toMatchObject({ choice: 'self' })
    })
  },
  { referenceData: true },
)
