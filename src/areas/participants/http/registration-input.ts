import { DomainError, isDomainError } from '../../../kernel/errors.js'
import type { RowIssue } from '../../../kernel/errors.js'
import type { RegistrationRow } from '../domain/registration-rules.js'
import type { ImportField } from '../domain/field-issue.js'
import { API_FIELD_OF, type RegistrationBody } from './schemas.js'

/** The API body in the template's field names, so the one domain validator checks both (camelCase → Indonesian). */
export function registrationRow(body: RegistrationBody): RegistrationRow {
  return {
    nik: body.nik,
    nama: body.name,
    tanggal_lahir: body.birthDate,
    jenis_kelamin: body.sex,
    no_hp: body.phone ?? undefined,
    kode_wilayah: body.regencyCode,
    pekerjaan: body.occupations?.join(';'),
    kategori: body.category,
    penghasilan: body.declaredIncomeIdr !== undefined ? String(body.declaredIncomeIdr) : body.wageIdr !== undefined ? String(body.wageIdr) : undefined,
    program: body.programmes.join('+'),
    kpj: body.kpj,
    npp: body.npp,
    tanggal_daftar: body.registrationDate,
  }
}

export function apiFieldOf(field: string, body?: RegistrationBody): string {
  if (field === 'penghasilan' && body?.wageIdr !== undefined && body.declaredIncomeIdr === undefined) return 'wageIdr'
  return API_FIELD_OF[field as ImportField] ?? field
}

export function presentIssue(issue: Pick<RowIssue, 'field' | 'code' | 'message'>, body?: RegistrationBody) {
  return { field: issue.field, apiField: apiFieldOf(issue.field, body), code: String(issue.code), message: issue.message }
}

/**
 * A domain refusal keeps its Indonesian field (`tanggal_lahir`, as the import reports it) and gains the API field
 * it came from (`apiField: 'birthDate'`), for itself and for each of its issues.
 */
export function withApiFields(error: unknown, body?: RegistrationBody): unknown {
  if (!isDomainError(error) || error.field === undefined) return error
  const issues = Array.isArray(error.details.issues) ? (error.details.issues as RowIssue[]).map((i) => presentIssue(i, body)) : undefined
  return new DomainError(error.code, error.message, { ...error.details, apiField: apiFieldOf(error.field, body), ...(issues ? { issues } : {}) })
}
