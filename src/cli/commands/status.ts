import type { Command } from 'commander'
import { refreshStatuses } from '../../flows/refresh-statuses.js'
import { readConfig } from '../../platform/config.js'
import { migrate, openDatabase } from '../../platform/db/index.js'
import { newId } from '../../platform/ids.js'
import { action, output } from '../run-command.js'

export function register(program: Command): void {
  const status = program.command('status').description('Status kepesertaan: the daily job that moves statuses with time alone')
  status
    .command('refresh')
    .description('Re-evaluate every participant whose next status change date has come; write off lapsed spells')
    .option('--as-of <YYYY-MM-DD>', 'date to evaluate at (default: today, WITA)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { asOf?: string; json?: boolean }) => {
        const db = await openDatabase(readConfig())
        try {
          if (db.owner) await migrate(db)
          const r = await refreshStatuses(db.sql, { ...(options.asOf ? { asOf: options.asOf } : {}) }, new Date(), { newId })
          const shown = { evaluated: r.evaluated, changed: r.changed, byStatus: r.byStatus }
          output(shown, options.json ?? false, (s: typeof shown) =>
            `Status per ${r.asOf}: ${s.evaluated} dievaluasi, ${s.changed} berubah (${Object.entries(s.byStatus).map(([k, n]) => `${k} ${n}`).join(', ') || '-'}); dihapusbukukan Rp${r.writtenOffIdr}`)
        } finally {
          await db.close()
        }
      }),
    )
}
