import type { LocalDate } from '../../../kernel/dates.js'
import type { Sql } from '../../../platform/db/sql.js'
import type { ParticipantRecord } from '../../participants/index.js'
import type { ContributionStatus } from '../domain/types.js'
import { loadAccountInput } from './account-input.js'
import { saveContributionState, statusWithSince } from './states.js'

/**
 * Re-evaluates one participant at `asOf` and stores the result (contribution_states + participants.status): what the
 * daily job calls for every row whose next_change_on has come (`participantsDueForRefresh`), and what a payment does.
 * The status_since date is found by walking the engine's next-change dates from the last evaluation.
 */
export async function refreshContributionState(sql: Sql, participant: ParticipantRecord, asOf: LocalDate, now: Date): Promise<ContributionStatus> {
  const { rows } = await sql.query<{ evaluated_on: string }>(
    `select to_char(evaluated_on, 'YYYY-MM-DD') as evaluated_on from contribution_states where participant_id = $1`, [participant.id])
  const last = rows[0]?.evaluated_on
  const from = last !== undefined && last <= asOf ? last : asOf
  const { input } = await loadAccountInput(sql, participant, asOf)
  const { status, since } = statusWithSince(input, from, asOf)
  await saveContributionState(sql, participant.id, status, since, now)
  return status
}

/** Participant ids whose status changes with time alone on or before `asOf` (index on next_change_on), in id order. */
export async function participantsDueForRefresh(sql: Sql, asOf: LocalDate, options: { after?: string | null; limit?: number } = {}): Promise<string[]> {
  const { rows } = await sql.query<{ participant_id: string }>(
    `select participant_id from contribution_states where next_change_on <= $1 and ($2::uuid is null or participant_id > $2::uuid)
     order by participant_id limit $3`,
    [asOf, options.after ?? null, options.limit ?? 10_000],
  )
  return rows.map((r) => r.participant_id)
}
