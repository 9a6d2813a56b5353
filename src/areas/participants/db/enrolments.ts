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
/** The select of one participant's enrolments (`$n` their id), oldest first: for a read that joins other rows in one statement. */
export const enrolmentsOfParticipantSql = (param: string): string => `select ${COLUMNS} from enrolments where participant_id = ${param} order by created_at, id`

export async function listEnrolments(sql: Sql, participantId: string): Promise<EnrolmentRecord[]> {
  const { rows } = await sql.query<EnrolmentRecord>(enrolmentsOfParticipantSql('$1'), [participantId])
  return rows
}

/** An enrolment as it comes back inside a JSON aggregate (timestamps as text): the record listEnrolments gives. */
export function enrolmentFromJson(row: Omit<EnrolmentRecord, 'createdAt' | 'updatedAt'> & { createdAt: string | Date; updatedAt: string | Date }): EnrolmentRecord {
  return { ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) }
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

/** The enrolments of many participants at once (bulk status refresh), oldest first per participant. */
export async function listEnrolmentsOf(sql: Sql, participantIds: readonly string[]): Promise<Map<string, EnrolmentRecord[]>> {
  const out = new Map<string, EnrolmentRecord[]>()
  if (participantIds.length === 0) return out
  const { rows } = await sql.query<EnrolmentRecord>(
    `select ${COLUMNS} from enrolments where participant_id = any($1::uuid[]) order by participant_id, created_at, id`,
    [[...participantIds]],
  )
  for (const row of rows) out.set(row.participantId, [...(out.get(row.participantId) ?? []), row])
  return out
}

/** Who pays each participant's active enrolment, when someone other than the worker does. */
export async function activePayers(sql: Sql, participantIds: readonly string[]): Promise<Map<string, { payer: Payer; payerRef: string | null }>> {
  if (participantIds.length === 0) return new Map()
  const { rows } = await sql.query<{ participantId: string; payer: Payer; payerRef: string | null }>(
    `select participant_id as "participantId", payer, payer_ref as "payerRef" from enrolments
      where participant_id = any($1::uuid[]) and status = 'active' and payer <> 'self'`,
    [[...participantIds]],
  )
  return new Map(rows.map((r) => [r.participantId, { payer: r.payer, payerRef: r.payerRef }]))
}

export interface PayerAssignment {
  participantId: string
  /** The enrolment to move; null: the participant's active enrolment. */
  enrolmentId: string | null
  startMonth: string
  programmes: readonly string[]
  declaredIncomeIdr: number | null
  incomeBaseIdr: number | null
  wageIdr: number | null
}

/**
 * Moves active enrolments to a payer that decides their first due month, income and programmes (a pemda programme's
 * cohort: the programme wins over the file). Returns the enrolment id per participant moved.
 */
export async function assignPayer(sql: Sql, payer: { payer: Payer; payerRef: string }, rows: readonly PayerAssignment[], now: Date): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map()
  const col = <K extends keyof PayerAssignment>(k: K) => rows.map((r) => r[k])
  const { rows: moved } = await sql.query<{ participantId: string; id: string }>(
    `update enrolments e set payer = $1, payer_ref = $2, start_month = a.start_month, programmes = string_to_array(a.programmes, '+'),
            declared_income_idr = a.declared, income_base_idr = a.base, wage_idr = a.wage, updated_at = $10
       from unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[])
         as a(participant_id, enrolment_id, start_month, programmes, declared, base, wage)
      where e.participant_id = a.participant_id and e.status = 'active' and (a.enrolment_id is null or e.id = a.enrolment_id)
      returning e.participant_id as "participantId", e.id`,
    [payer.payer, payer.payerRef, col('participantId'), col('enrolmentId'), col('startMonth'), rows.map((r) => r.programmes.join('+')),
      col('declaredIncomeIdr'), col('incomeBaseIdr'), col('wageIdr'), now],
  )
  return new Map(moved.map((m) => [m.participantId, m.id]))
}
