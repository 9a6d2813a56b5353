import type { Sql } from '../../../platform/db/sql.js'
import type { Reconciliation } from '../domain/reconciliation.js'

/** One reconciliation run of a partner's settlement file for a WIB day, as stored. */
export interface StoredReconciliation extends Reconciliation {
  id: string
  partnerId: string
  date: string
  fileSha256: string
  /** The rows of the partner's file. */
  rows: number
  actorId: string | null
  reconciledAt: Date
}

export async function insertReconciliation(sql: Sql, r: StoredReconciliation): Promise<void> {
  const differences = { onlyAtPartner: r.onlyAtPartner, onlyAtSemesta: r.onlyAtSemesta, amountDiffers: r.amountDiffers }
  await sql.query(
    `insert into channel_reconciliations (id, partner_id, wib_date, file_sha256, rows, matched, differences, actor_id, reconciled_at)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
    [r.id, r.partnerId, r.date, r.fileSha256, r.rows, r.matched, JSON.stringify(differences), r.actorId, r.reconciledAt],
  )
}

/** A partner's reconciliations of one WIB day, newest first. */
export async function reconciliationsOfDay(sql: Sql, partnerId: string, wibDate: string): Promise<StoredReconciliation[]> {
  const { rows } = await sql.query<Omit<StoredReconciliation, keyof Reconciliation> & { matched: number; differences: Omit<Reconciliation, 'matched'> }>(
    `select id, partner_id as "partnerId", to_char(wib_date, 'YYYY-MM-DD') as date, file_sha256 as "fileSha256", rows, matched, differences,
            actor_id as "actorId", reconciled_at as "reconciledAt"
       from channel_reconciliations where partner_id = $1 and wib_date = $2 order by reconciled_at desc, id desc`,
    [partnerId, wibDate],
  )
  return rows.map(({ differences, ...r }) => ({ ...r, ...differences }))
}
