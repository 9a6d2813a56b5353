import type { Sql } from '../platform/db/sql.js'
import type { ClaimRecord } from '../areas/claims/index.js'
import { benefitPaid, postTransfer } from '../areas/ledger/index.js'

/**
 * Posts what a claim step paid (pay, release, a scholarship year) as one balanced `benefit_paid` transfer, inside the
 * step's transaction: the programme's benefit expense (JHT: its fund) against the claim's benefit payable.
 * Nothing is posted for a step that paid nothing.
 */
export async function postClaimPayment(
  tx: Sql, claim: Pick<ClaimRecord, 'id' | 'participantId' | 'programme'>, amountIdr: number, step: string, now: Date, ids: { newId(): string }, requestId: string | null,
): Promise<void> {
  if (amountIdr <= 0) return
  await postTransfer(tx, {
    id: ids.newId(), occurredAt: now, ...benefitPaid({ claimId: claim.id, programme: claim.programme, amountIdr }),
    refs: { participantId: claim.participantId, claimId: claim.id, step }, reason: null, requestId,
  })
}
