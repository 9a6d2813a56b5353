import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import { parse as parseYaml } from 'yaml'
import type { NikPrefixRow } from './domain/nik-prefixes.js'
import { timeZoneOf, type TimeZoneLabel } from './domain/time-zone.js'

/** Reads the reference files of reference/ into typed rows (see reference/LICENCE.md for what each file is). */
export const REFERENCE_DIR = fileURLToPath(new URL('../../../reference', import.meta.url))

export interface RegionRow {
  code: string
  name: string
  shortName: string
  level: 'province' | 'regency'
  kind: 'provinsi' | 'kabupaten' | 'kota'
  parentCode: string | null
  codeBefore2022Split: string | null
  areaKm2: number | null
  timeZone: TimeZoneLabel
}

export interface KecamatanRow {
  code: string
  name: string
  regencyCode: string
  provinceCode: string
}

export interface WorkforceRow {
  regionCode: string
  regionLevel: string
  period: string
  metric: string
  /** Persons, or ppm for a percent figure (49.32 % → 493200); null when not found. */
  value: number | null
  unit: 'persons' | 'ppm'
  status: 'reported' | 'derived' | 'not_found'
  source: string
  sourceUrl: string | null
  note: string
}

export interface HolidayRow {
  date: string
  name: string
  kind: 'national' | 'cuti_bersama'
  year: number
  source: string
}

export interface ReferenceData {
  regions: RegionRow[]
  kecamatan: KecamatanRow[]
  nikPrefixes: Array<NikPrefixRow & { source: string }>
  workforce: WorkforceRow[]
  holidays: HolidayRow[]
}

function readCsv(dir: string, file: string, columns: readonly string[]): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, file), 'utf8'), { header: true, skipEmptyLines: true })
  const missing = columns.filter((c) => !parsed.meta.fields?.includes(c))
  if (parsed.errors.length > 0 || missing.length > 0) {
    const first = parsed.errors[0]
    throw new Error(`reference/${file}: ${missing.length > 0 ? `missing columns ${missing.join(', ')}` : `row ${(first?.row ?? 0) + 2}: ${first?.message}`}`)
  }
  return parsed.data
}

function oneOf<T extends string>(file: string, row: number, column: string, value: string | undefined, allowed: readonly T[]): T {
  if (allowed.includes(value as T)) return value as T
  throw new Error(`reference/${file} row ${row + 2}: ${column} "${value}" is not one of ${allowed.join(', ')}`)
}

function regionRows(dir: string): RegionRow[] {
  const file = 'regions.csv'
  return readCsv(dir, file, ['code', 'name', 'short_name', 'type', 'parent_code', 'code_before_2022_split', 'area_km2']).map((r, i) => {
    const kind = oneOf(file, i, 'type', r.type, ['provinsi', 'kabupaten', 'kota'] as const)
    return {
      code: r.code ?? '',
      name: r.name ?? '',
      shortName: r.short_name ?? '',
      level: kind === 'provinsi' ? 'province' : 'regency',
      kind,
      parentCode: r.parent_code || null,
      codeBefore2022Split: r.code_before_2022_split || null,
      areaKm2: r.area_km2 ? Number(r.area_km2) : null,
      timeZone: timeZoneOf(r.code ?? ''),
    }
  })
}

function kecamatanRows(dir: string): KecamatanRow[] {
  return readCsv(dir, 'regions-kecamatan.csv', ['code', 'name', 'parent_code', 'province_code']).map((r) => ({
    code: r.code ?? '',
    name: r.name ?? '',
    regencyCode: r.parent_code ?? '',
    provinceCode: r.province_code ?? '',
  }))
}

function nikPrefixRows(dir: string): ReferenceData['nikPrefixes'] {
  const file = 'nik-prefixes.csv'
  return readCsv(dir, file, ['code', 'name', 'level', 'province_code', 'status', 'successor_code', 'source']).map((r, i) => ({
    code: r.code ?? '',
    name: r.name ?? '',
    level: oneOf(file, i, 'level', r.level, ['province', 'regency'] as const),
    provinceCode: r.province_code ?? '',
    status: oneOf(file, i, 'status', r.status, ['current', 'historical'] as const),
    successorCode: r.successor_code || null,
    source: r.source ?? '',
  }))
}

/** "49.32" (percent) → 493200 ppm, exactly (no binary floating point on the way). */
export function percentToPpm(text: string): number {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(text)
  if (!match) throw new Error(`"${text}" is not a percentage with at most 4 decimals`)
  return Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'))
}

function workforceValue(r: Record<string, string>, row: number): Pick<WorkforceRow, 'value' | 'unit'> {
  const unit = oneOf('workforce.csv', row, 'unit', r.unit, ['persons', 'percent'] as const)
  if (!r.value) return { value: null, unit: unit === 'percent' ? 'ppm' : 'persons' }
  if (unit === 'percent') return { value: percentToPpm(r.value), unit: 'ppm' }
  if (!/^\d+$/.test(r.value)) throw new Error(`reference/workforce.csv row ${row + 2}: persons "${r.value}" is not a whole number`)
  return { value: Number(r.value), unit: 'persons' }
}

function workforceRows(dir: string): WorkforceRow[] {
  const columns = ['region_code', 'region_level', 'period', 'metric', 'value', 'unit', 'status', 'source', 'source_url', 'note']
  return readCsv(dir, 'workforce.csv', columns).map((r, i) => ({
    regionCode: r.region_code ?? '',
    regionLevel: r.region_level ?? '',
    period: r.period ?? '',
    metric: r.metric ?? '',
    ...workforceValue(r, i),
    status: oneOf('workforce.csv', i, 'status', r.status, ['reported', 'derived', 'not_found'] as const),
    source: r.source ?? '',
    sourceUrl: r.source_url || null,
    note: r.note ?? '',
  }))
}

interface HolidayYaml {
  years?: Record<string, { source?: string; holidays?: Array<{ date: unknown; name: string }>; cuti_bersama?: Array<{ date: unknown; name: string }> }>
}

const isoDate = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value))

/** reference/holidays.yaml (curated by the regulation work); absent → no holidays, due dates move past weekends only. */
function holidayRows(dir: string): HolidayRow[] {
  const file = path.join(dir, 'holidays.yaml')
  if (!fs.existsSync(file)) return []
  const parsed = parseYaml(fs.readFileSync(file, 'utf8')) as HolidayYaml | null
  const rows: HolidayRow[] = []
  for (const [year, entry] of Object.entries(parsed?.years ?? {})) {
    const source = entry.source ?? 'reference/holidays.yaml'
    for (const h of entry.holidays ?? []) rows.push({ date: isoDate(h.date), name: h.name, kind: 'national', year: Number(year), source })
    for (const h of entry.cuti_bersama ?? []) rows.push({ date: isoDate(h.date), name: h.name, kind: 'cuti_bersama', year: Number(year), source })
  }
  return rows
}

export function readReferenceData(dir: string = REFERENCE_DIR): ReferenceData {
  return {
    regions: regionRows(dir),
    kecamatan: kecamatanRows(dir),
    nikPrefixes: nikPrefixRows(dir),
    workforce: workforceRows(dir),
    holidays: holidayRows(dir),
  }
}
