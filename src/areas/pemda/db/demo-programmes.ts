import type { Sql } from '../../../platform/db/sql.js'

/** A published pemda programme as the demo seed models it (reference/banuspa-facts.csv), with its demo source. */
export interface DemoProgramme {
  regionCode: string
  workers: number
  period: string
  sourceId: string
  name: string
}

/** The demo's income base and per-worker month (BPU at the lowest base, APBD payer: no discount). */
const DEMO_INCOME_IDR = 1_000_000
const DEMO_MONTH_IDR = 16_800

/**
 * The demo's pemda programmes in the real model (idempotent): one programme per published figure, one group
 * `pekerja_rentan` whose quota is the figure, for the figure's year, a budget of a full year at Rp16,800. The programme
 * takes its source's id, so the demo enrolments' payer_ref (the source) is the programme's id as for a real cohort.
 */
export async function ensureDemoProgrammes(sql: Sql, programmes: readonly DemoProgramme[], now: Date): Promise<void> {
  if (programmes.length === 0) return
  const year = (p: DemoProgramme) => Number(p.period.slice(0, 4))
  await sql.query(
    `insert into pemda_programmes (id, name, region_code, opd, legal_basis, year, budget_idr, programmes, income_idr, start_month, end_month, source_id, created_at)
     select p.id, p.name, p.region, null, null, p.year, p.budget, '{jkk,jkm}', $7, p.year::text || '-01', p.year::text || '-12', p.id, $8
       from unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::int[]) as p(id, name, region, year, budget, workers)
     on conflict (id) do nothing`,
    [programmes.map((p) => p.sourceId), programmes.map((p) => p.name), programmes.map((p) => p.regionCode), programmes.map(year),
      programmes.map((p) => p.workers * DEMO_MONTH_IDR * 12), programmes.map((p) => p.workers), DEMO_INCOME_IDR, now],
  )
  await sql.query(
    `insert into pemda_groups (programme_id, code, quota, category, income_idr, position)
     select p.id, 'pekerja_rentan', p.workers, 'bpu', $3, 0 from unnest($1::uuid[], $2::int[]) as p(id, workers)
     on conflict do nothing`,
    [programmes.map((p) => p.sourceId), programmes.map((p) => p.workers), DEMO_INCOME_IDR],
  )
}

/** Demo people a demo programme pays for become its members (set-based, idempotent; after each seed run). */
export async function enrolDemoMembers(sql: Sql, now: Date): Promise<number> {
  const { rowCount } = await sql.query(
    `insert into pemda_members (programme_id, participant_id, group_code, enrolment_id, first_month, created_at)
     select g.id, e.participant_id, 'pekerja_rentan', e.id, coalesce(e.start_month, g.start_month), $1
       from pemda_programmes g join enrolments e on e.payer = 'pemda' and e.payer_ref = g.id::text and e.status = 'active'
      where g.id = g.source_id
     on conflict do nothing`,
    [now],
  )
  return rowCount
}
