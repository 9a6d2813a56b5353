import { isDomainError, maskName } from '../kernel/index.js'
import type { Sql } from '../platform/db/sql.js'
import { requestHash, withIdempotency } from '../platform/idempotency/index.js'
import { account } from '../areas/ledger/index.js'
import {
  amountFor, choosePaidMonths, claimExternalId, findChannelTransaction, inquiryData, insertChannelTransaction, isSnapRefusal,
  paidBillsFlags, parseInquiry, parsePayment, parseStatus, partnerMay, paymentData, paymentFingerprint, SNAP_SERVICES, snapAnswer,
  SnapRefusal, wibTimestamp, type ChannelTransaction, type SnapAnswer, type SnapOperation, type VaIdentity, type VerifiedCall,
} from '../areas/channels/index.js'
import { findParticipantById } from '../areas/participants/index.js'
import { channelBills } from './channel-bills.js'
import { takePaymentIn } from './take-payment.js'

export interface ChannelCall {
  call: VerifiedCall
  body: unknown
  requestId: string | null
}

export function assertPartnerMay(call: VerifiedCall, operation: SnapOperation): void {
  if (!partnerMay(call.partner, operation)) throw new SnapRefusal('unauthorized', 'Client Forbidden Access API')
}

/** X-EXTERNAL-ID once per partner per WIB day (channel-api.md §5.2 item 1). */
export async function useExternalId(sql: Sql, call: VerifiedCall, service: string, now: Date): Promise<void> {
  const fresh = await claimExternalId(sql, { partnerId: call.partner.id, wibDate: call.wibDate, externalId: call.externalId, service, at: now })
  if (!fresh) throw new SnapRefusal('conflict', 'Cannot use same X-EXTERNAL-ID in same day')
}

/** VA Inquiry (24): the worker's open bills, 1–12 months as the channel asks (one by default), arrears first. */
export async function channelInquiry(sql: Sql, input: ChannelCall, now: Date): Promise<SnapAnswer> {
  assertPartnerMay(input.call, 'inquiry')
  const req = parseInquiry(input.body, input.call.partner.partnerServiceId)
  await useExternalId(sql, input.call, SNAP_SERVICES.inquiry, now)
  const bills = await channelBills(sql, req.customer, now, { lock: false })
  const months = bills.owed.slice(0, req.months)
  const totalIdr = amountFor(bills.owed, months.length, bills.creditIdr)
  if (totalIdr === 0) throw new SnapRefusal('paidBill')
  const creditUsedIdr = months.reduce((t, m) => t + m.amountIdr, 0) - totalIdr
  return snapAnswer(SNAP_SERVICES.inquiry, 'success', undefined, {
    virtualAccountData: inquiryData({ identity: req, inquiryRequestId: req.inquiryRequestId, maskedName: maskName(bills.participant.name), months, totalIdr, creditUsedIdr }),
  })
}

/** The client key of the partner's payments in the idempotency store and in payments (client_id, client_key). */
export const paymentClientId = (partnerId: string): string => `snap:${partnerId}`

/**
 * VA Payment (25), channel-api.md §5.2: one transaction claims the X-EXTERNAL-ID, then (partner, paymentRequestId)
 * with the hash of what is paid, computes the bills again under the worker's lock, and posts the payment through
 * contributions and the ledger (money via the partner's channel_in_transit account). The same request again replays
 * the stored answer and moves no money; another request under a key a successful payment holds is `4042518` with
 * that payment's data. A refused attempt rolls back and binds nothing (its X-EXTERNAL-ID stays used).
 */
export async function channelPayment(sql: Sql, input: ChannelCall, now: Date, ids: { newId(): string }): Promise<SnapAnswer & { replayed: boolean }> {
  const { partner } = input.call
  assertPartnerMay(input.call, 'payment')
  const req = parsePayment(input.body, partner.partnerServiceId)
  const hash = requestHash({ method: 'POST', url: '/snap/v1.0/transfer-va/payment', body: paymentFingerprint(req) })
  try {
    return await sql.transaction(async (tx) => {
      await useExternalId(tx, input.call, SNAP_SERVICES.payment, now)
      const stored = await withIdempotency(tx, { clientId: paymentClientId(partner.id), key: req.paymentRequestId, requestHash: hash }, async (work) => ({
        status: 200,
        body: (await pay(work, input, req, now, ids)).body,
      }))
      return { httpStatus: stored.status, body: stored.body, replayed: stored.replayed }
    })
  } catch (error) {
    if (isSnapRefusal(error) && error.kase === 'conflict') throw error
    await claimExternalId(sql, { partnerId: partner.id, wibDate: input.call.wibDate, externalId: input.call.externalId, service: SNAP_SERVICES.payment, at: now })
    if (isDomainError(error) && error.code === 'idempotency_conflict') {
      const original = await findChannelTransaction(sql, partner.id, 'payment', req.paymentRequestId)
      throw new SnapRefusal('inconsistentRequest', undefined, original ? { virtualAccountData: await bookedData(sql, original) } : undefined)
    }
    throw error
  }
}

async function pay(tx: Sql, input: ChannelCall, req: ReturnType<typeof parsePayment>, now: Date, ids: { newId(): string }): Promise<SnapAnswer> {
  const { partner } = input.call
  const bills = await channelBills(tx, req.customer, now, { lock: true })
  const chosen = choosePaidMonths(bills.owed, bills.paidMonths, { billNos: req.billNos, paidBills: req.paidBills, paidAmountIdr: req.paidAmountIdr }, bills.creditIdr)
  const months = bills.owed.slice(0, chosen.count)
  const result = await takePaymentIn(
    tx,
    {
      participant: { id: bills.participant.id }, months: chosen.count, amountIdr: chosen.amountIdr, paidOn: bills.asOf, channel: `mitra:${partner.code.toLowerCase()}`,
      via: account.channelInTransit(partner.id), sourceId: partner.sourceId, clientId: paymentClientId(partner.id), clientKey: req.paymentRequestId,
      requestId: input.requestId, actor: { userId: partner.id, role: 'channel' },
    },
    now, ids, { participant: bills.participant, contributions: bills.contributions, asOf: bills.asOf },
  )
  await insertChannelTransaction(tx, {
    id: ids.newId(), partnerId: partner.id, kind: 'payment', reference: req.paymentRequestId, externalId: input.call.externalId, channelId: input.call.channelId,
    partnerReferenceNo: req.referenceNo ?? null, customerNo: req.customer.value, participantId: bills.participant.id, paymentId: result.paymentId,
    receiptNo: result.receiptNo, amountIdr: result.amountIdr, feeIdr: partner.feeIdr, months: result.months, monthAmountsIdr: result.allocated.map((m) => m.amountIdr), paidBills: paidBillsFlags(chosen.count),
    wibDate: input.call.wibDate, occurredAt: now, reversedBy: null, reversalOf: null,
  })
  return snapAnswer(SNAP_SERVICES.payment, 'success', undefined, {
    virtualAccountData: paymentData({
      identity: req, paymentRequestId: req.paymentRequestId, maskedName: maskName(bills.participant.name), months, amountIdr: result.amountIdr,
      trxDateTime: req.trxDateTime ?? wibTimestamp(now), referenceNo: req.referenceNo ?? null, receiptNo: result.receiptNo, paidThrough: result.paidThrough, flagStatus: '00',
    }),
  })
}

/** A booked payment as Inquiry Status and `4042518` show it (from the partner's own ids, the months and the receipt). */
async function bookedData(sql: Sql, t: ChannelTransaction, identity?: VaIdentity) {
  const participant = await findParticipantById(sql, t.participantId)
  const months = t.months.map((month, i) => ({ month, amountIdr: t.monthAmountsIdr[i] ?? 0, arrears: false }))
  const psid = identity?.partnerServiceId ?? ''
  return paymentData({
    identity: identity ?? { partnerServiceId: psid, customerNo: t.customerNo, virtualAccountNo: t.customerNo },
    paymentRequestId: t.reference, maskedName: participant ? maskName(participant.name) : '', months, amountIdr: t.amountIdr,
    trxDateTime: wibTimestamp(t.occurredAt), referenceNo: t.partnerReferenceNo, receiptNo: t.receiptNo, paidThrough: t.months.at(-1) ?? null,
    flagStatus: t.reversedBy ? '05' : '00',
  })
}

/** VA Inquiry Status (26): the outcome of a payment by its paymentRequestId (= inquiryRequestId); none → `4042601`. */
export async function channelStatus(sql: Sql, input: ChannelCall, now: Date): Promise<SnapAnswer> {
  const { partner } = input.call
  assertPartnerMay(input.call, 'status')
  const req = parseStatus(input.body, partner.partnerServiceId)
  await useExternalId(sql, input.call, SNAP_SERVICES.status, now)
  const reference = (req.paymentRequestId ?? req.inquiryRequestId) as string
  const found = await findChannelTransaction(sql, partner.id, 'payment', reference)
  if (!found || found.customerNo !== req.customer.value) throw new SnapRefusal('transactionNotFound')
  const data = await bookedData(sql, found, req)
  return snapAnswer(SNAP_SERVICES.status, 'success', undefined, {
    virtualAccountData: { ...data, inquiryRequestId: req.inquiryRequestId ?? found.reference, transactionDate: wibTimestamp(found.occurredAt) },
  })
}

