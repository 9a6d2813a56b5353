import type { Command } from 'commander'
import { registerEmployer } from '../../areas/employers/index.js'
import { importWageReport, openWageReport } from '../../flows/import-wage-report.js'
import { billEmployer, employerArrears, findEmployerByNpp, payEmployerInvoice } from '../../flows/bill-employer.js'
import { findInvoice } from '../../areas/employers/index.js'
import { DomainError, isDomainError } from '../../kernel/errors.js'
import { readConfig } from '../../platform/config.js'
import { migrate, openDatabase } from '../../platform/db/index.js'
import type { Sql } from '../../platform/db/sql.js'
import { newId } from '../../platform/ids.js'
import { isTabularError } from '../../platform/tabular/index.js'
import { action, output, UnreadableInputError } from '../run-command.js'

/** Domain fields → the flags that carry them, so every error names the flag to fix. */
const FLAG_OF: Record<string, string> = { npp: '--npp', name: '--name', regionCode: '--region', scale: '--scale', riskGroup: '--risk-group' }

function withFlag(error: unknown): never {
  if (isDomainError(error) && error.field && FLAG_OF[error.field]) throw new DomainError(error.code, error.message, { ...error.details, field: FLAG_OF[error.field] })
  throw error
}

/** Opens the database (through a running `semesta start` when it owns the embedded folder), runs `work`, closes. */
async function withDatabase<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const db = await openDatabase(readConfig())
  try {
    if (db.owner) await migrate(db)
    const { rows } = await db.sql.query<{ employers: string | null }>(`select to_regclass('employers')::text as employers`)
    if (!rows[0]?.employers) throw new DomainError('unavailable', 'the database has no employers table yet: run `semesta migrate` first')
    return await work(db.sql)
  } finally {
    await db.close()
  }
}

interface AddOptions {
  npp: string
  name: string
  region: string
  scale: string
  riskGroup: string
  json?: boolean
}

export function register(program: Command): void {
  const employer = program.command('employer').description('Perusahaan (PU): daftarkan perusahaan, impor laporan upah')

  employer
    .command('add')
    .description('Register a PU employer; prints its id, employer source id and mandatory programmes')
    .requiredOption('--npp <npp>', 'nomor pendaftaran perusahaan (letters and digits, up to 20)')
    .requiredOption('--name <name>', 'company name')
    .requiredOption('--region <code>', 'kab/kota code, e.g. 51.71 or 5171')
    .requiredOption('--scale <scale>', 'micro | small | medium | large (decides the mandatory programmes)')
    .requiredOption('--risk-group <group>', 'JKK risk group 1-5 (I-V)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: AddOptions) => {
        const input = { npp: options.npp, name: options.name, regionCode: options.region, scale: options.scale, riskGroup: options.riskGroup }
        const now = new Date()
        const created = await withDatabase((sql) => registerEmployer(sql, { actor: null, input, requestId: null, via: 'cli' }, now, () => newId())).catch(withFlag)
        const shown = { id: created.employer.id, npp: created.employer.npp, sourceId: created.employer.sourceId, mandatoryProgrammes: created.mandatoryProgrammes }
        output(shown, options.json ?? false, (e: typeof shown) => `Perusahaan terdaftar: NPP ${e.npp}, id ${e.id}, sumber ${e.sourceId}; program wajib: ${e.mandatoryProgrammes.join('+').toUpperCase()}`)
      }),
    )

  employer
    .command('wages')
    .description('Import a monthly wage report (laporan upah) CSV/XLSX: columns nik, upah, bulan (YYYY-MM), optional npp, nama')
    .argument('<file>', 'the report, .csv or .xlsx')
    .requiredOption('--npp <npp>', "the employer's NPP")
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, options: { npp: string; json?: boolean }) => {
        const table = await openWageReport(file).catch((error: unknown) => {
          throw isTabularError(error) ? new UnreadableInputError(error.message) : error
        })
        const now = new Date()
        const result = await withDatabase((sql) => importWageReport(sql, { npp: options.npp, rows: table.rows, actor: null, requestId: null, via: 'cli' }, now, () => newId())).catch((error: unknown) => {
          if (isTabularError(error)) throw new UnreadableInputError(error.message)
          return withFlag(error)
        })
        output(result, options.json ?? false, (r: typeof result) =>
          [
            `Laporan upah: ${r.read} baris dibaca, ${r.stored} disimpan (${r.corrected} koreksi), ${r.unchanged} sudah tercatat, ${r.rejected} ditolak.`,
            ...r.errors.map((e) => `  baris ${e.row} ${e.field}: ${e.message} (${e.code})`),
          ].join('\n'),
        )
      }),
    )

  registerBilling(employer)
}

/** `employer bill`, `employer pay`, `employer arrears` (issue 5 item 5): the monthly PU invoice, its payment with fines. */
function registerBilling(employer: Command): void {
  employer
    .command('bill')
    .description('Bill an employer for a contribution month from its reported wages (idempotent: the same month gives the same invoice)')
    .requiredOption('--npp <npp>', "the employer's NPP")
    .requiredOption('--month <YYYY-MM>', 'contribution month')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { npp: string; month: string; json?: boolean }) => {
        const billed = await withDatabase((sql) => billEmployer(sql, { npp: options.npp, month: options.month }, new Date(), { newId })).catch(withFlag)
        const shown = { invoiceNo: billed.invoiceNo, employer: billed.employer, month: billed.month, workers: billed.workers, amountIdr: billed.amountIdr, lines: billed.lines, dueDate: billed.dueDate }
        output(shown, options.json ?? false, (i: typeof shown) => `Tagihan ${i.invoiceNo} (${i.employer.name}, ${i.month}): ${i.workers} pekerja, Rp${i.amountIdr}, jatuh tempo ${i.dueDate}`)
      }),
    )

  employer
    .command('pay')
    .description('Record the payment of an employer invoice with its late fines (2% per started month of delay per line)')
    .requiredOption('--invoice <no>', 'invoice number, e.g. PU-NPP-202603')
    .requiredOption('--date <YYYY-MM-DD>', 'payment date')
    .option('--amount <idr>', 'amount paid (must equal contributions + fines)')
    .option('--key <key>', 'idempotency key (default: invoice number and date)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { invoice: string; date: string; amount?: string; key?: string; json?: boolean }) => {
        const amountIdr = options.amount === undefined ? undefined : Number(options.amount)
        if (amountIdr !== undefined && !Number.isSafeInteger(amountIdr)) throw new DomainError('invalid_input', '--amount must be whole rupiah', { field: '--amount' })
        const paid = await withDatabase(async (sql) => {
          const invoice = await findInvoice(sql, { invoiceNo: options.invoice.trim().toUpperCase() })
          if (!invoice) throw new DomainError('not_found', `no employer invoice ${options.invoice}`, { field: '--invoice' })
          return payEmployerInvoice(sql, { invoiceId: invoice.id, paidOn: options.date, amountIdr, clientKey: options.key })
        })
        const shown = { invoiceNo: paid.invoiceNo, amountIdr: paid.amountIdr, fineIdr: paid.fineIdr, totalIdr: paid.totalIdr, replayed: paid.replayed }
        output(shown, options.json ?? false, (p: typeof shown) => `Dibayar ${p.invoiceNo}: iuran Rp${p.amountIdr} + denda Rp${p.fineIdr} = Rp${p.totalIdr}${p.replayed ? ' (sudah tercatat)' : ''}`)
      }),
    )

  employer
    .command('arrears')
    .description("An employer's unpaid past-due invoices and the fines accrued on them at a date")
    .requiredOption('--npp <npp>', "the employer's NPP")
    .option('--as-of <YYYY-MM-DD>', 'date (default today, WITA)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { npp: string; asOf?: string; json?: boolean }) => {
        const asOf = options.asOf ?? new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
        const arrears = await withDatabase(async (sql) => employerArrears(sql, (await findEmployerByNpp(sql, options.npp)).id, asOf)).catch(withFlag)
        output(arrears, options.json ?? false, (a: typeof arrears) => `Tunggakan per ${a.asOf}: ${a.monthsLate} bulan, iuran Rp${a.contributionIdr} + denda Rp${a.fineIdr} = Rp${a.totalIdr}`)
      }),
    )
}
