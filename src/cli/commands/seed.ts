import type { Command } from 'commander'
import { loadAllReferenceData } from '../../flows/load-reference-data.js'
import { seedDemo, type SeedDemoResult } from '../../flows/seed-demo.js'
import { ensureDemoAgent } from '../../flows/seed-demo-agent.js'
import { DomainError } from '../../kernel/errors.js'
import { readConfig } from '../../platform/config.js'
import { migrate, openDatabase } from '../../platform/db/index.js'
import { action, output } from '../run-command.js'

interface SeedDemoFlags {
  participants: string
  seed: string
  ifEmpty?: boolean
  json?: boolean
}

export function parseCount(value: string, flag: string, max: number): number {
  const n = Number(value.replace(/[_,]/g, ''))
  if (!/^[\d_,]+$/.test(value) || !Number.isSafeInteger(n) || n > max) throw new DomainError('invalid_input', `${flag} must be a whole number from 0 to ${max}, got "${value}"`, { field: flag })
  return n
}

const count = new Intl.NumberFormat('id-ID')

export function seedText(r: SeedDemoResult): string {
  if (r.skipped) return 'Registri sudah berisi peserta; data demo tidak ditambahkan (--if-empty).'
  const rate = r.ms > 0 ? Math.round((r.participants * 1000) / r.ms) : 0
  const provinces = Object.entries(r.byProvince)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code}: ${count.format(n)}`)
    .join(', ')
  return [
    `Data demo: ${count.format(r.participants)} peserta (BPU ${count.format(r.bySegment.bpu)}, PU ${count.format(r.bySegment.pu)}), ${count.format(r.enrolments)} kepesertaan, ${r.sources} sumber`,
    `Seed ${r.seed}, indeks ${r.firstIndex ?? 0}…${(r.firstIndex ?? 0) + r.participants - 1}; ${(r.ms / 1000).toFixed(1)} s (${count.format(rate)} peserta/s)`,
    `Per provinsi: ${provinces}`,
  ].join('\n')
}

/** `semesta seed demo --participants N --seed S [--if-empty] [--json]`. */
export function register(program: Command): void {
  const seed = program.command('seed').description('fill the database with synthetic data')
  seed
    .command('demo')
    .description('add a synthetic Banuspa registry calibrated to the public figures (docs/demo-data.md); a second run adds more people')
    .option('--participants <n>', 'how many people to add', '2000')
    .option('--seed <s>', 'generator seed: the same seed and count give the same people', '1')
    .option('--if-empty', 'do nothing when the registry already holds participants')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (flags: SeedDemoFlags) => {
        const participants = parseCount(flags.participants, '--participants', 20_000_000)
        const seedValue = parseCount(flags.seed, '--seed', 0xffff_ffff)
        const db = await openDatabase(readConfig())
        try {
          await migrate(db)
          await loadAllReferenceData(db.sql)
          const progress = participants >= 200_000 && !flags.json
          let shown = 0
          const result = await seedDemo(db, {
            participants,
            seed: seedValue,
            ifEmpty: Boolean(flags.ifEmpty),
            onProgress: (done, total) => {
              if (progress && done - shown >= total / 10) process.stderr.write(`  ${count.format((shown = done))} / ${count.format(total)}\n`)
            },
          })
          // the demo agent agen.demo and its small Denpasar portfolio (not in production)
          if (readConfig().env !== 'production') await ensureDemoAgent(db.sql, new Date())
          output(result, Boolean(flags.json), seedText)
        } finally {
          await db.close()
        }
      }),
    )
}
