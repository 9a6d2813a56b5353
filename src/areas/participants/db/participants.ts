import type { Sql } from '../../../platform/db/sql.js'
import { PARTICIPANT_COLUMNS, PARTICIPANT_SUMMARY_COLUMNS, type KpjOrigin, type ParticipantRecord, type ParticipantSummary } from './participant-record.js'

export interface NewParticipant {
  id: string
  nik: string
  kpj: string
  kpjOrigin: KpjOrigin
  name: string
  nameKey: string
  birthDate: string
  sex: 'L' | 'P'
  phone: string | null
  regencyCode: string
  occupationCodes: readonly string[]
  category: string
  registeredOn: string
  sourceId: string
  consentPurpose: string
  consentAt: Date
  now: Date
}

/** The next Semesta KPJ serial (domain/kpj.ts turns it into a KPJ). */
export async function nextKpjSerial(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ serial: number }>(`select nextval('kpj_serial_seq') as serial`)
  return rows[0]!.serial
}

/**
 * Inserts the participant unless its NIK is already registered (`ON CONFLICT (nik) DO NOTHING`: the unique index
 * decides, never a check-then-insert). Returns the new row, or null when the NIK was taken.
 */
export async function insertParticipantIfNew(sql: Sql, p: NewParticipant): Promise<ParticipantRecord | null> {
  const { rows } = await sql.query<ParticipantRecord>(
    `insert into participants as p (id, nik, kpj, kpj_origin, name, name_key, birth_date, sex, phone, regency_code, occupation_codes,
       category, status, status_since, registered_on, source_id, consent_purpose, consent_at, version, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12, 'terdaftar', $13, $13, $14, $15, $16, 1, $17, $17)
     on conflict (nik) do nothing
     returning ${PARTICIPANT_COLUMNS}`,
    [p.id, p.nik, p.kpj, p.kpjOrigin, p.name, p.nameKey, p.birthDate, p.sex, p.phone, p.regencyCode, [...p.occupationCodes],
      p.category, p.registeredOn, p.sourceId, p.consentPurpose, p.consentAt, p.now],
  )
  return rows[0] ?? null
}

async function findOne(sql: Sql, where: string, value: string, lock = false): Promise<ParticipantRecord | null> {
  const { rows } = await sql.query<ParticipantRecord>(`select ${PARTICIPANT_COLUMNS} from participants p where ${where} = $1${lock ? ' for update' : ''}`, [value])
  return rows[0] ?? null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(value: string): boolean {
  return UUID.test(value)
}

export function findParticipantById(sql: Sql, id: string, options: { lock?: boolean } = {}): Promise<ParticipantRecord | null> {
  return isUuid(id) ? findOne(sql, 'p.id', id, options.lock) : Promise.resolve(null)
}

/** Many participants by id (bulk status refresh); unknown ids are left out. */
export async function findParticipantsByIds(sql: Sql, ids: readonly string[]): Promise<ParticipantRecord[]> {
  if (ids.length === 0) return []
  const { rows } = await sql.query<ParticipantRecord>(`select ${PARTICIPANT_COLUMNS} from participants p where p.id = any($1::uuid[]) order by p.id`, [[...ids]])
  return rows
}

/** Participants by NIK, one query (batch look-ups such as an employer's wage report); unknown NIKs are absent. */
export async function findParticipantsByNiks(sql: Sql, niks: readonly string[]): Promise<ParticipantRecord[]> {
  if (niks.length === 0) return []
  const { rows } = await sql.query<ParticipantRecord>(`select ${PARTICIPANT_COLUMNS} from participants p where p.nik = any($1::text[])`, [[...new Set(niks)]])
  return rows
}

export function findParticipantByNik(sql: Sql, nik: string, options: { lock?: boolean } = {}): Promise<ParticipantRecord | null> {
  return findOne(sql, 'p.nik', nik, options.lock)
}

/** The KPJ fast path: one query on the unique index `participants_kpj_key`. */
export function findParticipantByKpj(sql: Sql, kpj: string, options: { lock?: boolean } = {}): Promise<ParticipantRecord | null> {
  return findOne(sql, 'p.kpj', kpj, options.lock)
}

const SUMMARY_BY_KPJ = `select ${PARTICIPANT_SUMMARY_COLUMNS} from participants p where p.kpj = $1`

/** The HTTP look-up's fast path: one query on `participants_kpj_key`, only the columns a reader is shown. */
export async function findParticipantSummaryByKpj(sql: Sql, kpj: string): Promise<ParticipantSummary | null> {
  const { rows } = await sql.query<ParticipantSummary>(SUMMARY_BY_KPJ, [kpj])
  return rows[0] ?? null
}

/** The NIK holding a KPJ, if any (a KPJ a member brings must not belong to someone else). */
export async function nikOfKpj(sql: Sql, kpj: string): Promise<string | null> {
  const { rows } = await sql.query<{ nik: string }>(`select nik from participants where kpj = $1`, [kpj])
  return rows[0]?.nik ?? null
}

export interface ParticipantChanges {
  name?: { name: string; nameKey: string }
  birthDate?: string
  phone?: string | null
  regencyCode?: string
}

/**
 * Applies a correction when the row is still at `expectedVersion` (optimistic concurrency): returns the new row,
 * or null when someone else changed it first (or it does not exist).
 */
export async function updateParticipantFields(sql: Sql, id: string, expectedVersion: number, changes: ParticipantChanges, now: Date): Promise<ParticipantRecord | null> {
  const sets: string[] = []
  const params: unknown[] = [id, expectedVersion, now]
  const set = (column: string, value: unknown) => {
    params.push(value)
    sets.push(`${column} = $${params.length}`)
  }
  if (changes.name) {
    set('name', changes.name.name)
    set('name_key', changes.name.nameKey)
  }
  if (changes.birthDate !== undefined) set('birth_date', changes.birthDate)
  if (changes.phone !== undefined) set('phone', changes.phone)
  if (changes.regencyCode !== undefined) set('regency_code', changes.regencyCode)
  const { rows } = await sql.query<ParticipantRecord>(
    `update participants p set ${[...sets, 'version = p.version + 1', 'updated_at = $3'].join(', ')}
      where p.id = $1 and p.version = $2
      returning ${PARTICIPANT_COLUMNS}`,
    params,
  )
  return rows[0] ?? null
}

/** Ends a membership (status `berhenti`) when the row is still at `expectedVersion`; null otherwise. */
export async function markParticipantEnded(sql: Sql, id: string, expectedVersion: number, end: { endedOn: string; reason: string }, now: Date): Promise<ParticipantRecord | null> {
  const { rows } = await sql.query<ParticipantRecord>(
    `update participants p set status = 'berhenti', status_since = $3, ended_on = $3, end_reason = $4, version = p.version + 1, updated_at = $5
      where p.id = $1 and p.version = $2 and p.status <> 'berhenti'
      returning ${PARTICIPANT_COLUMNS}`,
    [id, expectedVersion, end.endedOn, end.reason, now],
  )
  return rows[0] ?? null
}

/** Participants of a region (a province or a kab/kota code) by category and status: the scorecard's registry counts. */
export async function countByCategoryAndStatus(sql: Sql, regionCode: string): Promise<Array<{ category: string; status: string; n: number }>> {
  const { rows } = await sql.query<{ category: string; status: string; n: number }>(
    `select category, status, count(*)::int8 as n from participants where regency_code = $1 or regency_code like $1 || '.%' group by 1, 2`,
    [regionCode],
  )
  return rows
}
