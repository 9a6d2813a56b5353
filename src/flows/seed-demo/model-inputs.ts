import type { Sql } from '../../platform/db/sql.js'
import type { RegencyInput } from './calibration.js'

export interface RegionName {
  code: string
  shortName: string
  kind: 'provinsi' | 'kabupaten' | 'kota'
}

/** The 83 kab/kota with their Dukcapil population (latest `population` figure) and kecamatan count, from reference data. */
export async function readRegencyInputs(sql: Sql): Promise<RegencyInput[]> {
  const { rows } = await sql.query<{ code: string; parent_code: string; before: string | null; population: number | null; kecamatan: number }>(
    `select r.code, r.parent_code, r.code_before_2022_split as before,
            (select w.value from workforce_figures w
              where w.region_code = r.code and w.metric = 'population' and w.value is not null
              order by w.period desc limit 1) as population,
            (select count(*) from kecamatan k where k.regency_code = r.code)::int as kecamatan
       from regions r where r.level = 'regency' order by r.code`,
  )
  return rows.map((r) => {
    if (r.population === null) throw new Error(`no Dukcapil population for regency ${r.code}: run semesta migrate to load reference data`)
    return {
      code: r.code,
      provinceCode: r.parent_code,
      population: r.population,
      kecamatanCount: Math.max(1, r.kecamatan),
      codeBefore2022: r.before !== null && r.before !== r.code ? r.before : null,
    }
  })
}

export async function readRegionNames(sql: Sql): Promise<RegionName[]> {
  const { rows } = await sql.query<RegionName>(`select code, short_name as "shortName", kind from regions order by code`)
  return rows
}
