import type { Sql } from '../../../platform/db/sql.js'
import type { PartnerCode } from '../domain/partner.js'
import type { SignatureEncoding } from '../domain/signature.js'

export interface PartnerRecord {
  id: string
  name: string
  code: PartnerCode
  partnerServiceId: string
  clientKey: string
  secretSealed: string
  publicKeyPem: string
  signatureEncoding: SignatureEncoding
  feeIdr: number
  sourceId: string
  createdAt: Date
}

const COLUMNS = `id, name, code, partner_service_id as "partnerServiceId", client_key as "clientKey", secret_sealed as "secretSealed",
  public_key_pem as "publicKeyPem", signature_encoding as "signatureEncoding", fee_idr as "feeIdr", source_id as "sourceId", created_at as "createdAt"`

export async function nextPartnerSerial(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ serial: number }>(`select nextval('channel_partner_serial') as serial`)
  return rows[0]!.serial
}

export async function insertPartner(sql: Sql, p: PartnerRecord): Promise<void> {
  await sql.query(
    `insert into channel_partners (id, name, code, partner_service_id, client_key, secret_sealed, public_key_pem, signature_encoding, fee_idr, source_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [p.id, p.name, p.code, p.partnerServiceId, p.clientKey, p.secretSealed, p.publicKeyPem, p.signatureEncoding, p.feeIdr, p.sourceId, p.createdAt],
  )
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function findPartnerById(sql: Sql, id: string): Promise<PartnerRecord | null> {
  if (!UUID.test(id)) return null
  const { rows } = await sql.query<PartnerRecord>(`select ${COLUMNS} from channel_partners where id = $1`, [id])
  return rows[0] ?? null
}

export async function findPartnerByClientKey(sql: Sql, clientKey: string): Promise<PartnerRecord | null> {
  const { rows } = await sql.query<PartnerRecord>(`select ${COLUMNS} from channel_partners where client_key = $1`, [clientKey])
  return rows[0] ?? null
}

/** What staff see of a partner: never its keys, secret or public key. */
export interface PartnerSummary {
  id: string
  name: string
  code: PartnerCode
  partnerServiceId: string
  feeIdr: number
  sourceId: string
  createdAt: Date
}

export async function listPartners(sql: Sql): Promise<PartnerSummary[]> {
  const { rows } = await sql.query<PartnerSummary>(
    `select id, name, code, partner_service_id as "partnerServiceId", fee_idr as "feeIdr", source_id as "sourceId", created_at as "createdAt"
     from channel_partners order by name, id`,
  )
  return rows.map((r) => ({ ...r, feeIdr: Number(r.feeIdr) }))
}
