import { DomainError } from '../../../kernel/errors.js'

/**
 * Banuspa's branch offices (kantor cabang) and the regencies each serves, as editable data
 * (`reference/branch-offices.csv`, one row per branch × regency). `mapping_status` says whether a public source
 * reports the mapping (`reported`) or it is Semesta's best guess (`best_guess`), so the UI can flag it.
 */
export const MAPPING_STATUSES = ['reported', 'best_guess'] as const
export type MappingStatus = (typeof MAPPING_STATUSES)[number]

export const BRANCH_OFFICE_COLUMNS = ['branch_code', 'branch_name', 'branch_city', 'regency_code', 'regency_name', 'mapping_status', 'source', 'note'] as const
export type BranchOfficeRow = Record<(typeof BRANCH_OFFICE_COLUMNS)[number], string>

export interface ServedRegency {
  regencyCode: string
  regencyName: string
  mappingStatus: MappingStatus
  source: string
  note: string
}

export interface BranchOffice {
  code: string
  name: string
  city: string
  regencies: ServedRegency[]
}

const BRANCH_CODE = /^[a-z][a-z0-9-]{1,39}$/
const REGENCY_CODE = /^\d{2}\.\d{2}$/

function rowError(row: number, field: string, message: string): never {
  throw new DomainError('invalid_input', `branch-offices.csv row ${row}: ${message}`, { row, field })
}

/**
 * Checks the rows (row numbers count the header as row 1) and groups them per branch. With `regencyCodes`, every
 * listed regency must be served by exactly one branch and no other regency may appear.
 */
export function parseBranchOffices(rows: readonly BranchOfficeRow[], regencyCodes?: readonly string[]): BranchOffice[] {
  const branches = new Map<string, BranchOffice>()
  const servedBy = new Map<string, string>()
  rows.forEach((raw, index) => {
    const row = index + 2
    const code = raw.branch_code.trim()
    const regencyCode = raw.regency_code.trim()
    const status = raw.mapping_status.trim()
    if (!BRANCH_CODE.test(code)) rowError(row, 'branch_code', `"${code}" is not a branch code (lowercase letters, digits, dashes)`)
    if (!REGENCY_CODE.test(regencyCode)) rowError(row, 'regency_code', `"${regencyCode}" is not a regency code like 51.71`)
    if (!(MAPPING_STATUSES as readonly string[]).includes(status)) rowError(row, 'mapping_status', `mapping_status "${status}" is not one of ${MAPPING_STATUSES.join(', ')}`)
    if (!raw.source.trim()) rowError(row, 'source', 'every mapping needs a source or a reason')
    const previous = servedBy.get(regencyCode)
    if (previous !== undefined) rowError(row, 'regency_code', `${regencyCode} is already served by ${previous}`)
    servedBy.set(regencyCode, code)
    const branch = branches.get(code) ?? { code, name: raw.branch_name.trim(), city: raw.branch_city.trim(), regencies: [] }
    if (branch.name !== raw.branch_name.trim() || branch.city !== raw.branch_city.trim()) rowError(row, 'branch_name', `branch ${code} has another name or city on an earlier row`)
    if (!branch.name) rowError(row, 'branch_name', 'branch name is empty')
    branch.regencies.push({ regencyCode, regencyName: raw.regency_name.trim(), mappingStatus: status as MappingStatus, source: raw.source.trim(), note: raw.note.trim() })
    branches.set(code, branch)
  })
  if (regencyCodes) checkCoverage(servedBy, regencyCodes)
  return [...branches.values()]
}

function checkCoverage(servedBy: ReadonlyMap<string, string>, regencyCodes: readonly string[]): void {
  const expected = new Set(regencyCodes)
  const missing = regencyCodes.filter((code) => !servedBy.has(code))
  const extra = [...servedBy.keys()].filter((code) => !expected.has(code))
  if (missing.length > 0) throw new DomainError('invalid_input', `branch-offices.csv: no branch serves ${missing.join(', ')}`, { field: 'regency_code' })
  if (extra.length > 0) throw new DomainError('unknown_code', `branch-offices.csv: unknown regency ${extra.join(', ')}`, { field: 'regency_code' })
}
