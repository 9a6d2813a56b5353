import type { Command } from 'commander'
import { localDateAt } from '../../kernel/dates.js'
import { participantAccountByNumber, type ParticipantAccount } from '../../flows/participant-account.js'
import { action, output } from '../run-command.js'
import { rupiah, withDatabase, withFlags } from './contributions-cli.js'

interface ShowOptions {
  asOf?: string
  json?: boolean
}

function text(a: ParticipantAccount): string {
  const head = `Status ${a.status} per ${a.asOf}; lunas s.d. ${a.paidThrough ?? '—'}; tunggakan ${rupiah(a.arrearsIdr)}; dibayar ${rupiah(a.totalPaidIdr)}; saldo ${rupiah(a.creditIdr)}`
  const next = a.nextChange ? `\nBerubah ${a.nextChange.date} → ${a.nextChange.status}` : ''
  return `${head}${next}\n${a.months.map((m) => `${m.month}  ${m.status.padEnd(10)} iuran ${rupiah(m.dueIdr)}  dibayar ${rupiah(m.paidIdr)}`).join('\n')}`
}

/** `semesta participant show <NIK|KPJ> [--as-of]`: the participant's contribution account (issue 5 item 7). */
export function register(program: Command): void {
  const participant = program.command('participant').description('Peserta: status dan rekening iuran')
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
