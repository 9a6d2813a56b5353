import type { Sql } from '../../../platform/db/sql.js'

/** Why a registration under a known NIK was refused: the birth date differs, or the names clearly do. */
export type IdentityMismatchReason = 'birth_date' | 'name' | 'birth_date_and_name'

export interface IdentityReview {
  id: string
  participantId: string
  claimedName: string
  claimedBirthDate: string | null
  reason: IdentityMismatchReason | string
  sourceId: string | null
  requestId: string | null
  status: 'open' | 'resolved' | 'rejected'
  createdAt: Date
  resolvedAt: Date | null
}

export type NewIdentityReview = Pick<IdentityReview, 'id' | 'participantId' | 'claimedName' | 'claimedBirthDate' | 'reason' | 'sourceId' | 'requestId'> & { createdAt: Date }

export async function insertIdentityReview(sql: Sql, r: NewIdentityReview): Promise<void> {
  await sql.query(
    `insert into identity_reviews (id, participant_id, claimed_name, claimed_birth_date, reason, source_id, request_id, status, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, 'open', $8)`,
    [r.id, r.participantId, r.claimedName, r.claimedBirthDate, r.reason, r.sourceId, r.requestId, r.createdAt],
  )
}

export async function listIdentityReviews(sql: Sql, participantId: string): Promise<IdentityReview[]> {
  const { rows } = await sql.query<IdentityReview>(
    `select id, participant_id as "participantId", claimed_name as "claimedName", claimed_birth_date as "claimedBirthDate", reason,
            source_id as "sourceId", request_id as "requestId", status, created_at as "createdAt", resolved_at as "resolvedAt"
       from identity_reviews where participant_id = $1 order by created_at, id`,
    [participantId],
  )
  return rows
}
