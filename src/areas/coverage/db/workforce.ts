import type { Sql } from '../../../platform/db/sql.js'
import type { RegionRef, WorkforceFigure } from '../domain/denominators.js'

export interface RegionName extends RegionRef {
  name: string
  level: 'province' | 'regency'
}

/** Workforce figures and populations (regions area's reference tables), for the pure denominators. */
export async function readWorkforceFigures(sql: Sql): Promise<WorkforceFigure[]> {
  const { rows } = await sql.query<WorkforceFigure>(
    `select region_code as "regionCode", period, metric, value, unit, status, source from workforce_figures
      where metric in ('working_population', 'formal_workers', 'informal_workers', 'population')`,
  )
  return rows
}

export async function readRegionNames(sql: Sql): Promise<RegionName[]> {
  const { rows } = await sql.query<RegionName>(`select code, name, level, parent_code as "parentCode" from regions order by code`)
  return rows
}
