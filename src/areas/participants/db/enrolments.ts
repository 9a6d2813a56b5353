import type { Sql } from '../../../platform/db/sql.js'

export type Payer = 'self' | 'employer' | 'pemda' | 'apbn' | 'sponsor'

export interface EnrolmentRecord {
  id: string
  participantId: string
  segment: string
  programmes: string[]
  declaredIncomeIdr: number | null
  incomeBaseIdr: number | null
  wageIdr: number | null
  employerId: string | null
  sector: 'transport' | 'other' | null
  payer: Payer
  payerRef: string | null
  sourceId: string
  startMonth: string | null
  endMonth: string | null
  status: 'active' | 'ended'
  endReason: string | null
  createdAt: Date
  updatedAt: Date
}

export type NewEnrolment = Omit<EnrolmentRecord, 'startMonth' | 'endMonth' | 'status' | 'endReason' | 'createdAt' | 'updatedAt'> & {
  /** Null for a BPU until the first payment (DESIGN.md §7). */
  startMonth: string | null
  now: Date
}

const COLUMNS = `id, participant_id as "participantId", segment, programmes, declared_income_idr as "declaredIncomeIdr",
  income_base_idr as "incomeBaseIdr", wage_idr as "wageIdr", employer_id as "employerId", sector, payer, payer_ref as "payerRef",
  source_id as "sourceId", start_month as "startMonth", end_month as "endMonth", status, end_reason as "endReason",
  created_at as "createdAt", updated_at as "updatedAt"`

export async function insertEnrolment(sql: Sql, e: NewEnrolment): Promise<EnrolmentRecord> {
  const { rows } = await sql.query<EnrolmentRecord>(
    `insert into enrolments (id, participant_id, segment, programmes, declared_income_idr, income_base_idr, wage_idr, employer_id,
       sector, payer, payer_ref, source_id, start_month, status, created_at, updated_at)
     values ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9, $10, $11, $12, $13, 'active', $14, $14)
     returning ${COLUMNS}`,
    [e.id, e.participantId, e.segment, e.programmes, e.declaredIncomeIdr, e.incomeBaseIdr, e.wageIdr, e.employerId, e.sector,
      e.payer, e.payerRef, e.sourceId, e.startMonth, e.now],
  )
  return rows[0]!
}

/** A participant's enrolments, oldest first. */
export async function listEnrolments(sql: Sql, participantId: string): Promise<EnrolmentRecord[]> {
  const { rows } = await sql.query<EnrolmentRecord>(`select ${COLUMNS} from enrolments where participant_id = $1 order by created_at, id`, [participantId])
  return rows
}

/** Ends every active enrolment of a participant with the last covered month; returns their ids. */
export async function endActiveEnrolments(sql: Sql, participantId: string, end: { month: string; reason: string }, now: Date): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `update enrolments set status = 'ended', end_month = $2, end_reason = $3, updated_at = $4
      where participant_id = $1 and status = 'active' returning id`,
    [participantId, end.month, end.reason, now],
  )
  return rows.map((r) => r.id)
}
