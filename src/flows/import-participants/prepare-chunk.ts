import { timeZoneOfRegion } from '../../kernel/index.js'
import { validateRegistration, type ImportIssue, type RegistrationContext, type ValidRegistration } from '../../areas/participants/index.js'
import type { TabularRow } from '../../platform/tabular/index.js'

/** A row that passed every check that needs no database. */
export interface Candidate {
  line: number
  values: Record<string, string>
  reg: ValidRegistration
}

export interface PreparedChunk {
  rows: number
  candidates: Candidate[]
  /** Errors and warnings found so far, with the original row. */
  issues: ImportIssue[]
  /** Lines rejected so far. */
  rejected: Set<number>
}

export interface ValidationSetup {
  /** The registration context per time zone: "today" is the local date where the person lives (DESIGN.md §7). */
  wita: RegistrationContext
  wit: RegistrationContext
  /** Regencies the importing user may register in ('all' for Banuspa-wide roles and the operator's CLI). */
  regionCodes: 'all' | ReadonlySet<string>
}

function contextFor(setup: ValidationSetup, regencyInput: string | undefined): RegistrationContext {
  const code = regencyInput?.trim() ?? ''
  return code !== '' && timeZoneOfRegion(code) === 'Asia/Jayapura' ? setup.wit : setup.wita
}

/** Validates a chunk in JS (the domain validator), and keeps a pemda user's rows inside their regencies. */
export function prepareChunk(rows: readonly TabularRow[], setup: ValidationSetup): PreparedChunk {
  const prepared: PreparedChunk = { rows: rows.length, candidates: [], issues: [], rejected: new Set() }
  for (const { line, values } of rows) {
    const check = validateRegistration(values, contextFor(setup, values.kode_wilayah), line)
    for (const warning of check.warnings) prepared.issues.push({ ...warning, severity: 'warning', original: values })
    if (check.errors) {
      for (const error of check.errors) prepared.issues.push({ ...error, severity: 'error', original: values })
      prepared.rejected.add(line)
    } else if (setup.regionCodes !== 'all' && !setup.regionCodes.has(check.ok.regencyCode)) {
      prepared.issues.push({
        row: line, field: 'kode_wilayah', code: 'outside_region', severity: 'error', original: values,
        message: `Kode wilayah ${check.ok.regencyCode} di luar wilayah kewenangan Anda; baris ini tidak disimpan.`,
      })
      prepared.rejected.add(line)
    } else {
      prepared.candidates.push({ line, values, reg: check.ok })
    }
  }
  return prepared
}
