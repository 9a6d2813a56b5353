import type { Command } from 'commander'
import { isTabularError } from '../../platform/tabular/index.js'
import { readSettlementFile, reconcileChannel } from '../../flows/channel-reconcile.js'
import { action, output, UnreadableInputError } from '../run-command.js'
import { withDatabase, withFlags } from './contributions-cli.js'

interface ReconcileOptions {
  partner: string
  date: string
  file: string
  json?: boolean
}

/**
 * `semesta reconcile --partner ID --date YYYY-MM-DD --file FILE`: the partner's settlement CSV (`trxDateTime,
 * paymentRequestId, customerNo, amount`) against Semesta's payments of that WIB day (channel-api.md §11).
 */
export function register(program: Command): void {
  program
    .command('reconcile')
    .description("Cocokkan berkas settlement mitra dengan pembayaran Semesta pada hari WIB itu")
    .requiredOption('--partner <id>', 'partnerId')
    .requiredOption('--date <YYYY-MM-DD>', 'the WIB business day')
    .requiredOption('--file <file>', 'settlement CSV: trxDateTime, paymentRequestId, customerNo, amount (16800.00)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: ReconcileOptions) => {
        const rows = await readSettlementFile(options.file).catch((error: unknown) => {
          if (isTabularError(error)) throw new UnreadableInputError(error.message)
          throw error
        })
        const result = await withDatabase((sql) => reconcileChannel(sql, options.partner, options.date, rows).catch(withFlags({ partner: '--partner', date: '--date' })))
        output(result, options.json ?? false, () =>
          [
            `${options.date}: ${result.matched} cocok; hanya di mitra ${result.onlyAtPartner.length}; hanya di Semesta ${result.onlyAtSemesta.length}; jumlah berbeda ${result.amountDiffers.length}`,
            ...result.onlyAtPartner.map((r) => `  hanya di mitra (baris ${r.line}): ${r.paymentRequestId} Rp${r.amountIdr}`),
            ...result.onlyAtSemesta.map((r) => `  hanya di Semesta: ${r.paymentRequestId} Rp${r.amountIdr} (${r.receiptNo})`),
            ...result.amountDiffers.map((r) => `  jumlah berbeda (baris ${r.line}): ${r.paymentRequestId} mitra Rp${r.partnerAmountIdr}, Semesta Rp${r.semestaAmountIdr}`),
            `  settlement: bruto Rp${result.fees.grossIdr} − biaya mitra Rp${result.fees.feeIdr} = neto Rp${result.fees.netIdr}`,
          ].join('\n'))
      }),
    )
}
