import type { Sql } from '../../../platform/db/sql.js'

export type ChannelRegistrationOutcome = 'registered' | 'already_registered' | 'identity_conflict'

/** A registration at a partner's counter (service 90) as handled: not money, so never in the settlement report. */
export interface ChannelRegistration {
  id: string
  partnerId: string
  partnerReferenceNo: string
  externalId: string
  outcome: ChannelRegistrationOutcome
  participantId: string | null
  kpj: string | null
  wibDate: string
  occurredAt: Date
}

/** Once per (partner, partnerReferenceNo), in the registration's idempotent transaction. */
export async function insertChannelRegistration(sql: Sql, r: ChannelRegistration): Promise<void> {
  await sql.query(
    `insert into channel_registrations (id, partner_id, partner_reference_no, external_id, outcome, participant_id, kpj, wib_date, occurred_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (partner_id, partner_reference_no) do nothing`,
    [r.id, r.partnerId, r.partnerReferenceNo, r.externalId, r.outcome, r.participantId, r.kpj, r.wibDate, r.occurredAt],
  )
}

/** A partner's counter registrations of one WIB day, in time order. */
export async function channelRegistrationsOfDay(sql: Sql, partnerId: string, wibDate: string): Promise<ChannelRegistration[]> {
  const { rows } = await sql.query<ChannelRegistration>(
    `select id, partner_id as "partnerId", partner_reference_no as "partnerReferenceNo", external_id as "externalId", outcome,
            participant_id as "participantId", kpj, to_char(wib_date, 'YYYY-MM-DD') as "wibDate", occurred_at as "occurredAt"
       from channel_registrations where partner_id = $1 and wib_date = $2 order by occurred_at, id`,
    [partnerId, wibDate],
  )
  return rows
}
