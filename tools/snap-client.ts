/**
 * Semesta's reference SNAP partner client (issue 6 item 6): how a channel partner's developer calls Semesta, with
 * the signing included. It is what the tests and `bench/snap.bench.ts` use.
 *
 *   const client = new SnapClient({ baseUrl, partnerId, clientKey, clientSecret, privateKeyPem, partnerServiceId })
 *   await client.token()                                  // POST /snap/v1.0/access-token/b2b, RSA-signed
 *   const bill = await client.inquiry({ customerNo: '12345678901', inquiryRequestId: 'INQ-1', months: 3 })
 *   const paid = await client.payFromInquiry(bill.body, { referenceNo: 'AUTH-1' })
 *
 * Signing (docs/channels.md "Signing"): the token call signs `clientKey|X-TIMESTAMP` with SHA256withRSA; every
 * other call signs `POST:<path>:<accessToken>:<sha256 hex of the exact body>:<X-TIMESTAMP>` with HMAC-SHA512 keyed
 * by the client secret. The body is serialised ONCE and those exact bytes are both hashed and sent.
 */
import { randomUUID } from 'node:crypto'
import { hmacSign, rsaSignToken, transactionString, wibTimestamp, type SignatureEncoding } from '../src/areas/channels/index.js'

export interface SnapClientOptions {
  baseUrl: string
  partnerId: string
  clientKey: string
  clientSecret: string
  privateKeyPem: string
  /** As issued, 8 characters left-padded with spaces. */
  partnerServiceId: string
  signatureEncoding?: SignatureEncoding
  channelId?: string
  /** The clock of the client (tests move it). */
  now?: () => Date
  /** fetch, or a replacement (tests inject the server without a socket). */
  fetch?: (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{ status: number; json(): Promise<unknown> }>
}

export interface SnapReply<Body = Record<string, unknown>> {
  status: number
  body: Body & { responseCode: string; responseMessage: string }
}

export const SNAP_PATHS = {
  token: '/snap/v1.0/access-token/b2b',
  inquiry: '/snap/v1.0/transfer-va/inquiry',
  payment: '/snap/v1.0/transfer-va/payment',
  status: '/snap/v1.0/transfer-va/status',
  registration: '/snap/v1.0/semesta/registration',
  reversal: '/snap/v1.0/semesta/payment-reversal',
} as const

export class SnapClient {
  accessToken: string | null = null
  private readonly encoding: SignatureEncoding
  private readonly now: () => Date
  private readonly fetchImpl: NonNullable<SnapClientOptions['fetch']>

  constructor(readonly options: SnapClientOptions) {
    this.encoding = options.signatureEncoding ?? 'base64'
    this.now = options.now ?? (() => new Date())
    this.fetchImpl = options.fetch ?? ((url, init) => fetch(url, init))
  }

  /** `2025-02-01T10:15:30+07:00`: Semesta accepts any offset; WIB is what it writes. */
  timestamp(): string {
    return wibTimestamp(this.now())
  }

  async token(): Promise<SnapReply<{ accessToken?: string; expiresIn?: string }>> {
    const timestamp = this.timestamp()
    const body = JSON.stringify({ grantType: 'client_credentials', additionalInfo: {} })
    const reply = await this.send<{ accessToken?: string; expiresIn?: string }>(SNAP_PATHS.token, body, {
      'X-TIMESTAMP': timestamp,
      'X-CLIENT-KEY': this.options.clientKey,
      'X-SIGNATURE': rsaSignToken(this.options.privateKeyPem, this.options.clientKey, timestamp, this.encoding),
    })
    if (reply.body.accessToken) this.accessToken = reply.body.accessToken
    return reply
  }

  /** The headers of a signed transaction call over `rawBody` (exported so a test can tamper with one). */
  signedHeaders(path: string, rawBody: string, externalId: string = randomUUID().replace(/-/g, '').slice(0, 32)): Record<string, string> {
    if (!this.accessToken) throw new Error('call token() first')
    const timestamp = this.timestamp()
    const signed = transactionString({ method: 'POST', path, accessToken: this.accessToken, rawBody, timestamp })
    return {
      Authorization: `Bearer ${this.accessToken}`,
      'X-TIMESTAMP': timestamp,
      'X-SIGNATURE': hmacSign(this.options.clientSecret, signed, this.encoding),
      'X-PARTNER-ID': this.options.partnerId,
      'X-EXTERNAL-ID': externalId,
      'CHANNEL-ID': this.options.channelId ?? '95221',
    }
  }

  /** A signed POST of `body` (an object is serialised once; a string is sent as it is). */
  async call<Body = Record<string, unknown>>(path: string, body: unknown, options: { externalId?: string } = {}): Promise<SnapReply<Body>> {
    const rawBody = typeof body === 'string' ? body : JSON.stringify(body)
    return this.send<Body>(path, rawBody, this.signedHeaders(path, rawBody, options.externalId))
  }

  private async send<Body>(path: string, rawBody: string, headers: Record<string, string>): Promise<SnapReply<Body>> {
    const response = await this.fetchImpl(`${this.options.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: rawBody })
    return { status: response.status, body: (await response.json()) as SnapReply<Body>['body'] }
  }

  virtualAccount(customerNo: string) {
    return { partnerServiceId: this.options.partnerServiceId, customerNo, virtualAccountNo: `${this.options.partnerServiceId}${customerNo}` }
  }

  inquiry(input: { customerNo: string; inquiryRequestId: string; months?: number }, options: { externalId?: string } = {}) {
    return this.call<{ virtualAccountData?: InquiryData }>(SNAP_PATHS.inquiry, {
      ...this.virtualAccount(input.customerNo), inquiryRequestId: input.inquiryRequestId, ...(input.months ? { additionalInfo: { months: input.months } } : {}),
    }, options)
  }

  /** Pays what an inquiry showed: paymentRequestId = inquiryRequestId, the total, the bills echoed. */
  payFromInquiry(inquiry: { virtualAccountData?: InquiryData }, extra: { referenceNo?: string; flagAdvise?: 'Y' | 'N'; paidAmount?: string } = {}, options: { externalId?: string } = {}) {
    const va = inquiry.virtualAccountData
    if (!va) throw new Error('the inquiry has no virtualAccountData')
    return this.payment({
      partnerServiceId: va.partnerServiceId, customerNo: va.customerNo, virtualAccountNo: va.virtualAccountNo, paymentRequestId: va.inquiryRequestId,
      paidAmount: { value: extra.paidAmount ?? va.totalAmount.value, currency: 'IDR' }, billDetails: va.billDetails.map((b) => ({ billCode: b.billCode, billNo: b.billNo })),
      trxDateTime: this.timestamp(), ...(extra.referenceNo ? { referenceNo: extra.referenceNo } : {}), ...(extra.flagAdvise ? { flagAdvise: extra.flagAdvise } : {}),
    }, options)
  }

  payment(body: Record<string, unknown>, options: { externalId?: string } = {}) {
    return this.call<{ virtualAccountData?: Record<string, unknown> }>(SNAP_PATHS.payment, body, options)
  }

  status(input: { customerNo: string; paymentRequestId: string }, options: { externalId?: string } = {}) {
    return this.call<{ virtualAccountData?: Record<string, unknown> }>(SNAP_PATHS.status, {
      ...this.virtualAccount(input.customerNo), inquiryRequestId: input.paymentRequestId, paymentRequestId: input.paymentRequestId,
    }, options)
  }

  register(body: Record<string, unknown>, options: { externalId?: string } = {}) {
    return this.call<{ kpj?: string; participantStatus?: string }>(SNAP_PATHS.registration, body, options)
  }

  reverse(body: { partnerReferenceNo: string; originalPaymentRequestId: string; reason?: string }, options: { externalId?: string } = {}) {
    return this.call(SNAP_PATHS.reversal, body, options)
  }
}

export interface InquiryData {
  partnerServiceId: string
  customerNo: string
  virtualAccountNo: string
  virtualAccountName: string
  inquiryRequestId: string
  totalAmount: { value: string; currency: string }
  billDetails: Array<{ billCode: string; billNo: string; billAmount: { value: string; currency: string } }>
}
