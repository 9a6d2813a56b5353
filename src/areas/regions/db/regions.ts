import type { Sql } from '../../../platform/db/sql.js'
import { NikPrefixTable, type NikPrefixRow } from '../domain/nik-prefixes.js'
import type { TimeZoneLabel } from '../domain/time-zone.js'

export interface RegionRecord {
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

export interface RegionFilter {
  level?: 'province' | 'regency'
  /** Dotted province code: its kab/kota. */
  parentCode?: string
}

/** Banuspa's provinces and kab/kota in code order, optionally one level or one province's kab/kota. */
export async function listRegions(sql: Sql, filter: RegionFilter = {}): Promise<RegionRecord[]> {
  const result = await sql.query<RegionRecord>(
    `select code, name, short_name as "shortName", level, kind, parent_code as "parentCode",
            code_before_2022_split as "codeBefore2022Split", area_km2 as "areaKm2", time_zone as "timeZone"
       from regions
      where ($1::text is null or level = $1) and ($2::text is null or parent_code = $2)
      order by code`,
    [filter.level ?? null, filter.parentCode ?? null],
  )
  return result.rows
}

/** The NIK prefix table (every current and historical province and kab/kota code) as a pure lookup. */
export async function loadNikPrefixTable(sql: Sql): Promise<NikPrefixTable> {
  const result = await sql.query<NikPrefixRow>(
    `select code, name, level, province_code as "provinceCode", status, successor_code as "successorCode" from nik_prefixes`,
  )
  return NikPrefixTable.fromRows(result.rows)
}
