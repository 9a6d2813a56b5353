import type { Sql } from '../../../platform/db/sql.js'

export interface WorkforceFigure {
  regionCode: string
  period: string
  metric: string
  value: number
  status: 'reported' | 'derived'
  source: string
}

/** The latest figure of a metric for a region (reference/workforce.csv as loaded), or null. */
export async function latestWorkforceFigure(sql: Sql, regionCode: string, metric: string): Promise<WorkforceFigure | null> {
  const { rows } = await sql.query<WorkforceFigure>(
    `select region_code as "regionCode", period, metric, value, status, source from workforce_figures
      where region_code = $1 and metric = $2 and value is not null and status <> 'not_found' order by period desc limit 1`,
    [regionCode, metric],
  )
  return rows[0] ?? null
}
