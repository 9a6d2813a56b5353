import type { KeyObject } from 'node:crypto'
import type { Sql } from '../../platform/db/sql.js'
import { SnapRefusal } from './domain/codes.js'
import { parseSnapTimestamp, wibDate, withinSkew, DEFAULT_SKEW_MS } from './domain/time.js'
import { findPartnerByClientKey, findPartnerById, type PartnerRecord } from './db/partners.js'
import { findAccessToken, insertAccessToken } from './db/tokens.js'
import { hmacVerify, readRsaPublicKey, rsaVerifyToken, transactionString } from './signing/signatures.js'
import { newSecret, open, tokenHash } from './signing/secrets.js'

/** A partner as the gate keeps it: the record, its client secret opened, its RSA key read. */
export interface Partner extends Omit<PartnerRecord, 'secretSealed'> {
  clientSecret: string
  publicKey: KeyObject | null
}

/** A request the gate let through: whose it is, its X-EXTERNAL-ID and CHANNEL-ID, and its WIB day. */
export interface VerifiedCall {
  partner: Partner
  externalId: string
  channelId: string
  wibDate: string
}

export interface SignedRequest {
  method: string
  /** As received (path and query): what the partner signed. */
  url: string
  headers: Record<string, string | string[] | undefined>
  rawBody: Buffer
}

export interface GateOptions {
  /** The key that opens sealed client secrets (a function: read on first use, so a server never calling a partner needs none). */
  secretKey: Buffer | (() => Buffer)
  skewMs?: number
  /** 900 s (channel-api.md §2). */
  tokenTtlSeconds?: number
  /** How long a partner record is kept in memory (a new partner is found at once; a changed one within this). */
  partnerTtlMs?: number
}

export const TOKEN_TTL_SECONDS = 900
const MAX_CACHED = 10_000
const EXTERNAL_ID = /^[A-Za-z0-9._:-]{1,36}$/

function header(headers: SignedRequest['headers'], name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * Who may call the SNAP API: the access-token call (RSA over `clientKey|X-TIMESTAMP`) and the checks of every
 * transaction call (channel-api.md §3, §4): headers present, X-TIMESTAMP within the window, X-PARTNER-ID known,
 * the Bearer token the partner's and not expired, the HMAC-SHA512 over the exact raw body and path. Partners and
 * tokens are kept in memory (bounded) so a signed call costs no query once its token is known.
 */
export class ChannelGate {
  private readonly partners = new Map<string, { partner: Partner; until: number }>()
  private readonly tokens = new Map<string, { partnerId: string; expiresAt: number }>()
  private readonly skewMs: number
  private readonly ttlSeconds: number
  private readonly partnerTtlMs: number

  constructor(private readonly sql: Sql, private readonly options: GateOptions) {
    this.skewMs = options.skewMs ?? DEFAULT_SKEW_MS
    this.ttlSeconds = options.tokenTtlSeconds ?? TOKEN_TTL_SECONDS
    this.partnerTtlMs = options.partnerTtlMs ?? 60_000
  }

  private key: Buffer | undefined

  private opened(record: PartnerRecord): Partner {
    const { secretSealed, ...rest } = record
    this.key ??= typeof this.options.secretKey === 'function' ? this.options.secretKey() : this.options.secretKey
    return { ...rest, clientSecret: open(this.key, secretSealed), publicKey: readRsaPublicKey(record.publicKeyPem) }
  }

  async partner(id: string, now: Date): Promise<Partner | null> {
    const cached = this.partners.get(id)
    if (cached && cached.until > now.getTime()) return cached.partner
    const record = await findPartnerById(this.sql, id)
    if (!record) return null
    const partner = this.opened(record)
    if (this.partners.size >= MAX_CACHED) this.partners.clear()
    this.partners.set(id, { partner, until: now.getTime() + this.partnerTtlMs })
    return partner
  }

  private timestamp(text: string | undefined, now: Date): string {
    if (!text) throw new SnapRefusal('invalidMandatoryField', 'X-TIMESTAMP')
    const at = parseSnapTimestamp(text)
    if (!at) throw new SnapRefusal('invalidFieldFormat', 'X-TIMESTAMP')
    if (!withinSkew(at, now, this.skewMs)) throw new SnapRefusal('unauthorized', 'X-TIMESTAMP outside the allowed window')
    return text
  }

  /** `POST /snap/v1.0/access-token/b2b`: a new 900 s token for a partner whose RSA signature verifies. */
  async issueToken(request: { headers: SignedRequest['headers']; body: unknown }, now: Date): Promise<{ accessToken: string; expiresIn: number; partnerId: string }> {
    const clientKey = header(request.headers, 'x-client-key')
    const signature = header(request.headers, 'x-signature')
    const timestamp = this.timestamp(header(request.headers, 'x-timestamp'), now)
    if (!clientKey) throw new SnapRefusal('invalidMandatoryField', 'X-CLIENT-KEY')
    if (!signature) throw new SnapRefusal('invalidMandatoryField', 'X-SIGNATURE')
    const body = (request.body ?? {}) as { grantType?: unknown; grant_type?: unknown }
    const grant = body.grantType ?? body.grant_type
    if (grant === undefined) throw new SnapRefusal('invalidMandatoryField', 'grantType')
    if (grant !== 'client_credentials') throw new SnapRefusal('invalidFieldFormat', 'grantType')
    const record = await findPartnerByClientKey(this.sql, clientKey)
    if (!record) throw new SnapRefusal('unauthorized', 'Unknown Client')
    const publicKey = readRsaPublicKey(record.publicKeyPem)
    if (!publicKey || !rsaVerifyToken(publicKey, clientKey, timestamp, signature, record.signatureEncoding)) throw new SnapRefusal('unauthorized', 'Invalid Signature')
    const accessToken = newSecret()
    const expiresAt = new Date(now.getTime() + this.ttlSeconds * 1000)
    await insertAccessToken(this.sql, { tokenHash: tokenHash(accessToken), partnerId: record.id, issuedAt: now, expiresAt })
    return { accessToken, expiresIn: this.ttlSeconds, partnerId: record.id }
  }

  private async tokenOwner(token: string, now: Date): Promise<string | null> {
    const hash = tokenHash(token)
    let known = this.tokens.get(hash)
    if (!known) {
      const stored = await findAccessToken(this.sql, hash)
      if (!stored) return null
      known = { partnerId: stored.partnerId, expiresAt: stored.expiresAt.getTime() }
      if (this.tokens.size >= MAX_CACHED) this.tokens.clear()
      this.tokens.set(hash, known)
    }
    if (known.expiresAt <= now.getTime()) {
      this.tokens.delete(hash)
      return null
    }
    return known.partnerId
  }

  /** The checks of a transaction call, in this order; each failure is the SNAP refusal the partner reads. */
  async verify(request: SignedRequest, now: Date): Promise<VerifiedCall> {
    const h = request.headers
    const timestamp = this.timestamp(header(h, 'x-timestamp'), now)
    const signature = header(h, 'x-signature')
    const partnerId = header(h, 'x-partner-id')
    const externalId = header(h, 'x-external-id')
    const channelId = header(h, 'channel-id')
    if (!signature) throw new SnapRefusal('invalidMandatoryField', 'X-SIGNATURE')
    if (!partnerId) throw new SnapRefusal('invalidMandatoryField', 'X-PARTNER-ID')
    if (!externalId) throw new SnapRefusal('invalidMandatoryField', 'X-EXTERNAL-ID')
    if (!channelId) throw new SnapRefusal('invalidMandatoryField', 'CHANNEL-ID')
    const partner = await this.partner(partnerId, now)
    if (!partner) throw new SnapRefusal('unauthorized', 'Unknown Client')
    const bearer = /^Bearer\s+(\S{16,200})$/i.exec(header(h, 'authorization') ?? '')
    const owner = bearer ? await this.tokenOwner(bearer[1] as string, now) : null
    if (owner !== partner.id) throw new SnapRefusal('invalidToken')
    const signed = transactionString({ method: request.method, path: request.url, accessToken: bearer![1] as string, rawBody: request.rawBody, timestamp })
    if (!hmacVerify(partner.clientSecret, signed, signature, partner.signatureEncoding)) throw new SnapRefusal('unauthorized', 'Invalid Signature')
    if (!EXTERNAL_ID.test(externalId)) throw new SnapRefusal('invalidFieldFormat', 'X-EXTERNAL-ID')
    if (channelId.length > 5) throw new SnapRefusal('invalidFieldFormat', 'CHANNEL-ID')
    return { partner, externalId, channelId, wibDate: wibDate(now) }
  }
}
