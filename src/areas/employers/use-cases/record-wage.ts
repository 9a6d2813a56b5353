import { DomainError } from '../../../kernel/errors.js'
import type { Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'
import { assertAuthorized, writeAudit, type Actor } from '../../access/index.js'
import { findEmployerById, isUuid, type EmployerRecord } from '../db/employers.js'
import { storeWages, type ReportedVia, type StoredWage } from '../db/wages.js'
import { linkWorkers, participantById, participantsByNik, type RegisteredPerson } from '../db/workers.js'
import { checkMonth, checkWageIdr } from '../domain/index.js'

export const DEFAULT_CORRECTION_REASON = 'koreksi upah'
const REASON_MAX = 200

export interface RecordWageCommand {
  actor: Actor | null
  employerId: string
  /** The worker, by participant id or by NIK (one of the two). */
  participantId?: string | undefined
  nik?: string | undefined
  month: string
  wageIdr: number
  /** Why an amount already reported for the month is corrected (kept on the correction row). */
  reason?: string | undefined
  via: Exclude<ReportedVia, 'wage_report'>
  requestId: string | null
}

export interface RecordedWage {
  employerId: string
  participantId: string
  month: Month
  /** The row written, or null when the month already had this amount (nothing new). */
  stored: StoredWage | null
  workerLinked: boolean
}

export async function loadEmployer(sql: Sql, id: string): Promise<EmployerRecord> {
  const employer = await findEmployerById(sql, id)
  if (!employer) throw new DomainError('not_found', 'Perusahaan tidak ditemukan.', { field: 'id' })
  return employer
}

async function findWorker(sql: Sql, command: RecordWageCommand): Promise<RegisteredPerson> {
  if (command.participantId !== undefined) {
    const person = isUuid(command.participantId) ? await participantById(sql, command.participantId) : undefined
    if (!person) throw new DomainError('not_found', 'Peserta tidak ditemukan.', { field: 'participantId' })
    return person
  }
  const nik = command.nik?.trim() ?? ''
  if (nik === '') throw new DomainError('missing_field', 'Sebutkan peserta: participantId atau NIK.', { field: 'nik' })
  const person = (await participantsByNik(sql, [nik])).get(nik)
  if (!person) throw new DomainError('not_found', 'NIK ini belum terdaftar sebagai peserta; daftarkan dulu (impor peserta dengan kolom npp).', { field: 'nik' })
  return person
}

/**
 * One dated wage row for a worker of an employer (a raise: a new month; a correction: another amount for a month
 * already reported, kept as the next revision with its reason). Links the worker to the employer if needed.
 */
export async function recordWage(sql: Sql, command: RecordWageCommand, now: Date, newId: () => string): Promise<RecordedWage> {
  const month = checkMonth(command.month)
  const wageIdr = checkWageIdr(command.wageIdr)
  const reason = command.reason?.trim() || DEFAULT_CORRECTION_REASON
  if (reason.length > REASON_MAX) throw new DomainError('invalid_input', `Alasan koreksi paling banyak ${REASON_MAX} karakter.`, { field: 'reason' })
  return sql.transaction(async (tx) => {
    const employer = await loadEmployer(tx, command.employerId)
    if (command.actor) assertAuthorized(command.actor, 'employer.write', { regionCode: employer.regencyCode })
    const worker = await findWorker(tx, command)
    const linked = await linkWorkers(tx, [{ id: newId(), employerId: employer.id, participantId: worker.id, startedOn: `${month}-01` }], now)
    const [stored] = await storeWages(tx, [{ id: newId(), employerId: employer.id, participantId: worker.id, month, wageIdr }], command.via, reason, now)
    if (stored || linked > 0) {
      await writeAudit(tx, {
        actor: command.actor,
        action: 'employer.wage_record',
        subjectType: 'employer',
        subjectId: employer.id,
        requestId: command.requestId,
        details: { participantId: worker.id, month, revision: stored?.revision ?? null, stored: stored !== undefined, workerLinked: linked > 0, via: command.via },
        occurredAt: now,
      })
    }
    return { employerId: employer.id, participantId: worker.id, month, stored: stored ?? null, workerLinked: linked > 0 }
  })
}
