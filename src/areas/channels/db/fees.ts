import type { Sql } from '../../../platform/db/sql.js'

export interface DayFees {
  payments: number
  grossIdr: number
  feeIdr: number
  /** What the partner settles to BPJS: the gross less its fee (channel-api.md §11; the fee is never billed to the worker). */
  netIdr: number
}

/** The partner's payments of a WIB day that stand (not reversed): count, gross, fees and the net it settles. */
export async function feesOfDay(sql: Sql, partnerId: string, wibDate: string): Promise<DayFees> {
  const { rows } = await sql.query<{ payments: number; gross: number; fee: number }>(
    `select count(*)::int8 as payments, coalesce(sum(amount_idr), 0)::int8 as gross, coalesce(sum(fee_idr), 0)::int8 as fee
     from channel_transactions where partner_id = $1 and wib_date = $2 and kind = 'payment' and reversed_by is null`,
    [partnerId, wibDate],
  )
  const r = rows[0] ?? { payments: 0, gross: 0, fee: 0 }
  return { payments: r.payments, grossIdr: r.gross, feeIdr: r.fee, netIdr: r.gross - r.fee }
}
