import type { Sql } from '../../../platform/db/sql.js'

/**
 * What `semesta seed demo` reads and prepares around its COPYs: the demo sources (tagged `demo:s<seed>:…` in
 * `ref_id`, so a second run finds them), the seeds already in the registry, and KPJ serials.
 */
export interface DemoSourceSpec {
  kind: 'office' | 'agent' | 'channel' | 'pemda' | 'self'
  name: string
  /** `demo:s<seed>:<kind>:<key>`. */
  refId: string
}

export const demoRefPrefix = (seed: number): string => `demo:s${seed}:`

/** Creates the demo sources that are missing; returns the id of every spec by refId. */
export async function ensureDemoSources(sql: Sql, specs: readonly DemoSourceSpec[], ids: readonly string[], now: Date): Promise<Map<string, string>> {
  if (specs.length === 0) return new Map()
  await sql.query(
    `insert into sources (id, kind, name, ref_id, created_at)
     select u.*, $5::timestamptz from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) as u
     on conflict (kind, ref_id) where ref_id is not null do nothing`,
    [ids, specs.map((s) => s.kind), specs.map((s) => s.name), specs.map((s) => s.refId), now],
  )
  const { rows } = await sql.query<{ id: string; ref_id: string }>('select id, ref_id from sources where ref_id = any($1::text[])', [specs.map((s) => s.refId)])
  return new Map(rows.map((r) => [r.ref_id, r.id]))
}

/** Seeds whose demo sources have brought in at least one participant. */
export async function demoSeedsInRegistry(sql: Sql): Promise<number[]> {
  const { rows } = await sql.query<{ tag: string }>(
    `select distinct split_part(s.ref_id, ':', 2) as tag from sources s
      where s.ref_id like 'demo:s%' and exists (select 1 from participants p where p.source_id = s.id)`,
  )
  return rows.map((r) => Number(r.tag.slice(1))).filter(Number.isSafeInteger).sort((a, b) => a - b)
}

export async function registryIsEmpty(sql: Sql): Promise<boolean> {
  const { rows } = await sql.query('select 1 from participants limit 1')
  return rows.length === 0
}

export async function nikRegistered(sql: Sql, nik: string): Promise<boolean> {
  const { rows } = await sql.query('select 1 from participants where nik = $1', [nik])
  return rows.length > 0
}

/** `count` fresh serials of kpj_serial_seq (the KPJ is issueKpj(serial)). */
export async function nextKpjSerials(sql: Sql, count: number): Promise<number[]> {
  const { rows } = await sql.query<{ serial: number }>(`select nextval('kpj_serial_seq') as serial from generate_series(1, $1::int)`, [count])
  return rows.map((r) => r.serial)
}
