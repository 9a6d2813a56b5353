import type { Command } from 'commander'
import { runMonthlyBilling } from '../../flows/run-monthly-billing.js'
import { action, output } from '../run-command.js'
import { rupiah, withDatabase, withFlags } from './contributions-cli.js'

interface BillOptions {
  month: string
  chunk?: string
  json?: boolean
}

/** `semesta bill --month YYYY-MM`: set-based monthly billing of BPU dues (issue 5 item 1); resumable, idempotent. */
export function register(program: Command): void {
  program
    .command('bill')
    .description('Tagih iuran bulanan (BPU) untuk satu bulan: idempoten, dapat dilanjutkan setelah gagal')
    .requiredOption('--month <YYYY-MM>', 'the contribution month')
    .option('--chunk <n>', 'participants per committed chunk', '100000')
    .option('--json', 'print JSON')
    .action(
      action(async (options: BillOptions) => {
        const result = await withDatabase((sql) =>
          runMonthlyBilling(sql, { month: options.month, chunkSize: Math.max(1, Number(options.chunk) || 100_000) }, new Date()).catch(withFlags({ month: '--month' })),
        )
        const { month, enrolments, dues, billedIdr } = result
        output({ month, enrolments, dues, billedIdr }, options.json ?? false, () =>
          `Tagihan ${month}: ${enrolments} kepesertaan, ${dues} baris iuran, ${rupiah(billedIdr)} (baru: ${result.newDues})`)
      }),
    )
}
