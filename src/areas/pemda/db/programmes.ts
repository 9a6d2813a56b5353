import type { Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'
import type { GroupCategory, ProgrammeGroup, ProgrammeSpec } from '../domain/programme.js'

export interface ProgrammeRecord extends Omit<ProgrammeSpec, 'groups'> {
  id: string
  sourceId: string
  createdAt: Date
  groups: ProgrammeGroup[]
}

const COLUMNS = `id, name, region_code as "regionCode", opd, legal_basis as "legalBasis", year, budget_idr as "budgetIdr", programmes,
  income_idr as "incomeIdr", start_month as "startMonth", end_month as "endMonth", source_id as "sourceId", created_at as "createdAt"`

export async function insertProgramme(sql: Sql, p: Omit<ProgrammeRecord, 'createdAt'>, now: Date): Promise<void> {
  await sql.query(
    `insert into pemda_programmes (id, name, region_code, opd, legal_basis, year, budget_idr, programmes, income_idr, start_month, end_month, source_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10, $11, $12, $13)`,
    [p.id, p.name, p.regionCode, p.opd, p.legalBasis, p.year, p.budgetIdr, p.programmes, p.incomeIdr, p.startMonth, p.endMonth, p.sourceId, now],
  )
  await sql.query(
    `insert into pemda_groups (programme_id, code, quota, category, income_idr, position)
     select $1, g.code, g.quota, g.category, g.income_idr, g.position
     from unnest($2::text[], $3::int[], $4::text[], $5::bigint[], $6::int[]) as g(code, quota, category, income_idr, position)`,
    [p.id, p.groups.map((g) => g.code), p.groups.map((g) => g.quota), p.groups.map((g) => g.category), p.groups.map((g) => g.incomeIdr), p.groups.map((_, i) => i)],
  )
}

async function withGroups(sql: Sql, rows: Omit<ProgrammeRecord, 'groups'>[]): Promise<ProgrammeRecord[]> {
  if (rows.length === 0) return []
  const { rows: groups } = await sql.query<ProgrammeGroup & { programmeId: string }>(
    `select programme_id as "programmeId", code, quota, category, income_idr as "incomeIdr" from pemda_groups
      where programme_id = any($1::uuid[]) order by programme_id, position`,
    [rows.map((r) => r.id)],
  )
  return rows.map((r) => ({
    ...r,
    groups: groups.filter((g) => g.programmeId === r.id).map(({ code, quota, category, incomeIdr }) => ({ code, quota, category: category as GroupCategory, incomeIdr })),
  }))
}

export async function findProgramme(sql: Sql, id: string, options: { lock?: boolean } = {}): Promise<ProgrammeRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const { rows } = await sql.query<Omit<ProgrammeRecord, 'groups'>>(`select ${COLUMNS} from pemda_programmes where id = $1${options.lock ? ' for update' : ''}`, [id])
  return (await withGroups(sql, rows))[0] ?? null
}

/** Programmes whose payer region is one of `regionCodes` ('all': every programme), newest year first. */
export async function listProgrammes(sql: Sql, filter: { regionCodes: 'all' | readonly string[]; year?: number }): Promise<ProgrammeRecord[]> {
  const { rows } = await sql.query<Omit<ProgrammeRecord, 'groups'>>(
    `select ${COLUMNS} from pemda_programmes
      where ($1::text[] is null or region_code = any($1::text[])) and ($2::int is null or year = $2)
      order by year desc, region_code, name, id`,
    [filter.regionCodes === 'all' ? null : [...filter.regionCodes], filter.year ?? null],
  )
  return withGroups(sql, rows)
}

export interface MemberRecord {
  participantId: string
  groupCode: string
  enrolmentId: string
  firstMonth: Month
  endMonth: Month | null
  endChoice: 'berhenti' | 'self' | null
}

const MEMBER_COLUMNS = `participant_id as "participantId", group_code as "groupCode", enrolment_id as "enrolmentId", first_month as "firstMonth",
  end_month as "endMonth", end_choice as "endChoice"`

/** Current members per group (a leaver no longer takes a place). */
export async function memberCounts(sql: Sql, programmeId: string): Promise<Map<string, number>> {
  const { rows } = await sql.query<{ groupCode: string; n: number }>(
    `select group_code as "groupCode", count(*)::int8 as n from pemda_members where programme_id = $1 and end_month is null group by group_code`,
    [programmeId],
  )
  return new Map(rows.map((r) => [r.groupCode, r.n]))
}

/** The groups these people already belong to in the programme. */
export async function groupsOfMembers(sql: Sql, programmeId: string, participantIds: readonly string[]): Promise<Map<string, string>> {
  if (participantIds.length === 0) return new Map()
  const { rows } = await sql.query<{ participantId: string; groupCode: string }>(
    `select participant_id as "participantId", group_code as "groupCode" from pemda_members where programme_id = $1 and participant_id = any($2::uuid[])`,
    [programmeId, [...participantIds]],
  )
  return new Map(rows.map((r) => [r.participantId, r.groupCode]))
}

export interface NewMember {
  participantId: string
  groupCode: string
  enrolmentId: string
  firstMonth: Month
}

export async function insertMembers(sql: Sql, programmeId: string, members: readonly NewMember[], importJobId: string | null, now: Date): Promise<number> {
  if (members.length === 0) return 0
  const { rowCount } = await sql.query(
    `insert into pemda_members (programme_id, participant_id, group_code, enrolment_id, first_month, import_job_id, created_at)
     select $1, m.participant_id, m.group_code, m.enrolment_id, m.first_month, $6, $7
     from unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[]) as m(participant_id, group_code, enrolment_id, first_month)
     on conflict do nothing`,
    [programmeId, members.map((m) => m.participantId), members.map((m) => m.groupCode), members.map((m) => m.enrolmentId), members.map((m) => m.firstMonth), importJobId, now],
  )
  return rowCount
}

/** Members billable in some month up to `month`: started by then and not ended before their first month. */
export async function listBillableMembers(sql: Sql, programmeId: string, month: Month): Promise<MemberRecord[]> {
  const { rows } = await sql.query<MemberRecord>(
    `select ${MEMBER_COLUMNS} from pemda_members
      where programme_id = $1 and first_month <= $2 and (end_month is null or end_month >= first_month)
      order by participant_id`,
    [programmeId, month],
  )
  return rows
}

export async function findMember(sql: Sql, programmeId: string, participantId: string): Promise<MemberRecord | null> {
  const { rows } = await sql.query<MemberRecord>(`select ${MEMBER_COLUMNS} from pemda_members where programme_id = $1 and participant_id = $2`, [programmeId, participantId])
  return rows[0] ?? null
}

export async function endMember(sql: Sql, programmeId: string, participantId: string, endMonth: Month, choice: 'berhenti' | 'self'): Promise<void> {
  await sql.query(`update pemda_members set end_month = $3, end_choice = $4 where programme_id = $1 and participant_id = $2`, [programmeId, participantId, endMonth, choice])
}

/** Members per group and status (contribution status mirrored on participants), for the portal and the OPD's worklist. */
export async function memberStatusCounts(sql: Sql, programmeId: string): Promise<Array<{ groupCode: string; status: string; n: number }>> {
  const { rows } = await sql.query<{ groupCode: string; status: string; n: number }>(
    `select m.group_code as "groupCode", p.status, count(*)::int8 as n
       from pemda_members m join participants p on p.id = m.participant_id
      where m.programme_id = $1 and m.end_month is null
      group by m.group_code, p.status order by 1, 2`,
    [programmeId],
  )
  return rows
}

export interface LapsingMember {
  participantId: string
  groupCode: string
  kpj: string
  name: string
  nik: string
  regencyCode: string
  status: string
  nextChangeOn: string | null
  nextStatus: string | null
  arrearsIdr: number
}

/** Members in arrears (menunggak), soonest lapse first: who the OPD must pay for before they become nonaktif. */
export async function lapsingMembers(sql: Sql, programmeId: string, limit = 500): Promise<LapsingMember[]> {
  const { rows } = await sql.query<LapsingMember>(
    `select m.participant_id as "participantId", m.group_code as "groupCode", p.kpj, p.name, p.nik, p.regency_code as "regencyCode", s.status,
            to_char(s.next_change_on, 'YYYY-MM-DD') as "nextChangeOn", s.next_status as "nextStatus", s.arrears_idr as "arrearsIdr"
       from pemda_members m join participants p on p.id = m.participant_id join contribution_states s on s.participant_id = m.participant_id
      where m.programme_id = $1 and m.end_month is null and s.status = 'menunggak'
      order by s.next_change_on nulls last, m.participant_id limit $2`,
    [programmeId, limit],
  )
  return rows
}

export interface MemberListRow {
  participantId: string
  groupCode: string
  nik: string
  kpj: string
  name: string
  regencyCode: string
  status: string
}

/** Members on an invoice, by group then name: the XLSX attachment and the portal's list. */
export async function invoiceMemberList(sql: Sql, invoiceId: string): Promise<Array<MemberListRow & { months: string[]; amountIdr: number }>> {
  const { rows } = await sql.query<MemberListRow & { months: string[]; amountIdr: number }>(
    `select i.participant_id as "participantId", min(i.group_code) as "groupCode", p.nik, p.kpj, p.name, p.regency_code as "regencyCode", p.status,
            array_agg(i.month order by i.month) as months, sum(i.amount_idr)::int8 as "amountIdr"
       from pemda_invoice_items i join participants p on p.id = i.participant_id
      where i.invoice_id = $1
      group by i.participant_id, p.nik, p.kpj, p.name, p.regency_code, p.status
      order by min(i.group_code), p.name, i.participant_id`,
    [invoiceId],
  )
  return rows
}

/** Members an import job admitted (a cohort enrolment's result, complete across resumed runs). */
export async function membersOfImport(sql: Sql, programmeId: string, importJobId: string): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(`select count(*)::int8 as n from pemda_members where programme_id = $1 and import_job_id = $2`, [programmeId, importJobId])
  return rows[0]?.n ?? 0
}

/** Members of a payer's programmes of a year, and how many of them are terlindungi (aktif or menunggak). */
export async function payerMembers(sql: Sql, regionCode: string, year: number): Promise<{ members: number; protected: number }> {
  const { rows } = await sql.query<{ members: number; protected: number }>(
    `select count(*)::int8 as members, count(*) filter (where p.status in ('aktif', 'menunggak'))::int8 as protected
       from pemda_members m join pemda_programmes g on g.id = m.programme_id join participants p on p.id = m.participant_id
      where g.region_code = $1 and g.year = $2 and m.end_month is null`,
    [regionCode, year],
  )
  return rows[0] ?? { members: 0, protected: 0 }
}

/** Current members per programme (the scorecard's quota comparison). */
export async function membersPerProgramme(sql: Sql, programmeIds: readonly string[]): Promise<Map<string, number>> {
  if (programmeIds.length === 0) return new Map()
  const { rows } = await sql.query<{ id: string; n: number }>(
    `select programme_id as id, count(*)::int8 as n from pemda_members where programme_id = any($1::uuid[]) and end_month is null group by 1`, [[...programmeIds]])
  return new Map(rows.map((r) => [r.id, r.n]))
}

/** A programme's current members, those in arrears and what they owe (the OPD's monthly note). */
export async function programmeArrears(sql: Sql, programmeId: string): Promise<{ members: number; inArrears: number; arrearsIdr: number }> {
  const { rows } = await sql.query<{ members: number; inArrears: number; arrearsIdr: number }>(
    `select count(*)::int8 as members, count(*) filter (where s.status = 'menunggak')::int8 as "inArrears",
            coalesce(sum(s.arrears_idr) filter (where s.status = 'menunggak'), 0)::int8 as "arrearsIdr"
       from pemda_members m left join contribution_states s on s.participant_id = m.participant_id
      where m.programme_id = $1 and m.end_month is null`,
    [programmeId],
  )
  return rows[0] ?? { members: 0, inArrears: 0, arrearsIdr: 0 }
}
