import type { Sql } from '../../../platform/db/sql.js'
import type { Target } from '../domain/pacing.js'

export async function upsertTarget(sql: Sql, t: Target, enteredOn: string, actorId: string | null, now: Date): Promise<void> {
  await sql.query(
    `insert into coverage_targets (region_code, year, kind, value, source, entered_on, actor_id, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (region_code, year) do update set kind = excluded.kind, value = excluded.value, source = excluded.source,
       entered_on = excluded.entered_on, actor_id = excluded.actor_id, updated_at = excluded.updated_at`,
    [t.regionCode, t.year, t.kind, t.value, t.source, enteredOn, actorId, now],
  )
}

export async function listTargets(sql: Sql, year?: number): Promise<Target[]> {
  const { rows } = await sql.query<Target>(
    `select region_code as "regionCode", year, kind, value::bigint as value, source from coverage_targets
      where ($1::int is null or year = $1) order by region_code, year`,
    [year ?? null],
  )
  return rows.map((r) => ({ ...r, value: Number(r.value) }))
}
