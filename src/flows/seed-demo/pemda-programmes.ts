import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'

/** A regional government's programme paying JKK+JKM for vulnerable workers (reference/banuspa-facts.csv). */
export interface PemdaProgramme {
  /** A province code (Pemprov) or a kab/kota code (Pemkab/Pemkot). */
  regionCode: string
  workers: number
  period: string
  sourceUrl: string
}

interface FactRow {
  region_code: string
  period: string
  metric: string
  value: string
  source_url: string
}

/**
 * The latest `pemda_paid_workers` figure of each single region; a region with only cohort rows
 * (`pemda_paid_workers.<cohort>`) takes its latest cohort row (Pemprov Bali's clergy, Badung's adat functionaries).
 */
export function pemdaProgrammesFromFacts(rows: readonly FactRow[]): PemdaProgramme[] {
  const best = new Map<string, { row: FactRow; plain: boolean }>()
  for (const row of rows) {
    if (row.region_code.includes('+') || !row.metric.startsWith('pemda_paid_workers')) continue
    if (row.metric !== 'pemda_paid_workers' && !row.metric.startsWith('pemda_paid_workers.')) continue
    const plain = row.metric === 'pemda_paid_workers'
    const seen = best.get(row.region_code)
    const better = !seen || (plain && !seen.plain) || (plain === seen.plain && row.period > seen.row.period)
    if (better) best.set(row.region_code, { row, plain })
  }
  return [...best.values()]
    .map(({ row }) => ({ regionCode: row.region_code, workers: Number(row.value), period: row.period, sourceUrl: row.source_url.split(' ')[0] ?? '' }))
    .filter((p) => Number.isFinite(p.workers) && p.workers > 0)
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode))
}

export const BANUSPA_FACTS_CSV = fileURLToPath(new URL('../../../reference/banuspa-facts.csv', import.meta.url))

export function readPemdaProgrammes(file = BANUSPA_FACTS_CSV): PemdaProgramme[] {
  const parsed = Papa.parse<FactRow>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true })
  return pemdaProgrammesFromFacts(parsed.data)
}
