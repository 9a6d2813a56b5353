import type { LocalDate } from '../../../kernel/dates.js'
import type { Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'
import { dueIdOf } from './dues.js'

export interface ProtectionPeriodRecord {
  id: string
  participantId: string
  enrolmentId: string
  segment: 'pmi' | 'jakon'
  from: LocalDate
  to: LocalDate
  via: string | null
  contractMonths: number | null
  extraMonths: number | null
  contractValueIdr: number | null
  project: string | null
  amountIdr: number
}

/** One line of a protection period's quote, stored as a due (month = the period's first month). */
export interface ProtectionDueLine {
  programme: string
  payer: string
  amountIdr: number
}

const COLUMNS = `id, participant_id as "participantId", enrolment_id as "enrolmentId", segment, to_char(from_date, 'YYYY-MM-DD') as "from",
  to_char(to_date, 'YYYY-MM-DD') as "to", via, contract_months as "contractMonths", extra_months as "extraMonths",
  contract_value_idr as "contractValueIdr", project, amount_idr as "amountIdr"`

export async function listProtectionPeriods(sql: Sql, participantId: string): Promise<ProtectionPeriodRecord[]> {
  const { rows } = await sql.query<ProtectionPeriodRecord>(`select ${COLUMNS} from protection_periods where participant_id = $1 order by from_date`, [participantId])
  return rows
}

/**
 * Stores the period and its dues (due date = the first day covered: the package is paid at once, before cover starts).
 * A period starting in a month that already has one for the enrolment is refused by the dues' natural key; the
 * caller checks overlaps first. Returns the due ids in line order.
 */
export async function insertProtectionPeriod(sql: Sql, p: ProtectionPeriodRecord, lines: readonly ProtectionDueLine[], payerRef: string | null, now: Date): Promise<string[]> {
  await sql.query(
    `insert into protection_periods (participant_id, id, enrolment_id, segment, from_date, to_date, via, contract_months, extra_months, contract_value_idr, project, amount_idr, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [p.participantId, p.id, p.enrolmentId, p.segment, p.from, p.to, p.via, p.contractMonths, p.extraMonths, p.contractValueIdr, p.project, p.amountIdr, now],
  )
  const month: Month = p.from.slice(0, 7)
  const ids = lines.map((l) => dueIdOf(p.enrolmentId, month, l.programme, l.payer))
  await sql.query(
    `insert into dues (id, participant_id, enrolment_id, month, programme, payer, payer_ref, amount_idr, due_date, period_to, origin, created_at)
     select i.id, $2, $3, $4, i.programme, i.payer, $5, i.amount_idr, $6, $7, 'billing', $8
     from unnest($1::uuid[], $9::text[], $10::text[], $11::bigint[]) as i(id, programme, payer, amount_idr)`,
    [ids, p.participantId, p.enrolmentId, month, payerRef, p.from, p.to, now, lines.map((l) => l.programme), lines.map((l) => l.payer), lines.map((l) => l.amountIdr)],
  )
  return ids
}
