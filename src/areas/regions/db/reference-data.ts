import type { Sql } from '../../../platform/db/sql.js'
import { readReferenceData, type ReferenceData } from '../reference-files.js'

export interface ReferenceCounts {
  provinces: number
  regencies: number
  kecamatan: number
  nikPrefixes: number
  workforceFigures: number
  holidays: number
  /** Rows this load inserted, updated or removed, per table: all zero when the tables already matched reference/. */
  changed: { regions: number; kecamatan: number; nikPrefixes: number; workforceFigures: number; holidays: number }
}

interface Column {
  name: string
  type: 'text' | 'float8' | 'int8' | 'int4' | 'date'
}

interface TableLoad {
  table: string
  columns: Column[]
  key: string[]
  rows: unknown[][]
  /** Remove rows that are no longer in reference/ (only for tables nothing else references). */
  prune: boolean
}

const text = (name: string): Column => ({ name, type: 'text' })

/**
 * One statement per table: INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO UPDATE, touching only rows that
 * differ, so a second load changes nothing. Works the same on both engines.
 */
async function upsert(sql: Sql, load: TableLoad): Promise<number> {
  const { table, columns, key, rows } = load
  const seen = new Set<string>()
  for (const row of rows) {
    const id = key.map((k) => row[columns.findIndex((c) => c.name === k)]).join('|')
    if (seen.has(id)) throw new Error(`reference data for ${table}: duplicate key ${id}`)
    seen.add(id)
  }
  const names = columns.map((c) => c.name)
  const arrays = columns.map((_, i) => rows.map((row) => row[i] ?? null))
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')
  const others = names.filter((n) => !key.includes(n))
  const statement = `insert into ${table} (${names.join(', ')})
    select * from unnest(${unnest}) as source(${names.join(', ')})
    on conflict (${key.join(', ')}) do update set ${others.map((n) => `${n} = excluded.${n}`).join(', ')}
    where (${others.map((n) => `${table}.${n}`).join(', ')}) is distinct from (${others.map((n) => `excluded.${n}`).join(', ')})`
  const upserted = (await sql.query(statement, arrays)).rowCount
  if (!load.prune) return upserted
  const keyArrays = key.map((k) => arrays[names.indexOf(k)])
  const keyTypes = key.map((k, i) => `$${i + 1}::${columns.find((c) => c.name === k)?.type}[]`).join(', ')
  const pruned = await sql.query(`delete from ${table} where (${key.join(', ')}) not in (select * from unnest(${keyTypes}))`, keyArrays)
  return upserted + pruned.rowCount
}

function tableLoads(data: ReferenceData): Record<keyof ReferenceCounts['changed'], TableLoad> {
  return {
    regions: {
      table: 'regions',
      columns: [text('code'), text('name'), text('short_name'), text('level'), text('kind'), text('parent_code'), text('code_before_2022_split'), { name: 'area_km2', type: 'float8' }, text('time_zone')],
      key: ['code'],
      rows: data.regions.map((r) => [r.code, r.name, r.shortName, r.level, r.kind, r.parentCode, r.codeBefore2022Split, r.areaKm2, r.timeZone]),
      prune: false,
    },
    kecamatan: {
      table: 'kecamatan',
      columns: [text('code'), text('name'), text('regency_code'), text('province_code')],
      key: ['code'],
      rows: data.kecamatan.map((k) => [k.code, k.name, k.regencyCode, k.provinceCode]),
      prune: false,
    },
    nikPrefixes: {
      table: 'nik_prefixes',
      columns: [text('code'), text('name'), text('level'), text('province_code'), text('status'), text('successor_code'), text('source')],
      key: ['code'],
      rows: data.nikPrefixes.map((p) => [p.code, p.name, p.level, p.provinceCode, p.status, p.successorCode, p.source]),
      prune: true,
    },
    workforceFigures: {
      table: 'workforce_figures',
      columns: [text('region_code'), text('region_level'), text('period'), text('metric'), { name: 'value', type: 'int8' }, text('unit'), text('status'), text('source'), text('source_url'), text('note')],
      key: ['region_code', 'period', 'metric'],
      rows: data.workforce.map((w) => [w.regionCode, w.regionLevel, w.period, w.metric, w.value, w.unit, w.status, w.source, w.sourceUrl, w.note]),
      prune: true,
    },
    holidays: {
      table: 'holidays',
      columns: [{ name: 'date', type: 'date' }, text('name'), text('kind'), { name: 'year', type: 'int4' }, text('source')],
      key: ['date', 'name'],
      rows: data.holidays.map((h) => [h.date, h.name, h.kind, h.year, h.source]),
      prune: true,
    },
  }
}

/**
 * Loads or refreshes the reference tables from reference/ in one transaction. Idempotent: a second run changes
 * no row. Regions and kecamatan are only inserted or updated, never removed (other tables point at them).
 */
export async function loadReferenceData(sql: Sql, data: ReferenceData = readReferenceData()): Promise<ReferenceCounts> {
  return sql.transaction(async (tx) => {
    const loads = tableLoads(data)
    const changed = { regions: 0, kecamatan: 0, nikPrefixes: 0, workforceFigures: 0, holidays: 0 }
    for (const name of Object.keys(changed) as Array<keyof typeof changed>) changed[name] = await upsert(tx, loads[name])
    const counts = await tx.query<Omit<ReferenceCounts, 'changed'>>(`select
      (select count(*) from regions where level = 'province') as "provinces",
      (select count(*) from regions where level = 'regency') as "regencies",
      (select count(*) from kecamatan) as "kecamatan",
      (select count(*) from nik_prefixes) as "nikPrefixes",
      (select count(*) from workforce_figures) as "workforceFigures",
      (select count(*) from holidays) as "holidays"`)
    const row = counts.rows[0]
    if (!row) throw new Error('reference counts returned no row')
    return { ...row, changed }
  })
}
