import type { Command } from 'commander'
import { loadAllReferenceData, type AllReferenceCounts } from '../../flows/load-reference-data.js'
import { readConfig } from '../../platform/config.js'
import { migrate, openDatabase, type MigrateResult } from '../../platform/db/index.js'
import { action, output } from '../run-command.js'

interface MigrateOutput {
  engine: 'embedded' | 'postgres'
  /** Embedded engine reached through the running `semesta start` rather than opened by this command. */
  throughRunningServer: boolean
  migrations: MigrateResult
  reference: AllReferenceCounts
}

function asText(result: MigrateOutput): string {
  const { reference: r, migrations: m } = result
  const changed = Object.values(r.changed).reduce((sum, n) => sum + n, 0)
  const where = result.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded${result.throughRunningServer ? ', through the running server' : ''}`
  return [
    `Database: ${where}`,
    `Migrations: ${m.applied} applied, ${m.total} in total`,
    `Reference data: ${r.provinces} provinces, ${r.regencies} kab/kota, ${r.kecamatan} kecamatan, ${r.nikPrefixes} NIK prefixes, ` +
      `${r.workforceFigures} workforce figures, ${r.holidays} holidays, ${r.branchOffices} branch offices (${changed} rows changed)`,
  ].join('\n')
}

/** `semesta migrate [--json]`: creates or updates the schema, then loads or refreshes reference/ (idempotent). */
export function register(program: Command): void {
  program
    .command('migrate')
    .description('create or update the database schema and load or refresh the reference data (safe to run again)')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        const db = await openDatabase(readConfig())
        try {
          const migrations = await migrate(db)
          const reference = await loadAllReferenceData(db.sql)
          const result: MigrateOutput = { engine: db.engine, throughRunningServer: db.engine === 'embedded' && !db.owner, migrations, reference }
          output(result, Boolean(options.json), asText)
        } finally {
          await db.close()
        }
      }),
    )
}
