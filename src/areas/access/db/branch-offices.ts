import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import type { Sql } from '../../../platform/db/sql.js'
import { BRANCH_OFFICE_COLUMNS, parseBranchOffices, type BranchOfficeRow, type MappingStatus } from '../domain/branch-offices.js'

export const BRANCH_OFFICES_CSV = fileURLToPath(new URL('../../../../reference/branch-offices.csv', import.meta.url))

export function readBranchOfficeRows(csvPath: string = BRANCH_OFFICES_CSV): BranchOfficeRow[] {
  const parsed = Papa.parse<BranchOfficeRow>(readFileSync(csvPath, 'utf8'), { header: true, skipEmptyLines: true })
  const missing = BRANCH_OFFICE_COLUMNS.filter((column) => !parsed.meta.fields?.includes(column))
  if (missing.length > 0) throw new Error(`${csvPath}: missing columns ${missing.join(', ')}`)
  if (parsed.errors.length > 0) throw new Error(`${csvPath}: ${parsed.errors[0]?.message} (row ${parsed.errors[0]?.row})`)
  return parsed.data
}

/**
 * Upserts `reference/branch-offices.csv` (idempotent: running it twice changes nothing). Mappings no longer in the
 * file are removed; a branch no longer in the file is removed unless users still belong to it.
 */
export async function loadBranchOffices(sql: Sql, csvPath: string = BRANCH_OFFICES_CSV): Promise<{ branches: number; regencies: number }> {
  const branches = parseBranchOffices(readBranchOfficeRows(csvPath))
  const served = branches.flatMap((b) => b.regencies.map((r) => ({ ...r, branchCode: b.code })))
  const codes = branches.map((b) => b.code)
  await sql.transaction(async (tx) => {
    await tx.query(
      `insert into branch_offices (code, name, city)
       select * from unnest($1::text[], $2::text[], $3::text[])
       on conflict (code) do update set name = excluded.name, city = excluded.city
       where (branch_offices.name, branch_offices.city) is distinct from (excluded.name, excluded.city)`,
      [codes, branches.map((b) => b.name), branches.map((b) => b.city)],
    )
    await tx.query('delete from branch_office_regencies where not (regency_code = any($1::text[]))', [served.map((r) => r.regencyCode)])
    await tx.query(
      `insert into branch_office_regencies (regency_code, branch_code, mapping_status, source, note)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       on conflict (regency_code) do update set branch_code = excluded.branch_code, mapping_status = excluded.mapping_status,
         source = excluded.source, note = excluded.note
       where (branch_office_regencies.branch_code, branch_office_regencies.mapping_status, branch_office_regencies.source, branch_office_regencies.note)
         is distinct from (excluded.branch_code, excluded.mapping_status, excluded.source, excluded.note)`,
      [served.map((r) => r.regencyCode), served.map((r) => r.branchCode), served.map((r) => r.mappingStatus), served.map((r) => r.source), served.map((r) => r.note)],
    )
    await tx.query(
      `delete from branch_offices b where not (b.code = any($1::text[]))
       and not exists (select 1 from users u where u.branch_code = b.code)
       and not exists (select 1 from branch_office_regencies r where r.branch_code = b.code)`,
      [codes],
    )
  })
  return { branches: branches.length, regencies: served.length }
}

export interface BranchOfficeView {
  code: string
  name: string
  city: string
  regencies: Array<{ regencyCode: string; mappingStatus: MappingStatus; source: string; note: string }>
}

export async function listBranchOffices(sql: Sql): Promise<BranchOfficeView[]> {
  const { rows } = await sql.query<{ code: string; name: string; city: string; regency_code: string | null; mapping_status: MappingStatus; source: string; note: string }>(
    `select b.code, b.name, b.city, r.regency_code, r.mapping_status, r.source, r.note
     from branch_offices b left join branch_office_regencies r on r.branch_code = b.code
     order by b.code, r.regency_code`,
  )
  const out = new Map<string, BranchOfficeView>()
  for (const row of rows) {
    const office = out.get(row.code) ?? { code: row.code, name: row.name, city: row.city, regencies: [] }
    if (row.regency_code) office.regencies.push({ regencyCode: row.regency_code, mappingStatus: row.mapping_status, source: row.source, note: row.note })
    out.set(row.code, office)
  }
  return [...out.values()]
}

/** The codes `validateNewUser` checks against: branch codes, and the regencies the branch table knows (all 83). */
export async function readUserReferenceData(sql: Sql): Promise<{ branchCodes: string[]; regencyCodes: string[] }> {
  const branches = await sql.query<{ code: string }>('select code from branch_offices order by code')
  const regencies = await sql.query<{ regency_code: string }>('select regency_code from branch_office_regencies order by regency_code')
  return { branchCodes: branches.rows.map((r) => r.code), regencyCodes: regencies.rows.map((r) => r.regency_code) }
}
