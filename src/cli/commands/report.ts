import fs from 'node:fs'
import type { Command } from 'commander'
import { isBreakdown, type Breakdown, type CoverageReport } from '../../areas/coverage/index.js'
import { closeCoverageMonth, rebuildCoverage } from '../../flows/coverage-admin.js'
import { coverageCsv, coverageExport } from '../../flows/coverage-export.js'
import { coverageRealityCheck } from '../../flows/coverage-reality-check.js'
import { coverageReport } from '../../flows/coverage-report.js'
import { DomainError } from '../../kernel/errors.js'
import { readConfig } from '../../platform/config.js'
import { migrate, openDatabase, type Database } from '../../platform/db/index.js'
import { newId } from '../../platform/ids.js'
import { action, output } from '../run-command.js'

const ids = { newId }

/** Opens the database (migrating an owned embedded folder), runs `work`, closes. */
export async function withDb<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(readConfig())
  try {
    if (db.owner) await migrate(db)
    return await work(db)
  } finally {
    await db.close()
  }
}

function pct(v: number | null): string {
  return v === null ? '-' : `${v.toFixed(2).replace('.', ',')}%`
}

function text(report: CoverageReport): string {
  const lines = [`Cakupan ${report.month}${report.closed ? ' (ditutup)' : ' (berjalan)'}; terlindungi = aktif + menunggak`]
  for (const r of report.rows) {
    const target = r.target === null ? '' : `; target ${r.target}, selisih ${r.gap}, perlu ${r.neededPerMonth ?? '-'}/bulan, tercapai ${r.projectedMonth ?? 'tidak tahun ini'}`
    lines.push(`${r.code.padEnd(6)} ${(r.group ? `${r.name} [${r.group}]` : r.name).padEnd(34)} terlindungi ${String(r.terlindungi).padStart(9)} / ${r.workforce.value ?? '-'}${r.workforce.status === 'derived' ? '*' : ''} = ${pct(r.coveragePct)}${target}`)
  }
  if (report.rows.some((r) => r.workforce.status === 'derived')) lines.push('* angkatan kerja turunan (angka provinsi × pangsa penduduk Dukcapil)')
  return lines.join('\n')
}

export function register(program: Command): void {
  const report = program.command('report').description('Laporan cakupan: terlindungi terhadap angkatan kerja, target dan laju (issue 7)')
  report
    .command('coverage')
    .description('Cakupan per provinsi atau kabupaten/kota untuk satu bulan (rollup dimutakhirkan lebih dulu)')
    .option('--month <YYYY-MM>', 'bulan (default: bulan ini, WITA)')
    .option('--level <level>', 'province | regency', 'province')
    .option('--by <breakdown>', 'segment | category | source | occupation')
    .option('--format <format>', 'json | csv | xlsx | pdf (default: text, or json with --json)')
    .option('--out <file>', 'tulis ke berkas (default: stdout)')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { month?: string; level: string; by?: string; format?: string; out?: string; json?: boolean }) => {
        if (o.level !== 'province' && o.level !== 'regency') throw new DomainError('invalid_input', `--level harus province atau regency, bukan ${o.level}`, { field: '--level' })
        if (o.by !== undefined && !isBreakdown(o.by)) throw new DomainError('invalid_input', `--by harus segment, category, source atau occupation, bukan ${o.by}`, { field: '--by' })
        const format = o.format ?? (o.json ? 'json' : 'text')
        if (!['json', 'csv', 'xlsx', 'pdf', 'text'].includes(format)) throw new DomainError('invalid_input', `--format harus json, csv, xlsx atau pdf, bukan ${format}`, { field: '--format' })
        const query = { ...(o.month ? { month: o.month } : {}), level: o.level as 'province' | 'regency', ...(o.by ? { by: o.by as Breakdown } : {}), actor: null }
        await withDb(async (db) => {
          let body: string | Buffer
          if (format === 'xlsx' || format === 'pdf') body = (await coverageExport(db.sql, { ...query, format }, new Date(), ids)).body
          else {
            const r = await coverageReport(db.sql, query, new Date(), ids)
            body = format === 'csv' ? coverageCsv(r) : format === 'json' ? `${JSON.stringify(r, null, 2)}\n` : `${text(r)}\n`
          }
          if (o.out) fs.writeFileSync(o.out, body)
          else process.stdout.write(body)
        })
      }),
    )
  report
    .command('close')
    .description('Menutup bulan: semua angka bulan itu dibekukan (bulan yang ditutup tidak pernah berubah)')
    .requiredOption('--month <YYYY-MM>', 'bulan yang sudah berakhir')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { month: string; json?: boolean }) => {
        const r = await withDb((db) => closeCoverageMonth(db.sql, { actor: null, requestId: null, month: o.month }, new Date(), ids))
        output(r, o.json ?? false, (x: typeof r) => (x.closed ? `Bulan ${x.month} ditutup (${x.cells} sel).` : `Bulan ${x.month} sudah ditutup sebelumnya; tidak ada yang berubah.`))
      }),
    )
  report
    .command('rebuild')
    .description('Menghitung ulang stok dari registri dan membuktikan rollup inkremental sama (diperbaiki bila tidak)')
    .option('--check-only', 'jangan perbaiki, hanya bandingkan (exit 1 bila berbeda)')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { checkOnly?: boolean; json?: boolean }) => {
        const r = await withDb((db) => rebuildCoverage(db.sql, { actor: null, requestId: null, repair: !o.checkOnly }, new Date(), ids))
        output({ cells: r.cells, equal: r.equal, differences: r.differences.slice(0, 50) }, o.json ?? false, () =>
          r.equal ? `Rollup sama dengan hitung ulang (${r.cells} sel).` : `${r.differences.length} sel berbeda dari hitung ulang${o.checkOnly ? '' : ' (sudah diperbaiki)'}.`)
        if (!r.equal && o.checkOnly) process.exitCode = 1
      }),
    )
  report
    .command('reality-check')
    .description('Demo terhadap angka Banuspa yang dipublikasikan: total 2024 dan setiap angka dengan penyebut yang dinyatakan (±0,5 poin)')
    .option('--month <YYYY-MM>', 'bulan (default: bulan ini)')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { month?: string; json?: boolean }) => {
        const r = await withDb((db) => coverageRealityCheck(db.sql, { ...(o.month ? { month: o.month } : {}) }, new Date(), ids))
        output(r, o.json ?? false, () => [`Cek realitas ${r.month} (skala ×${r.scale.toFixed(3)}): ${r.ok ? 'semua dalam batas' : 'ADA yang di luar batas'}`,
          ...r.lines.map((l) => `${l.ok ? 'ok  ' : 'GAGAL'} ${l.check}: harapan ${l.expected}, hasil ${l.actual} (selisih ${l.diff})`)].join('\n'))
        if (!r.ok) process.exitCode = 1
      }),
    )
}
