import { localDateAt, timeZoneOfRegion } from '../../../kernel/dates.js'
import { DomainError } from '../../../kernel/errors.js'
import { monthOfDate, type Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'
import { assertAuthorized, writeAudit, type Actor } from '../../access/index.js'
import { loadRegulationSet, type Programme } from '../../programmes/index.js'
import { insertEmployer, insertEmployerSource, regencyExists, type EmployerRecord } from '../db/employers.js'
import { mandatoryProgrammes, validateNewEmployer, type NewEmployerInput } from '../domain/index.js'

export interface RegisterEmployerCommand {
  /** Who registers it; null for an operator at the server's shell (`semesta employer add`). */
  actor: Actor | null
  input: NewEmployerInput
  requestId: string | null
  via: 'api' | 'cli'
}

export interface RegisteredEmployer {
  employer: EmployerRecord
  mandatoryProgrammes: Programme[]
}

/** The month "now" is in the employer's regency (WITA or WIT). */
export function currentMonthIn(regencyCode: string, now: Date): Month {
  return monthOfDate(localDateAt(now, timeZoneOfRegion(regencyCode)))
}

export function programmesNow(employer: Pick<EmployerRecord, 'scale' | 'regencyCode'>, now: Date): Programme[] {
  return mandatoryProgrammes(employer.scale, currentMonthIn(employer.regencyCode, now), loadRegulationSet())
}

/**
 * Registers a PU employer with its `sources` row (kind employer, ref_id = the employer) and the audit event, in
 * one transaction. A taken NPP is a `conflict`; a regency outside Banuspa `unknown_code`.
 */
export async function registerEmployer(sql: Sql, command: RegisterEmployerCommand, now: Date, newId: () => string): Promise<RegisteredEmployer> {
  const input = validateNewEmployer(command.input)
  if (command.actor) assertAuthorized(command.actor, 'employer.write', { regionCode: input.regencyCode })
  return sql.transaction(async (tx) => {
    if (!(await regencyExists(tx, input.regencyCode))) {
      throw new DomainError('unknown_code', `Kabupaten/kota ${input.regencyCode} tidak ada di wilayah Banuspa.`, { field: 'regionCode' })
    }
    const id = newId()
    const sourceId = newId()
    const employer = await insertEmployer(tx, { id, ...input, sourceId, createdAt: now })
    if (!employer) throw new DomainError('conflict', `NPP ${input.npp} sudah terdaftar untuk perusahaan lain.`, { field: 'npp' })
    await insertEmployerSource(tx, { id: sourceId, name: input.name, employerId: id, createdAt: now })
    await writeAudit(tx, {
      actor: command.actor,
      action: 'employer.create',
      subjectType: 'employer',
      subjectId: id,
      requestId: command.requestId,
      details: { sourceId, scale: input.scale, riskGroup: input.riskGroup, regionCode: input.regencyCode, via: command.via },
      occurredAt: now,
    })
    return { employer, mandatoryProgrammes: programmesNow(employer, now) }
  })
}
