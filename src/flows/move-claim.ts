import { localDateAt, timeZoneOfRegion } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import {
  assertEventArrearsPaid, claimFor, insertClaimStep, insertScholarships, nextClaimStatus, payStep, releaseStep, restPayable,
  scholarshipSchedule, staleClaim, updateClaim, type ClaimAction, type ClaimRecord, type ClaimUpdate,
} from '../areas/claims/index.js'
import { findParticipantById } from '../areas/participants/index.js'
import { unpaidArrearsOf } from './claim-eligibility.js'
import { postClaimPayment } from './claim-ledger.js'
import { payDueScholarships } from './claim-scholarship.js'
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
 * One workflow step (submitted → verified → approved → paid, or rejected with a reason; `release` on a paid claim
 * with a withheld part), version-checked, with its step row and audit event in one transaction. Approving schedules
 * the scholarship for this school year; paying pays what is payable now, and the rest when the arrears of the event
 * date have since been paid (else it is withheld); releasing pays the withheld rest once they are, and is refused
 * with `arrears_unpaid` while any is not. What a step pays is posted to the ledger (`benefit_paid`) in the same
 * transaction.
 */
export async function moveClaim(sql: Sql, cmd: MoveClaimCommand, now: Date, ids: { newId(): string }): Promise<ClaimRecord> {
  return sql.transaction(async (tx) => {
    const claim = await claimFor(tx, cmd.claimId, cmd.actor, 'claim.write', true)
    if (claim.version !== cmd.version) throw staleClaim(claim.version)
    const documents = cmd.documents ? { ...claim.documents, ...pick(cmd.documents, Object.keys(claim.documents)) } : claim.documents
    const step = nextClaimStatus(claim.status, cmd.action, { kind: claim.kind, documents, payableIdr: claim.payNowIdr + claim.afterArrearsIdr + firstYear(claim), withheldIdr: claim.withheldIdr }, cmd.reason)
    const today = localDateAt(now, timeZoneOfRegion(claim.regionCode))
    const update: ClaimUpdate = { status: step.to, ...(cmd.documents ? { documents } : {}), ...(step.reason ? { rejectionReason: step.reason } : {}) }
    if (cmd.action === 'approve') await insertScholarships(tx, claim.id, scholarshipSchedule(claim.eligibility.scholarship, today))
    let movedIdr: number | null = null
    if (cmd.action === 'pay' || cmd.action === 'release') {
      const paid = cmd.action === 'pay' ? await payment(tx, claim, today) : await release(tx, claim, today)
      movedIdr = paid.movedIdr
      Object.assign(update, paid.update)
    }
    const updated = await updateClaim(tx, claim.id, claim.version, update, now)
    if (!updated) throw staleClaim(claim.version)
    if (movedIdr !== null) await postClaimPayment(tx, claim, movedIdr, cmd.action, now, ids, cmd.requestId)
    await insertClaimStep(tx, claim.id, {
      id: ids.newId(), action: cmd.action, fromStatus: claim.status, toStatus: step.to, reason: step.reason ?? null, actorId: cmd.actor?.userId ?? null,
      requestId: cmd.requestId, occurredOn: today, occurredAt: now,
    })
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: `claim.${cmd.action}`, subjectType: 'claim', subjectId: claim.id, requestId: cmd.requestId,
      details: { from: claim.status, to: step.to, version: updated.version, ...(movedIdr === null ? {} : { paidIdr: movedIdr }) },
    })
    return updated
  })
}

async function payment(tx: Sql, claim: ClaimRecord, today: string): Promise<{ update: ClaimUpdate; movedIdr: number }> {
  const unpaid = await unpaidArrearsOf(tx, await participantOf(tx, claim), claim.eligibility, today)
  const scholarshipIdr = restPayable(claim, unpaid) ? await payDueScholarships(tx, claim, today) : 0
  const { paidIdr, withheldIdr } = payStep(claim, unpaid, scholarshipIdr)
  return { update: { status: 'paid', paidOn: today, paidIdr, withheldIdr }, movedIdr: paidIdr }
}

/** The withheld rest and the scholarship held with it; the first payment date stays the claim's `paidOn`. */
async function release(tx: Sql, claim: ClaimRecord, today: string): Promise<{ update: ClaimUpdate; movedIdr: number }> {
  assertEventArrearsPaid(await unpaidArrearsOf(tx, await participantOf(tx, claim), claim.eligibility, today))
  const scholarshipIdr = await payDueScholarships(tx, claim, today)
  const { releasedIdr, paidIdr, withheldIdr } = releaseStep(claim, scholarshipIdr)
  return { update: { status: 'paid', paidIdr, withheldIdr }, movedIdr: releasedIdr }
}

async function participantOf(tx: Sql, claim: ClaimRecord) {
  const p = await findParticipantById(tx, claim.participantId)
  if (!p) throw new DomainError('not_found', 'participant of the claim not found', { field: 'participantId' })
  return p
}

function firstYear(claim: ClaimRecord): number {
  const s = claim.eligibility.scholarship
  return s?.eligible && claim.kind !== 'beasiswa' ? s.firstYearIdr : 0
}

function pick(documents: Record<string, boolean>, known: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(Object.entries(documents).filter(([k]) => known.includes(k)).map(([k, v]) => [k, v === true]))
}

