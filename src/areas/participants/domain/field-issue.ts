import type { DomainErrorCode, RowIssue } from '../../../kernel/index.js'

/**
 * The columns of the participant import template (Indonesian, as clerks see them). Field names in
 * issues use these, whatever the channel (import, API, agent app), so one message reads the same everywhere.
 */
export const IMPORT_FIELDS = [
  'nik',
  'nama',
  'tanggal_lahir',
  'jenis_kelamin',
  'no_hp',
  'kode_wilayah',
  'pekerjaan',
  'kategori',
  'penghasilan',
  'program',
  'kpj',
  'npp',
  'tanggal_daftar',
] as const

export type ImportField = (typeof IMPORT_FIELDS)[number]

/** A problem with one field, before it is placed on a row. */
export interface FieldIssue {
  field: ImportField
  code: DomainErrorCode
  message: string
}

export function fieldIssue(field: ImportField, code: DomainErrorCode, message: string): FieldIssue {
  return { field, code, message }
}

export function onRow(row: number, issue: FieldIssue): RowIssue {
  return { row, field: issue.field, code: issue.code, message: issue.message }
}

/** Shared empty list, so the common "no problem" answer allocates nothing. */
export const NO_ISSUES: readonly FieldIssue[] = Object.freeze([])
