import type { Command } from 'commander'
import { rerate } from '../../flows/rerate.js'
import { readConfig } from '../../platform/config.js'
import { migrate, openDatabase } from '../../platform/db/index.js'
import { newId } from '../../platform/ids.js'
import { action, output } from '../run-command.js'

export function register(program: Command): void {
  program
    .command('rerate')
    .description('Re-rate billed dues from a month after a dated rule arrived late (e.g. PP 50/2025): open dues take the new amount, overpaid months become credit')
    .requiredOption('--from <YYYY-MM>', 'first contribution month to re-rate')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { from: string; json?: boolean }) => {
        const db = await openDatabase(readConfig())
        try {
          if (db.owner) await migrate(db)
          const result = await rerate(db.sql, { from: options.from }, new Date(), { newId })
          output(result, options.json ?? false, (r: typeof result) =>
            `Re-rating dari ${r.from}: ${r.tariffRows} baris tarif, ${r.duesRerated} iuran (${r.openDues} terbuka, ${r.paidDues} lunas), kredit Rp${r.creditIdr}, ${r.participants} peserta`)
        } finally {
          await db.close()
        }
      }),
    )
}
