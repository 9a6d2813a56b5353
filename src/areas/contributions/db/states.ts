import type { Sql } from '../../../platform/db/sql.js'
import type { LocalDate } from '../../../kernel/dates.js'
import { contributionStatus } from '../domain/status-engine.js'
import type { AccountInput, ContributionStatus } from '../domain/types.js'

/**
 * Stores a participant's evaluated status (contribution_states) and mirrors it on participants.status/status_since
 * when it changed (one statement). `since` is the date the new status holds from.
 */
export async function saveContributionState(sql: Sql, participantId: string, s: ContributionStatus, since: string, now: Date): Promise<void> {
  await sql.query(
    `with mirrored as (
       update participants set status = $2, status_since = $3, updated_at = $9 where id = $1 and status <> $2 and status <> 'berhenti')
     insert into contribution_states (participant_id, regency_code, status, status_since, paid_through, arrears_idr, next_change_on, next_status, evaluated_on, updated_at)
     select $1, (select regency_code from participants where id = $1), $2, $3, $4, $5, $6, $7, $8, $9
     on conflict (participant_id) do update set regency_code = excluded.regency_code,
       status_since = case when contribution_states.status = excluded.status then contribution_states.status_since else excluded.status_since end,
       status = excluded.status, paid_through = excluded.paid_through, arrears_idr = excluded.arrears_idr,
       next_change_on = excluded.next_change_on, next_status = excluded.next_status, evaluated_on = excluded.evaluated_on, updated_at = excluded.updated_at
     where contribution_states.status <> 'berhenti'`,
    [participantId, s.status, since, s.paidThrough, s.arrearsIdr, s.nextChange?.date ?? null, s.nextChange?.status ?? null, s.asOf, now],
  )
}

/**
 * An ended membership (`berhenti`) is terminal (DESIGN.md §7): its state says so and has no next change, and the
 * saves above leave a `berhenti` row and participant alone, so neither the daily job nor a payment revives it.
 */
export async function markContributionStateEnded(sql: Sql, participantId: string, since: LocalDate, now: Date): Promise<void> {
  await sql.query(
    `insert into contribution_states (participant_id, regency_code, status, status_since, paid_through, arrears_idr, next_change_on, next_status, evaluated_on, updated_at)
     select p.id, p.regency_code, 'berhenti', $2, null, 0, null, null, $2, $3 from participants p where p.id = $1
     on conflict (participant_id) do update set status = 'berhenti', status_since = excluded.status_since,
       next_change_on = null, next_status = null, evaluated_on = excluded.evaluated_on, updated_at = excluded.updated_at`,
    [participantId, since, now],
  )
}

/** A correction moved the participant to another regency: their state follows (worklists per regency read it). */
export async function syncStateRegency(sql: Sql, participantId: string): Promise<void> {
  await sql.query(
    `update contribution_states cs set regency_code = p.regency_code from participants p
      where p.id = $1 and cs.participant_id = p.id and cs.regency_code is distinct from p.regency_code`,
    [participantId],
  )
}

/**
 * The status at `to` and the date it has held since, walking the engine's next-change dates from `from` (the date of
 * the last thing that happened, e.g. a payment). A few steps at most: aktif → menunggak → nonaktif.
 */
export function statusWithSince(input: AccountInput, from: LocalDate, to: LocalDate): { status: ContributionStatus; since: LocalDate } {
  let since = from
  let s = contributionStatus(input, from)
  for (let step = 0; step < 8 && s.nextChange && s.nextChange.date <= to; step++) {
    const next = contributionStatus(input, s.nextChange.date)
    if (next.status !== s.status) since = s.nextChange.date
    s = next
  }
  const final = to === s.asOf ? s : contributionStatus(input, to)
  if (final.status !== s.status) since = to
  return { status: final, since }
}

/** saveContributionState for many participants: two statements (the bulk refresh after a payer's payment). */
export async function saveContributionStates(sql: Sql, rows: ReadonlyArray<{ participantId: string; status: ContributionStatus; since: string }>, now: Date): Promise<void> {
  if (rows.length === 0) return
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f)
  const params = [
    col((r) => r.participantId), col((r) => r.status.status), col((r) => r.since), col((r) => r.status.paidThrough), col((r) => r.status.arrearsIdr),
    col((r) => r.status.nextChange?.date ?? null), col((r) => r.status.nextChange?.status ?? null), col((r) => r.status.asOf), now,
  ]
  await sql.query(
    `insert into contribution_states (participant_id, status, status_since, paid_through, arrears_idr, next_change_on, next_status, evaluated_on, updated_at, regency_code)
     select s.*, $9::timestamptz, (select p.regency_code from participants p where p.id = s.participant_id)
       from unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::bigint[], $6::date[], $7::text[], $8::date[])
       as s(participant_id, status, status_since, paid_through, arrears_idr, next_change_on, next_status, evaluated_on)
     on conflict (participant_id) do update set regency_code = excluded.regency_code,
       status_since = case when contribution_states.status = excluded.status then contribution_states.status_since else excluded.status_since end,
       status = excluded.status, paid_through = excluded.paid_through, arrears_idr = excluded.arrears_idr,
       next_change_on = excluded.next_change_on, next_status = excluded.next_status, evaluated_on = excluded.evaluated_on, updated_at = excluded.updated_at
     where contribution_states.status <> 'berhenti'`,
    params,
  )
  await sql.query(
    `update participants p set status = s.status, status_since = s.since, updated_at = $4
       from unnest($1::uuid[], $2::text[], $3::date[]) as s(id, status, since)
      where p.id = s.id and p.status <> s.status and p.status <> 'berhenti'`,
    [params[0], params[1], params[2], now],
  )
}
