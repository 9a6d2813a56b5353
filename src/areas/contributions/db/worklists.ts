import type { Sql } from '../../../platform/db/sql.js'

/**
 * Worklist rows: participants in one status (participants.status, mirrored from contribution_states), optionally with
 * their next change date in a window, inside a data scope, keyset-paginated on (sort date, participant id). Each row
 * carries what the list shows and what the flow needs to price "pay now" (the open dues up to a date, the enrolment).
 * The page is at most `limit` rows, so the per-row lateral reads (dues by participant, enrolments by participant)
 * stay index probes. A row whose stored next change date is on or before the as-of date has already changed
 * status (the daily job has not re-evaluated it yet) and is left out rather than shown in the wrong list.
 */
export interface WorklistFilter {
  status: 'aktif' | 'menunggak' | 'terdaftar' | 'nonaktif'
  /** Sort and page by the next change date (due-soon, arrears, lapsing) or by the status date (never-paid, lapsed). */
  sortBy: 'next_change' | 'status_since'
  /** Only rows whose next change date is in [from, to] (and, with nextStatus, goes to that status). */
  nextChange?: { from: string; to: string; nextStatus?: string }
  /** Open dues with a due date up to this date are summed into openIdr / openMonths. */
  openDuesUpTo: string
  regionCodes: 'all' | readonly string[]
  sourceIds: 'all' | readonly string[]
  regencyCode?: string
  after?: { date: string; id: string }
  limit: number
}

export interface WorklistRecord {
  participantId: string
  kpj: string
  name: string
  phone: string | null
  regencyCode: string
  sourceId: string
  status: string
  statusSince: string
  paidThrough: string | null
  arrearsIdr: number
  nextChangeOn: string | null
  nextStatus: string | null
  sortDate: string
  openMonths: number
  openIdr: number
  overdueMonths: number
  overdueIdr: number
  enrolment: { segment: string; programmes: string[]; incomeIdr: number | null; sector: string | null; payer: string } | null
}

/**
 * Per sort, the columns that make a page one index range at 3 M people (EXPLAIN in docs/billing-and-payments.md):
 * next-change lists read contribution_states_worklist_idx (regency, status, next change, id), status-date lists
 * participants_regency_status_since_idx (regency, status, status date, id). Regency codes are always `PP.RR`.
 */
const SORT = {
  next_change: { date: "coalesce(cs.next_change_on, '9999-12-31'::date)", id: 'cs.participant_id', regency: 'cs.regency_code', status: 'cs.status' },
  status_since: { date: 'p.status_since', id: 'p.id', regency: 'p.regency_code', status: 'p.status' },
} as const

export async function listWorklist(sql: Sql, f: WorklistFilter, asOf: string): Promise<WorklistRecord[]> {
  const sort = SORT[f.sortBy]
  const { rows } = await sql.query<Omit<WorklistRecord, 'enrolment'> & { segment: string | null; programmes: string[] | null; incomeIdr: number | null; sector: string | null; payer: string | null }>(
    `select p.id as "participantId", p.kpj, p.name, p.phone, p.regency_code as "regencyCode", p.source_id as "sourceId", p.status,
            to_char(p.status_since, 'YYYY-MM-DD') as "statusSince", cs.paid_through as "paidThrough", coalesce(cs.arrears_idr, 0) as "arrearsIdr",
            to_char(cs.next_change_on, 'YYYY-MM-DD') as "nextChangeOn", cs.next_status as "nextStatus",
            to_char(${sort.date}, 'YYYY-MM-DD') as "sortDate",
            o.open_months as "openMonths", o.open_idr as "openIdr", o.overdue_months as "overdueMonths", o.overdue_idr as "overdueIdr",
            e.segment, e.programmes, coalesce(e.declared_income_idr, e.income_base_idr) as "incomeIdr", e.sector, e.payer
     from participants p
     ${f.sortBy === 'next_change' ? 'join' : 'left join'} contribution_states cs on cs.participant_id = p.id
     left join lateral (
       select count(distinct d.month)::int as open_months, coalesce(sum(d.amount_idr), 0)::bigint as open_idr,
              count(distinct d.month) filter (where d.due_date < $2::date)::int as overdue_months,
              coalesce(sum(d.amount_idr) filter (where d.due_date < $2::date), 0)::bigint as overdue_idr
       from dues d
       where d.participant_id = p.id and d.due_date <= $3::date and d.month > coalesce(cs.paid_through, '0000-00')
         and not exists (select 1 from payment_allocations a where a.due_id = d.id)
     ) o on true
     left join lateral (
       select segment, programmes, declared_income_idr, income_base_idr, sector, payer from enrolments
       where participant_id = p.id and status = 'active' order by created_at desc limit 1
     ) e on true
     where p.status = $1 and ${sort.status} = $1
       -- a state whose change date has come is stale until the daily job moves it: not in this list any more
       and coalesce(cs.next_change_on, '9999-12-31'::date) > $2::date
       and ($4::date is null or coalesce(cs.next_change_on, '9999-12-31'::date) between $4::date and $5::date)
       and ($6::text is null or cs.next_status = $6)
       and ($7::text[] is null or ${sort.regency} = any($7))
       and ($8::uuid[] is null or p.source_id = any($8))
       and ($9::text is null or ${sort.regency} = $9)
       and ($10::date is null or (${sort.date}, ${sort.id}) > ($10::date, $11::uuid))
     order by ${sort.date}, ${sort.id}
     limit $12`,
    [
      f.status, asOf, f.openDuesUpTo, f.nextChange?.from ?? null, f.nextChange?.to ?? null, f.nextChange?.nextStatus ?? null,
      f.regionCodes === 'all' ? null : [...f.regionCodes], f.sourceIds === 'all' ? null : [...f.sourceIds], f.regencyCode ?? null,
      f.after?.date ?? null, f.after?.id ?? null, f.limit,
    ],
  )
  return rows.map(({ segment, programmes, incomeIdr, sector, payer, ...r }) => ({
    ...r,
    enrolment: segment === null ? null : { segment, programmes: programmes ?? [], incomeIdr, sector, payer: payer ?? 'self' },
  }))
}
