import { isLocalDate, localDateAt, timeZoneOfRegion, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { authorize, writeAudit, type Actor } from '../areas/access/index.js'
import { insertClaim, insertClaimStep, programmeOf, REQUIRED_DOCUMENTS, type ClaimKind, type ClaimRecord } from '../areas/claims/index.js'
import { findParticipantById, participantView } from '../areas/participants/index.js'
import { eligibilityOf, type ClaimDetails } from './claim-eligibility.js'
import { auditActor } from './participant-guard.js'

export interface FileClaimCommand {
  participantId: string
  kind: ClaimKind
  eventDate: LocalDate
  /** Default: today in the participant's regency. */
  filedOn?: LocalDate | undefined
  claimant: { name: string; nik?: string | null | undefined; relation: string }
  documents?: Record<string, boolean> | undefined
  details: ClaimDetails
  actor: Actor | null
  requestId: string | null
}

/**
 * Staff file a claim (issue 11 item 3): the participant must be in the clerk's scope; eligibility is computed from
 * the account at the event date and stored with the claim; the claim starts `submitted`, with its first step and an
 * audit event (ids only) in the same transaction.
 */
export async function fileClaim(sql: Sql, cmd: FileClaimCommand, now: Date, ids: { newId(): string }): Promise<ClaimRecord> {
  if (!isLocalDate(cmd.eventDate)) throw new DomainError('invalid_date', 'eventDate: YYYY-MM-DD', { field: 'eventDate' })
  return sql.transaction(async (tx) => {
    const p = await findParticipantById(tx, cmd.participantId)
    if (!p || (cmd.actor !== null && participantView(cmd.actor, p) !== 'full')) throw new DomainError('not_found', 'Peserta tidak ditemukan (atau di luar wilayah Anda).', { field: 'participantId' })
    if (cmd.actor !== null && !authorize(cmd.actor, 'claim.write', { regionCode: p.regencyCode })) throw new DomainError('forbidden', 'Anda tidak berwenang mencatat klaim.', { action: 'claim.write' })
    const today = localDateAt(now, timeZoneOfRegion(p.regencyCode))
    const filedOn = cmd.filedOn ?? today
    if (!isLocalDate(filedOn) || filedOn > today) throw new DomainError('invalid_date', 'filedOn: a date not after today', { field: 'filedOn' })
    if (cmd.eventDate > filedOn) throw new DomainError('invalid_date', 'eventDate: the event cannot be after the filing date', { field: 'eventDate' })
    const name = cmd.claimant.name.trim()
    if (name.length < 2 || name.length > 150) throw new DomainError('invalid_input', 'claimant.name: 2 to 150 characters', { field: 'claimant.name' })
    const nik = cmd.claimant.nik ?? null
    if (nik !== null && !/^\d{16}$/.test(nik)) throw new DomainError('invalid_nik', 'claimant.nik: 16 digits', { field: 'claimant.nik' })
    const eligibility = await eligibilityOf(tx, p, { kind: cmd.kind, eventDate: cmd.eventDate, filedOn, details: cmd.details })
    const documents = Object.fromEntries(REQUIRED_DOCUMENTS[cmd.kind].map((d) => [d, cmd.documents?.[d] === true]))
    const claim = await insertClaim(tx, {
      id: ids.newId(), participantId: p.id, regionCode: p.regencyCode, kind: cmd.kind, programme: programmeOf(cmd.kind, cmd.details.scholarshipBasis),
      eventDate: cmd.eventDate, filedOn, claimantName: name, claimantNik: nik, claimantRelation: cmd.claimant.relation, details: { ...cmd.details },
      documents, eligibility, decision: eligibility.decision, payNowIdr: eligibility.payNowIdr, afterArrearsIdr: eligibility.afterArrearsIdr,
      serviceLevelDays: eligibility.serviceLevelWorkingDays, createdBy: cmd.actor?.userId ?? null, createdAt: now,
    })
    await insertClaimStep(tx, claim.id, {
      id: ids.newId(), action: 'file', fromStatus: null, toStatus: 'submitted', reason: null, actorId: cmd.actor?.userId ?? null, requestId: cmd.requestId, occurredOn: filedOn, occurredAt: now,
    })
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: 'claim.file', subjectType: 'claim', subjectId: claim.id, requestId: cmd.requestId,
      details: { participantId: p.id, kind: cmd.kind, decision: eligibility.decision },
    })
    return claim
  })
}
