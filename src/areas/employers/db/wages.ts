import type { Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'

export type ReportedVia = 'wage_report' | 'api' | 'cli'

export interface WageInput {
  id: string
  employerId: string
  participantId: string
  month: Month
  wageIdr: number
}

export interface StoredWage {
  id: string
  participantId: string
  effectiveMonth: Month
  revision: number
  wageIdr: number
}

/**
 * Stores wage rows set-based (one statement per chunk). Per (employer, participant, month): no row yet → revision 0;
 * the same amount as the month's latest revision → nothing (a re-imported report stores nothing new); another
 * amount → the next revision with `correctionReason`. Rows of one call must not repeat a (participant, month).
 * A concurrent writer of the same revision loses quietly (ON CONFLICT DO NOTHING): its row is not in the answer.
 */
export async function storeWages(sql: Sql, rows: readonly WageInput[], via: ReportedVia, correctionReason: string, createdAt: Date): Promise<StoredWage[]> {
  if (rows.length === 0) return []
  const { rows: stored } = await sql.query<StoredWage>(
    `insert into employer_wages (id, employer_id, participant_id, effective_month, revision, wage_idr, reported_via, reason, created_at)
     select v.id, v.employer_id, v.participant_id, v.month, coalesce(l.revision + 1, 0), v.wage, $6,
            case when l.revision is null then null else $7 end, $8
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::bigint[]) as v(id, employer_id, participant_id, month, wage)
       left join lateral (
         select w.revision, w.wage_idr from employer_wages w
          where w.employer_id = v.employer_id and w.participant_id = v.participant_id and w.effective_month = v.month
          order by w.revision desc limit 1
       ) l on true
      where l.revision is null or l.wage_idr <> v.wage
     on conflict (employer_id, participant_id, effective_month, revision) do nothing
     returning id, participant_id as "participantId", effective_month as "effectiveMonth", revision, wage_idr as "wageIdr"`,
    [
      rows.map((r) => r.id), rows.map((r) => r.employerId), rows.map((r) => r.participantId), rows.map((r) => r.month), rows.map((r) => r.wageIdr),
      via, correctionReason, createdAt,
    ],
  )
  return stored
}

export interface WageHistoryRow extends StoredWage {
  reportedVia: ReportedVia
  reason: string | null
  createdAt: Date
}

/** Every wage row of an employer's workers (optionally some of them), oldest month and revision first. */
export async function listWages(sql: Sql, employerId: string, participantIds?: readonly string[]): Promise<WageHistoryRow[]> {
  const { rows } = await sql.query<WageHistoryRow>(
    `select id, participant_id as "participantId", effective_month as "effectiveMonth", revision, wage_idr as "wageIdr",
            reported_via as "reportedVia", reason, created_at as "createdAt"
       from employer_wages
      where employer_id = $1 and ($2::uuid[] is null or participant_id = any($2::uuid[]))
      order by participant_id, effective_month, revision`,
    [employerId, participantIds ? [...participantIds] : null],
  )
  return rows
}
