import type { Command } from 'commander'
import { localDateAt } from '../../kernel/dates.js'
import { newId } from '../../platform/ids.js'
import { findByNumber } from '../../flows/participant-account.js'
import { takePayment } from '../../flows/take-payment.js'
import { DomainError } from '../../kernel/errors.js'
import { action, output } from '../run-command.js'
import { parseWhole, rupiah, withDatabase, withFlags } from './contributions-cli.js'

interface PayOptions {
  months?: string
  amount?: string
  date?: string
  key?: string
  json?: boolean
}

const FLAGS = { months: '--months', amountIdr: '--amount', paidOn: '--date', participant: '<NIK|KPJ>', 'Idempotency-Key': '--key' }

/** `semesta pay <NIK|KPJ> --months N`: takes a payment at the counter (issue 5 item 3); --date enters a receipt late. */
export function register(program: Command): void {
  program
    .command('pay <number>')
    .description('Terima pembayaran iuran peserta (NIK atau KPJ): tunggakan dulu, lalu bulan berjalan dan berikutnya')
    .option('--months <n>', 'months to pay, 1–12, arrears included')
    .option('--amount <idr>', 'money received in rupiah (without --months: as many whole months as it pays, the rest is credit)')
    .option('--date <YYYY-MM-DD>', 'the date of the payment (default today, WITA)')
    .option('--key <key>', 'idempotency key: the same key again replays the first answer')
    .option('--json', 'print JSON')
    .action(
      action(async (number: string, options: PayOptions) => {
        const now = new Date()
        const result = await withDatabase(async (sql) => {
          const p = await findByNumber(sql, number).catch(withFlags(FLAGS))
          if (!p) throw new DomainError('not_found', 'no participant with this NIK or KPJ', { field: '<NIK|KPJ>' })
          return takePayment(
            sql,
            {
              participant: { id: p.id },
              ...(options.months !== undefined ? { months: parseWhole(options.months, '--months') } : {}),
              ...(options.amount !== undefined ? { amountIdr: parseWhole(options.amount, '--amount') } : {}),
              paidOn: options.date ?? localDateAt(now, 'Asia/Makassar'),
              channel: 'cli', clientId: 'cli', clientKey: options.key ?? newId(), requestId: null, actor: null,
            },
            now,
            { newId: () => newId() },
          ).catch(withFlags(FLAGS))
        })
        const { paymentId, receiptNo, replayed, amountIdr, months, paidThrough, creditIdr, status } = result
        output({ paymentId, receiptNo, replayed, amountIdr, months, paidThrough, creditIdr, status }, options.json ?? false, () =>
          `${receiptNo}${replayed ? ' (sudah tercatat)' : ''}: ${rupiah(amountIdr)} untuk ${months.join(', ') || '—'}; lunas s.d. ${paidThrough ?? '—'}; saldo ${rupiah(creditIdr)}; status ${status}`)
      }),
    )
}
