import { randomUUID } from 'node:crypto'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import { formatPartnerServiceId, insertPartner, newSecret, nextPartnerSerial, readRsaPublicKey, seal, validatePartner, type SignatureEncoding } from '../areas/channels/index.js'
import { insertSource } from '../areas/participants/index.js'
import { auditActor } from './participant-guard.js'
import type { IdSource } from './register-participant.js'

export interface AddChannelPartnerCommand {
  name: string
  code: string
  publicKeyPem: string
  feeIdr?: number | undefined
  signatureEncoding?: string | undefined
  actor: Actor | null
  requestId: string | null
}

/** What the partner's developer receives once: the client secret is shown here and never again (it is stored sealed). */
export interface AddedChannelPartner {
  partnerId: string
  partnerServiceId: string
  clientKey: string
  clientSecret: string
  signatureEncoding: SignatureEncoding
  feeIdr: number
  sourceId: string
}

/**
 * Onboards a channel partner (issue 6 item 1): a registry source of kind `channel` and the partner with its
 * partnerServiceId, client key, sealed client secret, RSA public key (for the token call), signature encoding and fee.
 */
export async function addChannelPartner(sql: Sql, cmd: AddChannelPartnerCommand, secretKey: Buffer, now: Date, ids: IdSource): Promise<AddedChannelPartner> {
  const valid = validatePartner({ name: cmd.name, code: cmd.code, feeIdr: cmd.feeIdr, signatureEncoding: cmd.signatureEncoding })
  if (!readRsaPublicKey(cmd.publicKeyPem)) throw new DomainError('invalid_input', 'Kunci publik harus kunci RSA (PEM) paling sedikit 2048 bit.', { field: 'publicKey' })
  const clientSecret = newSecret()
  return sql.transaction(async (tx) => {
    const partnerId = ids.newId()
    const source = await insertSource(tx, { id: ids.newId(), kind: 'channel', name: valid.name, refId: partnerId, createdAt: now })
    const partnerServiceId = formatPartnerServiceId(await nextPartnerSerial(tx))
    const clientKey = `${valid.code.toLowerCase()}-${randomUUID()}`
    await insertPartner(tx, {
      id: partnerId, name: valid.name, code: valid.code, partnerServiceId, clientKey, secretSealed: seal(secretKey, clientSecret), publicKeyPem: cmd.publicKeyPem.trim(),
      signatureEncoding: valid.signatureEncoding, feeIdr: valid.feeIdr, sourceId: source.id, createdAt: now,
    })
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: 'channel.partner_add', subjectType: 'channel_partner', subjectId: partnerId, requestId: cmd.requestId,
      details: { code: valid.code, sourceId: source.id, feeIdr: valid.feeIdr },
    })
    return { partnerId, partnerServiceId, clientKey, clientSecret, signatureEncoding: valid.signatureEncoding, feeIdr: valid.feeIdr, sourceId: source.id }
  })
}
