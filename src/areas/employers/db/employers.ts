import type { Sql } from '../../../platform/db/sql.js'
import type { RiskGroup, Scale } from '../../programmes/domain/index.js'
import type { EmployerStatus } from '../domain/index.js'

export interface EmployerRecord {
  id: string
  npp: string
  name: string
  regencyCode: string
  scale: Scale
  riskGroup: RiskGroup
  status: EmployerStatus
  sourceId: string
  version: number
  createdAt: Date
  updatedAt: Date
}

const COLUMNS = `id, npp, name, regency_code as "regencyCode", scale, risk_group as "riskGroup", status, source_id as "sourceId",
  version, created_at as "createdAt", updated_at as "updatedAt"`

export interface EmployerInsert {
  id: string
  npp: string
  name: string
  regencyCode: string
  scale: Scale
  riskGroup: RiskGroup
  sourceId: string
  createdAt: Date
}

/** Inserts an employer; undefined when its NPP is already taken (the unique index decides, race-free). */
export async function insertEmployer(sql: Sql, row: EmployerInsert): Promise<EmployerRecord | undefined> {
  const { rows } = await sql.query<EmployerRecord>(
    `insert into employers (id, npp, name, regency_code, scale, risk_group, source_id, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8)
     on conflict (npp) do nothing
     returning ${COLUMNS}`,
    [row.id, row.npp, row.name, row.regencyCode, row.scale, row.riskGroup, row.sourceId, row.createdAt],
  )
  return rows[0]
}

/** The `sources` row an employer stands for (kind employer, ref_id = the employer's id), in the caller's transaction. */
export async function insertEmployerSource(sql: Sql, source: { id: string; name: string; employerId: string; createdAt: Date }): Promise<void> {
  await sql.query(`insert into sources (id, kind, name, ref_id, created_at) values ($1, 'employer', $2, $3, $4)`, [
    source.id, source.name, source.employerId, source.createdAt,
  ])
}

export async function findEmployerById(sql: Sql, id: string): Promise<EmployerRecord | undefined> {
  if (!isUuid(id)) return undefined
  const { rows } = await sql.query<EmployerRecord>(`select ${COLUMNS} from employers where id = $1`, [id])
  return rows[0]
}

/** Employers by normalised NPP (the participant import's `npp` column, the wage report's). */
export async function findEmployersByNpp(sql: Sql, npps: readonly string[]): Promise<EmployerRecord[]> {
  if (npps.length === 0) return []
  const { rows } = await sql.query<EmployerRecord>(`select ${COLUMNS} from employers where npp = any($1::text[])`, [[...new Set(npps)]])
  return rows
}

export interface EmployerSearch {
  npp?: string | undefined
  /** Case-insensitive prefix of the name, or of any word in it. */
  name?: string | undefined
  /** 'all', or the regency (or province) codes the caller may see. */
  regionCodes: 'all' | readonly string[]
  limit: number
}

export async function searchEmployers(sql: Sql, search: EmployerSearch): Promise<EmployerRecord[]> {
  const codes = search.regionCodes === 'all' ? null : [...search.regionCodes]
  const name = search.name?.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)
  const { rows } = await sql.query<EmployerRecord>(
    `select ${COLUMNS} from employers
      where ($1::text is null or npp = $1)
        and ($2::text is null or lower(name) like $2 || '%' or lower(name) like '% ' || $2 || '%')
        and ($3::text[] is null or exists (select 1 from unnest($3::text[]) c where regency_code = c or regency_code like c || '.%'))
      order by name, id
      limit $4`,
    [search.npp ?? null, name || null, codes, search.limit],
  )
  return rows
}

/** A Banuspa kab/kota known to the regions table. */
export async function regencyExists(sql: Sql, code: string): Promise<boolean> {
  const { rows } = await sql.query(`select 1 from regions where code = $1 and level = 'regency'`, [code])
  return rows.length > 0
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: string): boolean => UUID.test(value)
