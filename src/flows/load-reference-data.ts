import { loadBranchOffices } from '../areas/access/index.js'
import { loadReferenceData, type ReferenceCounts } from '../areas/regions/index.js'
import type { Sql } from '../platform/db/sql.js'

export interface AllReferenceCounts extends ReferenceCounts {
  branchOffices: number
  branchRegencies: number
}

/**
 * Loads or refreshes every reference table from reference/ (regions, NIK prefixes, workforce, holidays, branch
 * offices). Idempotent: `semesta migrate` and `semesta start` both call it. Branch offices come after regions
 * because each branch names the regencies it serves.
 */
export async function loadAllReferenceData(sql: Sql): Promise<AllReferenceCounts> {
  const reference = await loadReferenceData(sql)
  const branches = await loadBranchOffices(sql)
  return { ...reference, branchOffices: branches.branches, branchRegencies: branches.regencies }
}
