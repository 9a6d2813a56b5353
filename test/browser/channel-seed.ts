import { generateKeyPairSync } from 'node:crypto'
import { secretKeyFrom } from '../../src/areas/channels/index.js'
import { addChannelPartner } from '../../src/flows/add-channel-partner.js'
import type { Config } from '../../src/platform/config.js'
import type { Sql } from '../../src/platform/db/sql.js'
import { newId } from '../../src/platform/ids.js'
import { SnapClient } from '../../tools/snap-client.js'

export const JOURNEY_PARTNER_NAME = 'Kantor Pos Denpasar (uji)'

/**
 * A channel partner and one payment today through the SNAP routes of the running server (as a partner pays), so the
 * channels page has a partner and a transaction. Returns the receipt number.
 */
export async function seedChannelDay(sql: Sql, config: Config, baseUrl: string): Promise<string> {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
  const partner = await addChannelPartner(
    sql, { name: JOURNEY_PARTNER_NAME, code: 'POS', publicKeyPem: keys.publicKey, feeIdr: 2500, actor: null, requestId: null },
    secretKeyFrom(config), new Date(), { newId: () => newId() },
  )
  const client = new SnapClient({
    baseUrl, partnerId: partner.partnerId, clientKey: partner.clientKey, clientSecret: partner.clientSecret, privateKeyPem: keys.privateKey,
    partnerServiceId: partner.partnerServiceId, signatureEncoding: partner.signatureEncoding,
  })
  await client.token()
  const { rows } = await sql.query<{ kpj: string }>(
    `select p.kpj from participants p join enrolments e on e.participant_id = p.id where e.segment = 'bpu' and e.payer = 'self' and p.kpj is not null order by p.id desc limit 20`)
  for (const [i, row] of rows.entries()) {
    const inquiry = await client.inquiry({ customerNo: row.kpj, inquiryRequestId: `JOURNEY-INQ-${i}` })
    if (inquiry.body.responseCode !== '2002400') continue
    const paid = await client.payFromInquiry(inquiry.body)
    if (paid.body.responseCode === '2002500') return String((paid.body.virtualAccountData?.additionalInfo as { receiptNo?: string } | undefined)?.receiptNo ?? '')
  }
  throw new Error('no demo worker could pay through the channel partner')
}
