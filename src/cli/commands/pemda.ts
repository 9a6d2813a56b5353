import fs from 'node:fs'
import { finished } from 'node:stream/promises'
import type { Command } from 'commander'
import { enrolPemdaCohort, type EnrolCohortResult } from '../../flows/enrol-pemda-cohort.js'
import { errorFileFormat, writeImportErrors } from '../../flows/import-participants.js'
import { invoicePemdaProgramme, writeInvoiceMemberList, type PemdaInvoiceView } from '../../flows/invoice-pemda.js'
import { payPemdaInvoice, type PemdaInvoicePaid } from '../../flows/pay-pemda-invoice.js'
import { addPemdaProgramme, pemdaProgrammeStatus, programmeFor } from '../../flows/pemda-programmes.js'
import { pemdaScorecard } from '../../flows/pemda-scorecard.js'
import type { Scorecard } from '../../areas/pemda/index.js'
import { newId } from '../../platform/ids.js'
import { isTabularError } from '../../platform/tabular/index.js'
import { action, output, UnreadableInputError } from '../run-command.js'
import { parseWhole, rupiah, withDatabase, withFlags } from './contributions-cli.js'
import { readable } from './import.js'

const ids = { newId: () => newId() }

/** Domain fields → the flags that carry them. */
const flagged = withFlags({
  name: '--name', regionCode: '--region', region: '--region', year: '--year', budgetIdr: '--budget', programmes: '--programmes', incomeIdr: '--income',
  honorariumIdr: '--honorarium', groups: '--groups', startMonth: '--start', endMonth: '--end', opd: '--opd', legalBasis: '--legal-basis',
  programme: '--programme', group: '--group', from: '--from', month: '--month', invoice: '--invoice', paidOn: '--date', amountIdr: '--amount', clientKey: '--key',
})

interface AddOptions {
  name: string
  region: string
  year: string
  budget: string
  programmes?: string
  income: string
  honorarium?: string
  groups: string
  start: string
  end: string
  opd?: string
  legalBasis?: string
  json?: boolean
}

function enrolText(r: EnrolCohortResult): string {
  const c = r.cohort
  return [
    `Dibaca ${r.read} baris: ${r.stored} peserta baru, ${r.alreadyRegistered} sudah terdaftar, ${r.rejected} ditolak, ${r.warnings.length} peringatan.`,
    `Kelompok ${c.group}: ${c.admitted} masuk program (mulai ${c.firstMonth}); sekarang ${c.members} dari kuota ${c.quota}.`,
    `Ditolak: ${c.outsideRegion} di luar wilayah, ${c.quotaExceeded} melebihi kuota, ${c.notEligible} kategori lain; ${c.alreadySponsored} ditandai (sudah dibayar pihak lain).`,
    ...r.errors.slice(0, 30).map((e) => `  baris ${e.row} ${e.field} ${e.code}: ${e.message}`),
  ].join('\n')
}

/** The invoice as `semesta pemda invoice --json` prints it (issue 8 item 7: counts and amounts as JSON numbers). */
function invoiceJson(v: PemdaInvoiceView) {
  return { invoiceNo: v.invoiceNo, programme: v.programme, month: v.month, workers: v.workers, amountIdr: v.amountIdr, lines: v.lines.map(({ group, workers, amountIdr }) => ({ group, workers, amountIdr })) }
}

function invoiceText(v: PemdaInvoiceView): string {
  return [
    `Tagihan ${v.invoiceNo} (revisi ${v.revision}${v.replayed ? ', sudah ada' : ''}): ${v.workers} pekerja, ${rupiah(v.amountIdr)}, jatuh tempo ${v.dueDate}.`,
    ...v.lines.map((l) => `  ${l.group.padEnd(14)} ${String(l.workers).padStart(7)} pekerja ${rupiah(l.amountIdr).padStart(18)}`),
  ].join('\n')
}

function scorecardText(s: Scorecard): string {
  const mark = (met: boolean | null) => (met === null ? '?' : met ? '✓' : '✗')
  return [`Kartu skor ${s.regionCode} ${s.year}: ${s.met} dari ${s.judged} kriteria terpenuhi.`, ...s.criteria.map((c) => `  ${mark(c.met)} ${c.label}: ${c.value ?? '-'} (target ${c.target ?? '-'})`)].join('\n')
}

export function register(program: Command): void {
  const pemda = program.command('pemda').description('Program pemda: pekerja yang iurannya dibayar APBD (kohort, tagihan, anggaran, kartu skor)')

  pemda
    .command('add')
    .description('Create a regional-government programme; prints its id')
    .requiredOption('--name <name>', 'programme name')
    .requiredOption('--region <code>', 'the paying government: a province (51) or a kab/kota (51.71 or 5171)')
    .requiredOption('--year <yyyy>', 'APBD budget year')
    .requiredOption('--budget <idr>', 'budget in rupiah')
    .option('--programmes <list>', 'programmes paid, e.g. jkk,jkm (default) or jkk,jkm,jht')
    .requiredOption('--income <idr>', 'monthly income the BPU members are billed on, e.g. 1000000 (the lowest base)')
    .option('--honorarium <idr>', 'honorarium of the non_asn group (default: --income)')
    .requiredOption('--groups <list>', 'cohort groups with quotas, e.g. nelayan:349,petani:1462,non_asn:5302')
    .requiredOption('--start <yyyy-mm>', 'first month of the programme')
    .requiredOption('--end <yyyy-mm>', 'last month of the programme')
    .option('--opd <name>', 'the OPD that holds the budget line')
    .option('--legal-basis <text>', 'regional regulation, e.g. "Pergub Bali 19/2017"')
    .option('--json', 'print JSON')
    .action(
      action(async (o: AddOptions) => {
        const input = {
          name: o.name, regionCode: o.region, year: o.year, budgetIdr: o.budget, programmes: o.programmes, incomeIdr: o.income, honorariumIdr: o.honorarium,
          groups: o.groups, startMonth: o.start, endMonth: o.end, opd: o.opd, legalBasis: o.legalBasis,
        }
        const created = await withDatabase((sql) => addPemdaProgramme(sql, { input, actor: null, requestId: null }, new Date(), ids)).catch(flagged)
        output({ id: created.id }, o.json ?? false, () => `Program pemda dibuat: ${created.id} (${created.regionCode}, ${created.groups.length} kelompok, anggaran ${rupiah(created.budgetIdr)})`)
      }),
    )

  pemda
    .command('enrol')
    .description("Enrol a cohort group from the OPD's list (the participant import's CSV/XLSX template)")
    .argument('<file>', 'the list, .csv or .xlsx')
    .requiredOption('--programme <id>', 'programme id')
    .requiredOption('--group <code>', 'cohort group, e.g. nelayan')
    .option('--from <yyyy-mm>', 'first due month (default: the programme start)')
    .option('--errors <file>', 'write the rejected rows with their messages to this CSV or XLSX file')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, o: { programme: string; group: string; from?: string; errors?: string; json?: boolean }) => {
        await readable(file)
        const result = await withDatabase(async (sql) => {
          const r = await enrolPemdaCohort(sql, { programmeId: o.programme, group: o.group, from: o.from, file, actor: null, requestId: null }, () => new Date())
          if (o.errors) {
            const out = fs.createWriteStream(o.errors)
            await writeImportErrors(sql, r.jobId, out, errorFileFormat(o.errors))
            await finished(out)
          }
          return r
        }).catch((error: unknown) => {
          if (isTabularError(error)) throw new UnreadableInputError(error.message)
          return flagged(error)
        })
        output(result, o.json ?? false, enrolText)
      }),
    )

  pemda
    .command('invoice')
    .description("The programme's invoice for a month (re-running returns it; a changed cohort revises it)")
    .requiredOption('--programme <id>', 'programme id')
    .requiredOption('--month <yyyy-mm>', 'contribution month')
    .option('--members <file>', 'write the member list to this XLSX (or CSV) file')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { programme: string; month: string; members?: string; json?: boolean }) => {
        const view = await withDatabase(async (sql) => {
          const v = await invoicePemdaProgramme(sql, { programmeId: o.programme, month: o.month, actor: null, requestId: null }, new Date(), ids)
          if (o.members) {
            const out = fs.createWriteStream(o.members)
            await writeInvoiceMemberList(sql, v.invoiceId, out, o.members.endsWith('.csv') ? 'csv' : 'xlsx')
            await finished(out)
          }
          return v
        }).catch(flagged)
        output(o.json ? invoiceJson(view) : view, o.json ?? false, invoiceText)
      }),
    )

  pemda
    .command('pay')
    .description('Record the payment of a pemda invoice (in full or in part); members\' dues are settled and statuses follow')
    .requiredOption('--invoice <no>', 'invoice number (or id)')
    .requiredOption('--date <yyyy-mm-dd>', 'date the APBD transfer arrived')
    .option('--amount <idr>', 'the amount paid (default: what is still open; less pays part: oldest member-months first)')
    .option('--key <key>', 'idempotency key (default: invoice number, revision and date)')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { invoice: string; date: string; amount?: string; key?: string; json?: boolean }) => {
        const amountIdr = o.amount === undefined ? undefined : parseWhole(o.amount, '--amount')
        const paid = await withDatabase((sql) => payPemdaInvoice(sql, { invoice: o.invoice, paidOn: o.date, amountIdr, clientKey: o.key, actor: null, requestId: null }, new Date(), ids)).catch(flagged)
        output(paid, o.json ?? false, (p: PemdaInvoicePaid) => `Tagihan ${p.invoiceNo} ${p.fullyPaid ? 'lunas' : `dibayar sebagian (sisa ${rupiah(p.openIdr)})`} ${p.paidOn}: ${rupiah(p.amountIdr)}${p.replayed ? ' (sudah tercatat)' : `; ${p.membersSettled} peserta, ${p.membersAktif} aktif`}.`)
      }),
    )

  pemda
    .command('status')
    .description('Cohort sizes and the budget: used, committed to the end, the run-out month, room for more workers')
    .requiredOption('--programme <id>', 'programme id')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { programme: string; json?: boolean }) => {
        const s = await withDatabase(async (sql) => pemdaProgrammeStatus(sql, await programmeFor(sql, o.programme, null, 'pemda.read', null))).catch(flagged)
        const shown = { budgetIdr: s.budgetIdr, usedIdr: s.usedIdr, committedIdr: s.committedIdr, runOutMonth: s.runOutMonth, workers: s.workers, remainingCapacityWorkers: s.remainingCapacityWorkers }
        output(shown, o.json ?? false, () => [
          `Anggaran ${rupiah(s.budgetIdr)}: terpakai ${rupiah(s.usedIdr)} (dibayar ${rupiah(s.paidIdr)}), komitmen s.d. akhir ${rupiah(s.committedIdr)}.`,
          s.runOutMonth ? `Anggaran habis pada ${s.runOutMonth}.` : `Anggaran cukup sampai akhir program; sisa cukup untuk ${s.remainingCapacityWorkers} pekerja lagi.`,
          ...Object.entries(s.workers).map(([g, n]) => `  ${g.padEnd(14)} ${String(n).padStart(7)} / ${s.quota[g]}`),
        ].join('\n'))
      }),
    )

  pemda
    .command('scorecard')
    .description("A regional government's scorecard (Paritrana award and UCJ criteria, each with its data)")
    .requiredOption('--region <code>', 'province (52) or kab/kota (51.71)')
    .option('--year <yyyy>', 'year (default: this year)')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { region: string; year?: string; json?: boolean }) => {
        const year = o.year === undefined ? new Date().getUTCFullYear() : parseWhole(o.year, '--year')
        const card = await withDatabase((sql) => pemdaScorecard(sql, { regionCode: o.region, year, actor: null, requestId: null })).catch(flagged)
        output(card, o.json ?? false, scorecardText)
      }),
    )
}
