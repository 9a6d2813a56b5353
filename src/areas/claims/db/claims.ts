import type { LocalDate } from '../../../kernel/dates.js'
import type { Sql } from '../../../platform/db/sql.js'
import type { ClaimReportRow } from '../domain/report.js'
import type { ScheduledScholarship } from '../domain/scholarship-schedule.js'
import type { ClaimKind, ClaimProgramme, ClaimStatus, Eligibility } from '../domain/types.js'

export interface ClaimRecord {
  id: string
  participantId: string
  regionCode: string
  kind: ClaimKind
  programme: ClaimProgramme
  eventDate: LocalDate
  filedOn: LocalDate
  claimantName: string
  claimantNik: string | null
  claimantRelation: string
  details: Record<string, unknown>
  documents: Record<string, boolean>
  eligibility: Eligibility
  decision: Eligibility['decision']
  payNowIdr: number
  afterArrearsIdr: number
  serviceLevelDays: number | null
  status: ClaimStatus
  version: number
  rejectionReason: string | null
  paidOn: LocalDate | null
  paidIdr: number | null
  withheldIdr: number | null
  createdAt: Date
  updatedAt: Date
}

export type NewClaim = Omit<ClaimRecord, 'status' | 'version' | 'rejectionReason' | 'paidOn' | 'paidIdr' | 'withheldIdr' | 'updatedAt'> & { createdBy: string | null }

const COLUMNS = `id, participant_id as "participantId", region_code as "regionCode", kind, programme,
  to_char(event_date, 'YYYY-MM-DD') as "eventDate", to_char(filed_on, 'YYYY-MM-DD') as "filedOn", claimant_name as "claimantName",
  claimant_nik as "claimantNik", claimant_relation as "claimantRelation", details, documents, eligibility, decision,
  pay_now_idr as "payNowIdr", after_arrears_idr as "afterArrearsIdr", service_level_days as "serviceLevelDays", status, version,
  rejection_reason as "rejectionReason", to_char(paid_on, 'YYYY-MM-DD') as "paidOn", paid_idr as "paidIdr", withheld_idr as "withheldIdr",
  created_at as "createdAt", updated_at as "updatedAt"`

export async function insertClaim(sql: Sql, c: NewClaim): Promise<ClaimRecord> {
  const { rows } = await sql.query<ClaimRecord>(
    `insert into claims (id, participant_id, region_code, kind, programme, event_date, filed_on, claimant_name, claimant_nik, claimant_relation,
       details, documents, eligibility, decision, pay_now_idr, after_arrears_idr, service_level_days, status, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'submitted', $18, $19, $19)
     returning ${COLUMNS}`,
    [c.id, c.participantId, c.regionCode, c.kind, c.programme, c.eventDate, c.filedOn, c.claimantName, c.claimantNik, c.claimantRelation,
      JSON.stringify(c.details), JSON.stringify(c.documents), JSON.stringify(c.eligibility), c.decision, c.payNowIdr, c.afterArrearsIdr,
      c.serviceLevelDays, c.createdBy, c.createdAt],
  )
  return rows[0]!
}

export async function findClaim(sql: Sql, id: string, options: { lock?: boolean } = {}): Promise<ClaimRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const { rows } = await sql.query<ClaimRecord>(`select ${COLUMNS} from claims where id = $1${options.lock ? ' for update' : ''}`, [id])
  return rows[0] ?? null
}

export interface ClaimFilter {
  regionCodes: 'all' | readonly string[]
  status?: ClaimStatus | undefined
  kind?: ClaimKind | undefined
  participantId?: string | undefined
  limit?: number | undefined
}

/** Newest first; the region filter is the caller's data scope (a kecamatan-free regency code list). */
export async function listClaims(sql: Sql, f: ClaimFilter): Promise<ClaimRecord[]> {
  const where: string[] = []
  const params: unknown[] = []
  const add = (clause: string, value: unknown) => { params.push(value); where.push(clause.replace('?', `$${params.length}`)) }
  if (f.regionCodes !== 'all') add('region_code = any(?)', [...f.regionCodes])
  if (f.status) add('status = ?', f.status)
  if (f.kind) add('kind = ?', f.kind)
  if (f.participantId) add('participant_id = ?', f.participantId)
  params.push(Math.min(f.limit ?? 100, 500))
  const { rows } = await sql.query<ClaimRecord>(
    `select ${COLUMNS} from claims ${where.length ? `where ${where.join(' and ')}` : ''} order by filed_on desc, created_at desc limit $${params.length}`, params)
  return rows
}

export interface ClaimUpdate {
  status: ClaimStatus
  documents?: Record<string, boolean>
  rejectionReason?: string | null
  paidOn?: LocalDate | null
  paidIdr?: number | null
  withheldIdr?: number | null
}

/** Moves a claim only when its version is still the one the clerk saw; null when someone else moved it first. */
export async function updateClaim(sql: Sql, id: string, version: number, u: ClaimUpdate, now: Date): Promise<ClaimRecord | null> {
  const { rows } = await sql.query<ClaimRecord>(
    `update claims set status = $3, documents = coalesce($4::jsonb, documents), rejection_reason = coalesce($5, rejection_reason),
       paid_on = coalesce($6::date, paid_on), paid_idr = coalesce($7, paid_idr), withheld_idr = coalesce($8, withheld_idr),
       version = version + 1, updated_at = $9
     where id = $1 and version = $2 returning ${COLUMNS}`,
    [id, version, u.status, u.documents ? JSON.stringify(u.documents) : null, u.rejectionReason ?? null, u.paidOn ?? null, u.paidIdr ?? null, u.withheldIdr ?? null, now],
  )
  return rows[0] ?? null
}

export interface ClaimStep {
  id: string
  action: string
  fromStatus: ClaimStatus | null
  toStatus: ClaimStatus
  reason: string | null
  actorId: string | null
  requestId: string | null
  occurredOn: LocalDate
  occurredAt: Date
}

export async function insertClaimStep(sql: Sql, claimId: string, s: ClaimStep): Promise<void> {
  await sql.query(
    `insert into claim_steps (id, claim_id, action, from_status, to_status, reason, actor_id, request_id, occurred_on, occurred_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [s.id, claimId, s.action, s.fromStatus, s.toStatus, s.reason, s.actorId, s.requestId, s.occurredOn, s.occurredAt],
  )
}

export async function listClaimSteps(sql: Sql, claimId: string): Promise<ClaimStep[]> {
  const { rows } = await sql.query<ClaimStep>(
    `select id, action, from_status as "fromStatus", to_status as "toStatus", reason, actor_id as "actorId", request_id as "requestId",
       to_char(occurred_on, 'YYYY-MM-DD') as "occurredOn", occurred_at as "occurredAt"
       from claim_steps where claim_id = $1 order by occurred_at, id`,
    [claimId],
  )
  return rows
}

export interface StoredScholarship extends ScheduledScholarship {
  status: 'scheduled' | 'paid' | 'ended'
  paidOn: LocalDate | null
  endReason: string | null
}

const SCHOLARSHIP_COLUMNS = `child, school_year as "schoolYear", level, amount_idr as "amountIdr", status, to_char(paid_on, 'YYYY-MM-DD') as "paidOn",
  end_reason as "endReason"`

export async function insertScholarships(sql: Sql, claimId: string, rows: readonly ScheduledScholarship[]): Promise<void> {
  for (const r of rows) {
    await sql.query(
      `insert into claim_scholarships (claim_id, child, school_year, level, amount_idr, status) values ($1, $2, $3, $4, $5, 'scheduled')
       on conflict do nothing`,
      [claimId, r.child, r.schoolYear, r.level, r.amountIdr],
    )
  }
}

/** Marks paid the claim's scheduled scholarship years up to `throughSchoolYear` (the current one); returns the rows paid. */
export async function payScholarships(sql: Sql, claimId: string, throughSchoolYear: string, paidOn: LocalDate): Promise<StoredScholarship[]> {
  const { rows } = await sql.query<StoredScholarship>(
    `update claim_scholarships set status = 'paid', paid_on = $3 where claim_id = $1 and school_year <= $2 and status = 'scheduled'
     returning ${SCHOLARSHIP_COLUMNS}`,
    [claimId, throughSchoolYear, paidOn],
  )
  return rows.map(numeric).sort((a, b) => a.schoolYear.localeCompare(b.schoolYear) || a.child - b.child)
}

/** One scheduled year paid, at the level (and amount) of that year's school certificate. */
export async function payScholarshipYear(
  sql: Sql, claimId: string, year: { child: number; schoolYear: string; level: string; amountIdr: number }, paidOn: LocalDate,
): Promise<StoredScholarship | null> {
  const { rows } = await sql.query<StoredScholarship>(
    `update claim_scholarships set status = 'paid', paid_on = $5, level = $4, amount_idr = $6
      where claim_id = $1 and child = $2 and school_year = $3 and status = 'scheduled' returning ${SCHOLARSHIP_COLUMNS}`,
    [claimId, year.child, year.schoolYear, year.level, paidOn, year.amountIdr],
  )
  return rows[0] ? numeric(rows[0]) : null
}

/** A scheduled year ended: the child is no longer eligible (no later year is scheduled). */
export async function endScholarshipYear(sql: Sql, claimId: string, year: { child: number; schoolYear: string }, reason: string): Promise<StoredScholarship | null> {
  const { rows } = await sql.query<StoredScholarship>(
    `update claim_scholarships set status = 'ended', end_reason = $4 where claim_id = $1 and child = $2 and school_year = $3 and status = 'scheduled'
     returning ${SCHOLARSHIP_COLUMNS}`,
    [claimId, year.child, year.schoolYear, reason],
  )
  return rows[0] ? numeric(rows[0]) : null
}

export async function listScholarships(sql: Sql, claimId: string): Promise<StoredScholarship[]> {
  const { rows } = await sql.query<StoredScholarship>(
    `select ${SCHOLARSHIP_COLUMNS} from claim_scholarships where claim_id = $1 order by school_year, child`,
    [claimId],
  )
  return rows.map(numeric)
}

function numeric(r: StoredScholarship): StoredScholarship {
  return { ...r, amountIdr: Number(r.amountIdr) }
}

/** Rows of the claims report: claims filed in [from, to] in the caller's regions (aggregated in the pure report). */
export async function claimReportRows(sql: Sql, from: LocalDate, to: LocalDate, regionCodes: 'all' | readonly string[]): Promise<ClaimReportRow[]> {
  const params: unknown[] = [from, to]
  if (regionCodes !== 'all') params.push([...regionCodes])
  const { rows } = await sql.query<ClaimReportRow>(
    `select programme, region_code as "regionCode", to_char(event_date, 'YYYY-MM-DD') as "eventDate", to_char(filed_on, 'YYYY-MM-DD') as "filedOn",
       status, to_char(paid_on, 'YYYY-MM-DD') as "paidOn", paid_idr as "paidIdr", service_level_days as "serviceLevelDays"
       from claims where filed_on between $1 and $2${regionCodes === 'all' ? '' : ' and region_code = any($3)'}`,
    params,
  )
  return rows
}
