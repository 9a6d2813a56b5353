import type { Command } from 'commander'
import { listTargets } from '../../areas/coverage/index.js'
import { setCoverageTarget } from '../../flows/coverage-admin.js'
import { openTable } from '../../platform/tabular/index.js'
import { action, output } from '../run-command.js'
import { withDb } from './report.js'

export function register(program: Command): void {
  const target = program.command('target').description('Target cakupan per wilayah dan tahun (persen angkatan kerja atau jumlah orang)')
  target
    .command('set')
    .description('Menetapkan satu target, mis. --region 52 --year 2025 --value 62.22% --source "SE Bangda 500.11.2/9602"')
    .requiredOption('--region <code>', 'kode provinsi atau kabupaten/kota (52, 53.71)')
    .requiredOption('--year <YYYY>', 'tahun target')
    .requiredOption('--value <value>', 'persen (62.22%) atau jumlah orang (1054194)')
    .requiredOption('--source <text>', 'sumber target')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { region: string; year: string; value: string; source: string; json?: boolean }) => {
        const t = await withDb((db) => setCoverageTarget(db.sql, { actor: null, requestId: null, regionCode: o.region, year: Number(o.year), value: o.value, source: o.source }, new Date()))
        output(t, o.json ?? false, (x: typeof t) => `Target ${x.regionCode} ${x.year}: ${x.kind === 'pct' ? `${x.value / 10_000}%` : `${x.value} orang`}`)
      }),
    )
  target
    .command('import <file>')
    .description('Impor target dari CSV/XLSX dengan kolom region, year, value, source')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, o: { json?: boolean }) => {
        await withDb(async (db) => {
          const table = await openTable(file, { requiredColumns: ['region', 'year', 'value', 'source'] })
          let imported = 0
          for await (const row of table.rows) {
            const get = (name: string) => row.values[name] ?? ''
            await setCoverageTarget(db.sql, { actor: null, requestId: null, regionCode: get('region'), year: Number(get('year')), value: get('value'), source: get('source') }, new Date())
            imported++
          }
          const all = await listTargets(db.sql)
          output({ imported, targets: all.length }, o.json ?? false, () => `${imported} target diimpor (${all.length} target tersimpan).`)
        })
      }),
    )
}
