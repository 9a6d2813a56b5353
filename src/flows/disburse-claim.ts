import { localDateAt, timeZoneOfRegion } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import { claimFor, insertClaimStep, staleClaim, updateClaim, type ClaimRecord } from '../areas/claims/index.js'
import { account, accountBalance, benefitDisbursed, postTransfer } from '../areas/ledger/index.js'
import { auditActor } from './participant-guard.js'

export interface DisburseClaimCommand {
  claimId: string
  /** The claim's version the clerk saw. */
  version: number
  /** The BPJS bank account the money left (ledger `bank:<code>`). */
  bankCode: string
  /** The bank's reference of the transfer to the claimant. */
  bankReference: string
  actor: Actor | null
  requestId: string | null
}

/**
 * Records that what a paid claim owes its claimant left BPJS's bank account (finance staff, with the bank's reference):
 * the claim's whole benefit payable so far (pay, release and scholarship years) against the bank, as one balanced
 * `benefit_disbursed` transfer. Refused when nothing is left to disburse. Version-checked, one claim_steps row
 * (`disburse`) and one audit event, in one transaction; a later scholarship year is disbursed the same way.
 */
export async function disburseClaim(sql: Sql, cmd: DisburseClaimCommand, now: Date, ids: { newId(): string }): Promise<ClaimRecord & { disbursedIdr: number }> {
  const bankCode = cmd.bankCode.trim()
  const bankReference = cmd.bankReference.trim()
  if (!/^[A-Za-z0-9_-]{2,32}$/.test(bankCode)) throw new DomainError('invalid_input', 'bankCode: 2–32 letters, digits, - or _', { field: 'bankCode' })
  if (bankReference.length < 3 || bankReference.length > 64) throw new DomainError('invalid_input', 'bankReference: 3–64 characters', { field: 'bankReference' })
  return sql.transaction(async (tx) => {
    const claim = await claimFor(tx, cmd.claimId, cmd.actor, 'claim.write', true)
    if (claim.version !== cmd.version) throw staleClaim(claim.version)
    if (claim.status !== 'paid') throw new DomainError('invalid_state', `the claim is ${claim.status}: only a paid claim is disbursed`, { field: 'status' })
    // the payable is a liability: its balance is what the claim still owes, as a credit (negative)
    const owedIdr = -(await accountBalance(tx, account.benefitPayable(claim.id)))
    if (owedIdr <= 0) throw new DomainError('invalid_state', 'nothing of this claim is left to disburse', { field: 'claim' })
    await postTransfer(tx, {
      id: ids.newId(), occurredAt: now, ...benefitDisbursed({ claimId: claim.id, bankCode, amountIdr: owedIdr }),
      refs: { participantId: claim.participantId, claimId: claim.id, step: 'disburse' }, reason: null, requestId: cmd.requestId,
    })
    const updated = await updateClaim(tx, claim.id, claim.version, { status: 'paid' }, now)
    if (!updated) throw staleClaim(claim.version)
    await insertClaimStep(tx, claim.id, {
      id: ids.newId(), action: 'disburse', fromStatus: 'paid', toStatus: 'paid', reason: `${bankCode} ${bankReference}`,
      actorId: cmd.actor?.userId ?? null, requestId: cmd.requestId, occurredOn: localDateAt(now, timeZoneOfRegion(claim.regionCode)), occurredAt: now,
    })
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: 'claim.disburse', subjectType: 'claim', subjectId: claim.id, requestId: cmd.requestId,
      details: { amountIdr: owedIdr, bankCode, version: updated.version },
    })
    return { ...updated, disbursedIdr: owedIdr }
  })
}
