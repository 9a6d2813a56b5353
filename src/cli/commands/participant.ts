import type { Command } from 'commander'
import { localDateAt } from '../../kernel/dates.js'
import { DomainError } from '../../kernel/errors.js'
import { newId } from '../../platform/ids.js'
import { findByNumber, participantAccountByNumber, type ParticipantAccount } from '../../flows/participant-account.js'
import { addProtectionPeriod } from '../../flows/protection-period.js'
import { action, output } from '../run-command.js'
import { parseWhole, rupiah, withDatabase, withFlags } from './contributions-cli.js'

interface ShowOptions {
  asOf?: string
  json?: boolean
}

function text(a: ParticipantAccount): string {
  const head = `Status ${a.status} per ${a.asOf}; lunas s.d. ${a.paidThrough ?? '—'}; tunggakan ${rupiah(a.arrearsIdr)}; dibayar ${rupiah(a.totalPaidIdr)}; saldo ${rupiah(a.creditIdr)}`
  const next = a.nextChange ? `\nBerubah ${a.nextChange.date} → ${a.nextChange.status}` : ''
  return `${head}${next}\n${a.months.map((m) => `${m.month}  ${m.status.padEnd(10)} iuran ${rupiah(m.dueIdr)}  dibayar ${rupiah(m.paidIdr)}`).join('\n')}`
}

interface ProtectOptions {
  from?: string
  to?: string
  via?: 'placement' | 'individual'
  contract?: string
  extra?: string
  value?: string
  project?: string
  json?: boolean
}

const PROTECT_FLAGS = { from: '--from', to: '--to', via: '--via', contractMonths: '--contract', extraMonths: '--extra', contractValueIdr: '--value', participant: '<NIK|KPJ>' }

/** `semesta participant protect <NIK|KPJ>`: a PMI placement or a construction project's protection period and its due. */
function registerProtect(participant: Command): void {
  participant
    .command('protect <number>')
    .description('Tambah masa perlindungan PMI (--contract 6|12|24 [--via] [--extra]) atau proyek jakon (--value --to)')
    .option('--from <YYYY-MM-DD>', 'the first day covered (default today, WITA)')
    .option('--to <YYYY-MM-DD>', 'the last day covered (jakon: the project end; PMI 6/12 months: from the placement papers)')
    .option('--via <placement|individual>', 'PMI: through a Pelaksana Penempatan (default) or individually')
    .option('--contract <months>', 'PMI: the contract length, 6, 12 or 24')
    .option('--extra <months>', 'PMI: months beyond the contract')
    .option('--value <idr>', 'jakon: the contract value excluding VAT')
    .option('--project <name>', 'jakon: the project name')
    .option('--json', 'print JSON')
    .action(
      action(async (number: string, o: ProtectOptions) => {
        const result = await withDatabase(async (sql) => {
          const p = await findByNumber(sql, number).catch(withFlags(PROTECT_FLAGS))
          if (!p) throw new DomainError('not_found', 'no participant with this NIK or KPJ', { field: '<NIK|KPJ>' })
          const protection = {
            from: o.from, to: o.to, via: o.via, project: o.project,
            ...(o.contract !== undefined ? { contractMonths: parseWhole(o.contract, '--contract') } : {}),
            ...(o.extra !== undefined ? { extraMonths: parseWhole(o.extra, '--extra') } : {}),
            ...(o.value !== undefined ? { contractValueIdr: parseWhole(o.value, '--value') } : {}),
          }
          return addProtectionPeriod(sql, { participantId: p.id, protection, actor: null, requestId: null }, new Date(), { newId: () => newId() }).catch(withFlags(PROTECT_FLAGS))
        })
        output(result, o.json ?? false, () => `Perlindungan ${result.segment} ${result.from} s.d. ${result.to}: iuran ${rupiah(result.amountIdr)} (bayar dengan \`semesta pay\`); status ${result.status}`)
      }),
    )
}

/** `semesta participant show <NIK|KPJ> [--as-of]`: the participant's contribution account (issue 5 item 7). */
export function register(program: Command): void {
  const participant = program.command('participant').description('Peserta: status, rekening iuran, masa perlindungan PMI/jakon')
  registerProtect(participant)
  participant
    .command('show <number>')
    .description('Status, tunggakan dan iuran per bulan seorang peserta (NIK atau KPJ)')
    .option('--as-of <YYYY-MM-DD>', 'the date to show (default today, WITA)')
    .option('--json', 'print JSON')
    .action(
      action(async (number: string, options: ShowOptions) => {
        const asOf = options.asOf ?? localDateAt(new Date(), 'Asia/Makassar')
        const account = await withDatabase((sql) => participantAccountByNumber(sql, number, asOf).catch(withFlags({ asOf: '--as-of', participant: '<NIK|KPJ>' })))
        const { status, paidThrough, arrearsIdr, totalPaidIdr, creditIdr, nextChange, months } = account
        output({ status, paidThrough, arrearsIdr, totalPaidIdr, creditIdr, nextChange, months: months.map(({ month, status: s, dueIdr, paidIdr }) => ({ month, status: s, dueIdr, paidIdr })) },
          options.json ?? false, () => text(account))
      }),
    )
}
