import type { Category, Sex } from '../domain/index.js'

export type ParticipantStatus = 'terdaftar' | 'aktif' | 'menunggak' | 'nonaktif' | 'berhenti'
export type KpjOrigin = 'issued' | 'brought'

/** One row of `participants`, as the area's readers return it (dates as `YYYY-MM-DD`, timestamps as Dates). */
export interface ParticipantRecord {
  id: string
  nik: string
  kpj: string
  kpjOrigin: KpjOrigin
  name: string
  nameKey: string
  birthDate: string
  sex: Sex
  phone: string | null
  regencyCode: string
  occupationCodes: string[]
  category: Category
  status: ParticipantStatus
  statusSince: string
  registeredOn: string
  sourceId: string
  consentPurpose: string
  consentAt: Date
  endedOn: string | null
  endReason: string | null
  version: number
  createdAt: Date
  updatedAt: Date
}

/** The select list that reads a participant row into a ParticipantRecord (table alias `p`). */
export const PARTICIPANT_COLUMNS = `p.id, p.nik, p.kpj, p.kpj_origin as "kpjOrigin", p.name, p.name_key as "nameKey",
  p.birth_date as "birthDate", p.sex, p.phone, p.regency_code as "regencyCode", p.occupation_codes as "occupationCodes",
  p.category, p.status, p.status_since as "statusSince", p.registered_on as "registeredOn", p.source_id as "sourceId",
  p.consent_purpose as "consentPurpose", p.consent_at as "consentAt", p.ended_on as "endedOn", p.end_reason as "endReason",
  p.version, p.created_at as "createdAt", p.updated_at as "updatedAt"`

/** What a reader of one participant is shown (presenters.ts): the record without consent text, name key and row times. */
export type ParticipantSummary = Omit<ParticipantRecord, 'nameKey' | 'consentPurpose' | 'consentAt' | 'createdAt' | 'updatedAt'>

/** The select list of a ParticipantSummary (alias `p`): the look-up's hot path reads no column it does not show. */
export const PARTICIPANT_SUMMARY_COLUMNS = `p.id, p.nik, p.kpj, p.kpj_origin as "kpjOrigin", p.name, p.birth_date as "birthDate", p.sex, p.phone,
  p.regency_code as "regencyCode", p.occupation_codes as "occupationCodes", p.category, p.status, p.status_since as "statusSince",
  p.registered_on as "registeredOn", p.source_id as "sourceId", p.ended_on as "endedOn", p.end_reason as "endReason", p.version`
