import { localDateAt, timeZoneOfRegion } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import {
  claimFor, insertClaimStep, insertScholarships, nextClaimStatus, payScholarships, schoolYearOf, scholarshipSchedule, updateClaim,
  type ClaimAction, type ClaimRecord, type ClaimUpdate,
} from '../areas/claims/index.js'
import { findParticipantById } from '../areas/participants/index.js'
import { eventArrearsPaid } from './claim-eligibility.js'
import { auditActor } from './participant-guard.js'

export interface MoveClaimCommand {
  claimId: string
  action: ClaimAction
  /** The version the clerk saw: a step never overrides someone else's newer one. */
  version: number
  reason?: string | undefined
  /** Ticks on the documents checklist, saved with the step (usually with `verify`). */
  documents?: Record<string, boolean> | undefined
  actor: Actor | null
  requestId: string | null
}

/**
 * One workflow step (submitted → verified → approved → paid, or rejected with a reason), version-checked, with its
 * step row and audit event in one transaction. Approving schedules the scholarship for this school year; paying pays
 * what is payable now, and the rest when the arrears of the event date have since been paid (else it is withheld).
 */
export async function moveClaim(sql: Sql, cmd: MoveClaimCommand, now: Date, ids: { newId(): string }): Promise<ClaimRecord> {
  return sql.transaction(async (tx) => {
    const claim = await claimFor(tx, cmd.claimId, cmd.actor, 'claim.write', true)
    if (claim.version !== cmd.version) throw stale(claim.version)
    const documents = cmd.documents ? { ...claim.documents, ...pick(cmd.documents, Object.keys(claim.documents)) } : claim.documents
    const step = nextClaimStatus(claim.status, cmd.action, { kind: claim.kind, documents, payableIdr: claim.payNowIdr + claim.afterArrearsIdr + firstYear(claim) }, cmd.reason)
    const today = localDateAt(now, timeZoneOfRegion(claim.regionCode))
    const update: ClaimUpdate = { status: step.to, ...(cmd.documents ? { documents } : {}), ...(step.reason ? { rejectionReason: step.reason } : {}) }
    if (cmd.action === 'approve') await insertScholarships(tx, claim.id, scholarshipSchedule(claim.eligibility.scholarship, today))
    if (cmd.action === 'pay') Object.assign(update, await payment(tx, claim, today))
    const updated = await updateClaim(tx, claim.id, claim.version, update, now)
    if (!updated) throw stale(claim.version)
    await insertClaimStep(tx, claim.id, {
      id: ids.newId(), action: cmd.action, fromStatus: claim.status, toStatus: step.to, reason: step.reason ?? null, actorId: cmd.actor?.userId ?? null,
      requestId: cmd.requestId, occurredOn: today, occurredAt: now,
    })
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: `claim.${cmd.action}`, subjectType: 'claim', subjectId: claim.id, requestId: cmd.requestId,
      details: { from: claim.status, to: step.to, version: updated.version },
    })
    return updated
  })
}

async function payment(tx: Sql, claim: ClaimRecord, today: string): Promise<ClaimUpdate> {
  const p = await findParticipantById(tx, claim.participantId)
  if (!p) throw new DomainError('not_found', 'participant of the claim not found', { field: 'participantId' })
  const arrearsPaid = await eventArrearsPaid(tx, p, claim.eligibility, today)
  const scholarshipIdr = arrearsPaid || claim.afterArrearsIdr === 0 ? await payScholarships(tx, claim.id, schoolYearOf(today), today) : 0
  const rest = arrearsPaid ? claim.afterArrearsIdr : 0
  // a beasiswa claim's lines are the school year itself: its schedule rows are marked paid, not added again
  const added = claim.kind === 'beasiswa' ? 0 : scholarshipIdr
  return { status: 'paid', paidOn: today, paidIdr: claim.payNowIdr + rest + added, withheldIdr: claim.afterArrearsIdr - rest }
}

function firstYear(claim: ClaimRecord): number {
  const s = claim.eligibility.scholarship
  return s?.eligible && claim.kind !== 'beasiswa' ? s.firstYearIdr : 0
}

function pick(documents: Record<string, boolean>, known: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(Object.entries(documents).filter(([k]) => known.includes(k)).map(([k, v]) => [k, v === true]))
}

function stale(current: number): DomainError {
  return new DomainError('conflict', 'Klaim sudah diubah orang lain; muat ulang lalu ulangi.', { field: 'version', currentVersion: current })
}
