/**
 * `npm run bench` (quick tier) and `npm run bench:full`: runs every bench/*.bench.ts of the tier, prints each
 * figure beside the ceiling measured in the same run, and writes test-results/bench.json.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { BenchContext, BenchModule, BenchRow, Tier } from './types.js'

const benchDir = path.dirname(fileURLToPath(import.meta.url))
const outFile = path.join(benchDir, '..', 'test-results', 'bench.json')

const TIERS: Record<Tier, { durationMs: number; repeats: number }> = {
  quick: { durationMs: 500, repeats: 3 },
  full: { durationMs: 2_000, repeats: 5 },
}

function parseArgs(argv: readonly string[]): { tier: Tier; only: string | undefined } {
  let tier: Tier = 'quick'
  let only: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--tier') {
      const value = argv[++i]
      if (value !== 'quick' && value !== 'full') throw new Error(`--tier must be quick or full, got ${value}`)
      tier = value
    } else if (arg === '--only') {
      only = argv[++i]
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: tsx bench/run.ts [--tier quick|full] [--only NAME]')
      process.exit(0)
    } else {
      throw new Error(`unknown argument ${arg}`)
    }
  }
  return { tier, only }
}

function isBenchModule(value: unknown): value is BenchModule {
  const candidate = value as Partial<BenchModule> | undefined
  return typeof candidate?.name === 'string' && Array.isArray(candidate.tiers) && typeof candidate.run === 'function'
}

async function loadBenches(): Promise<BenchModule[]> {
  const files = (await readdir(benchDir)).filter((file) => file.endsWith('.bench.ts')).sort()
  const modules: BenchModule[] = []
  for (const file of files) {
    const loaded = (await import(pathToFileURL(path.join(benchDir, file)).href)) as { default?: unknown }
    if (!isBenchModule(loaded.default)) throw new Error(`${file} must export default { name, tiers, run }`)
    modules.push(loaded.default)
  }
  return modules
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

function formatFigure(value: number | null, unit: string | null): string {
  if (value === null) return '—'
  const shown = Math.abs(value) >= 100 ? numberFormat.format(value) : value.toPrecision(3)
  return `${shown} ${unit ?? ''}`.trim()
}

function formatTable(results: ReadonlyArray<{ bench: string; rows: BenchRow[] }>): string {
  const header = ['bench', 'measure', 'figure', 'ceiling (same run)', 'ratio', 'goal']
  const body = results.flatMap(({ bench, rows }) =>
    rows.map((row) => [
      bench,
      row.measure,
      formatFigure(row.value, row.unit),
      formatFigure(row.ceiling, row.ceilingUnit),
      row.ratio === null ? '—' : `${(row.ratio * 100).toFixed(row.ratio < 0.01 ? 2 : 1)}%`,
      row.goal,
    ]),
  )
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)))
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n')
}

async function main(): Promise<void> {
  const { tier, only } = parseArgs(process.argv.slice(2))
  const ctx: BenchContext = { tier, ...TIERS[tier], log: (message) => console.log(`  ${message}`) }
  const benches = (await loadBenches()).filter((bench) => bench.tiers.includes(tier) && (!only || bench.name === only))
  console.log(`Semesta benchmarks, tier ${tier}: ${benches.length} bench(es), ${os.cpus().length} cores, Node ${process.version}`)
  const startedAt = new Date()
  const results: Array<{ bench: string; seconds: number; rows: BenchRow[] }> = []
  for (const bench of benches) {
    console.log(`\n${bench.name}`)
    const start = performance.now()
    const rows = await bench.run(ctx)
    results.push({ bench: bench.name, seconds: Math.round(performance.now() - start) / 1000, rows })
  }
  console.log(`\n${formatTable(results)}`)
  await mkdir(path.dirname(outFile), { recursive: true })
  const report = { tier, startedAt: startedAt.toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, results }
  await writeFile(outFile, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\nwrote ${path.relative(process.cwd(), outFile)}`)
}

await main()
