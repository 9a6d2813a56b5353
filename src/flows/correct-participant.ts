import { DomainError, type LocalDate } from '../kernel/index.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import { syncStateRegency } from '../areas/contributions/index.js'
import {
  appendEvents, checkIdentityAgainstNik, cleanName, nameKey, normalisePhone, parseDateInput, regencyCodeOf, updateParticipantFields,
  type ParticipantChanges, type ParticipantRecord,
} from '../areas/participants/index.js'
import { auditActor, participantForWrite } from './participant-guard.js'
import { registrationTables, registrationToday } from './registration-context.js'
import type { IdSource } from './register-participant.js'

/** What a correction may change (issue 4: name or birth date; also phone and domicile). Absent = unchanged. */
export interface Correction {
  name?: string | undefined
  birthDate?: string | undefined
  /** null removes the phone number. */
  phone?: string | null | undefined
  regencyCode?: string | undefined
}

export interface CorrectParticipantCommand {
  participantId: string
  /** The version the clerk saw: a correction never overwrites someone else's newer one. */
  version: number
  changes: Correction
  reason?: string | undefined
  actor: Actor | null
  requestId: string | null
}

const LETTER = /\p{L}/u
const DIGIT = /\d/

function invalid(field: string, code: 'invalid_input' | 'invalid_date' | 'outside_region', message: string): DomainError {
  return new DomainError(code, message, { field })
}

function correctedName(input: string): { name: string; nameKey: string } {
  const name = cleanName(input)
  if (!LETTER.test(name) || DIGIT.test(name) || name.length > 150) throw invalid('nama', 'invalid_input', 'Nama harus berupa huruf (tanpa angka), paling panjang 150 karakter.')
  return { name, nameKey: nameKey(name) }
}

function correctedBirthDate(p: ParticipantRecord, input: string, today: LocalDate): string {
  const date = parseDateInput(input)
  if (date === null || date > today) throw invalid('tanggal_lahir', 'invalid_date', 'Tanggal lahir tidak valid; tulis DD/MM/YYYY atau YYYY-MM-DD.')
  const issue = checkIdentityAgainstNik(p.nik, { birthDate: date })[0]
  if (issue) throw new DomainError(issue.code, issue.message, { field: issue.field })
  return date
}

function correctedPhone(input: string | null): string | null {
  if (input === null) return null
  const parsed = normalisePhone(input)
  if (parsed.error) throw new DomainError(parsed.error.code, parsed.error.message, { field: parsed.error.field })
  return parsed.ok
}

async function correctedRegency(sql: Sql, input: string): Promise<string> {
  const code = regencyCodeOf(input)
  if (!code || !(await registrationTables(sql)).banuspaRegencies.has(code)) {
    throw invalid('kode_wilayah', 'outside_region', 'Kode wilayah harus kabupaten/kota di wilayah Banuspa (mis. 51.71).')
  }
  return code
}

type Diff = Record<string, { old: unknown; new: unknown }>

async function changesOf(sql: Sql, p: ParticipantRecord, c: Correction, now: Date): Promise<{ changes: ParticipantChanges; diff: Diff }> {
  const changes: ParticipantChanges = {}
  const diff: Diff = {}
  if (c.name !== undefined) {
    const name = correctedName(c.name)
    if (name.name !== p.name) {
      changes.name = name
      diff.name = { old: p.name, new: name.name }
    }
  }
  const birthDate = c.birthDate === undefined ? p.birthDate : correctedBirthDate(p, c.birthDate, registrationToday(now, p.regencyCode))
  if (birthDate !== p.birthDate) changes.birthDate = birthDate
  const phone = c.phone === undefined ? p.phone : correctedPhone(c.phone)
  if (phone !== p.phone) changes.phone = phone
  const regencyCode = c.regencyCode === undefined ? p.regencyCode : await correctedRegency(sql, c.regencyCode)
  if (regencyCode !== p.regencyCode) changes.regencyCode = regencyCode
  if (changes.birthDate !== undefined) diff.birthDate = { old: p.birthDate, new: birthDate }
  if (changes.phone !== undefined) diff.phone = { old: p.phone, new: phone }
  if (changes.regencyCode !== undefined) diff.regencyCode = { old: p.regencyCode, new: regencyCode }
  return { changes, diff }
}

/**
 * A correction is an event with the old and new values, never a silent edit (issue 4). The version check makes
 * two clerks' concurrent corrections fail for the second one (`conflict`) instead of overwriting the first.
 */
export async function correctParticipant(sql: Sql, cmd: CorrectParticipantCommand, now: Date, ids: IdSource): Promise<ParticipantRecord> {
  return sql.transaction(async (tx) => {
    const current = await participantForWrite(tx, cmd.participantId, cmd.actor)
    if (current.version !== cmd.version) throw staleVersion(current.version)
    const { changes, diff } = await changesOf(tx, current, cmd.changes, now)
    const fields = Object.keys(diff)
    if (fields.length === 0) throw new DomainError('invalid_input', 'Tidak ada data yang berubah.', { field: 'changes' })
    const updated = await updateParticipantFields(tx, current.id, cmd.version, changes, now)
    if (!updated) throw staleVersion(current.version)
    if (changes.regencyCode !== undefined) await syncStateRegency(tx, current.id)
    await appendEvents(tx, [{
      id: ids.newId(), participantId: current.id, occurredAt: now, kind: 'corrected', actorId: cmd.actor?.userId ?? null, requestId: cmd.requestId,
      data: { changes: diff, reason: cmd.reason ?? null, version: updated.version },
    }])
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: 'participant.correct', subjectType: 'participant', subjectId: current.id, requestId: cmd.requestId,
      details: { fields, version: updated.version },
    })
    return updated
  })
}

function staleVersion(current: number): DomainError {
  return new DomainError('conflict', 'Data peserta sudah diubah orang lain; muat ulang lalu ulangi koreksi.', { field: 'version', currentVersion: current })
}
