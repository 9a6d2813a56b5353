import type { Command } from 'commander'
import { sinkFileIn } from '../../areas/notifications/index.js'
import { runNotifications, sinkAdapters } from '../../flows/notification-schedule.js'
import { localDateAt } from '../../kernel/dates.js'
import { readConfig } from '../../platform/config.js'
import { migrate, openDatabase } from '../../platform/db/index.js'
import { newId } from '../../platform/ids.js'
import { action, output } from '../run-command.js'

/** `semesta notify run [--date]`: the notification job once (plan reminders, warnings, receipts, OPD notes; send). */
export function register(program: Command): void {
  const notify = program.command('notify').description('Notifikasi: pengingat iuran, peringatan, kuitansi dan catatan OPD (the outbox job)')
  notify
    .command('run')
    .description('Plan the day\'s messages into the outbox (each event once) and send what is pending to the channel adapters')
    .option('--date <YYYY-MM-DD>', 'date to plan for (default: today, WITA)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { date?: string; json?: boolean }) => {
        const config = readConfig()
        const db = await openDatabase(config)
        try {
          if (db.owner) await migrate(db)
          const date = options.date ?? localDateAt(new Date(), 'Asia/Makassar')
          const r = await runNotifications(db.sql, { date, adapters: sinkAdapters(config.dataDir) }, new Date(), newId)
          output(r, options.json ?? false, (x: typeof r) =>
            `Notifikasi ${x.date}: ${x.written} pesan baru (pengingat ${x.byRule.due_reminder}, menunggak ${x.byRule.menunggak_warning}, jelang nonaktif ${x.byRule.nonaktif_warning}; ${x.planMs} ms), ${x.receipts} kuitansi, ${x.pemdaNotes} catatan OPD; terkirim ${x.send.sent}, dilewati ${x.send.skipped}, gagal ${x.send.failed} (sink: ${sinkFileIn(config.dataDir)})`)
        } finally {
          await db.close()
        }
      }),
    )
}
