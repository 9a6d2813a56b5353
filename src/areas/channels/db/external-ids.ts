import type { Sql } from '../../../platform/db/sql.js'

/** Claims an X-EXTERNAL-ID for the partner's WIB day; false when it was used that day already (→ `409xx00`). */
export async function claimExternalId(sql: Sql, claim: { partnerId: string; wibDate: string; externalId: string; service: string; at: Date }): Promise<boolean> {
  const { rowCount } = await sql.query(
    `insert into channel_external_ids (partner_id, wib_date, external_id, service, created_at) values ($1, $2, $3, $4, $5)
     on conflict do nothing`,
    [claim.partnerId, claim.wibDate, claim.externalId, claim.service, claim.at],
  )
  return rowCount === 1
}
