import { DomainError, isDomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { requestHash, withIdempotency } from '../platform/idempotency/index.js'
import { writeAudit } from '../areas/access/index.js'
import { loadAccountInput, markPaymentReversed, saveContributionState, statusWithSince } from '../areas/contributions/index.js'
import {
  claimExternalId, decimalIdr, findChannelTransaction, insertChannelRegistration, insertChannelTransaction, isSnapRefusal, markReversed, parseRegistration, parseReversal,
  REGISTRATION_FIELD_OF_ROW, registrationRow, reversalAllowed, SNAP_SERVICES, snapAnswer, SnapRefusal, wibTimestamp, type SnapAnswer,
} from '../areas/channels/index.js'
import { reverseTransfer, transferIdsOfPayment } from '../areas/ledger/index.js'
import { findParticipantById } from '../areas/participants/index.js'
import { assertPartnerMay, useExternalId, type ChannelCall } from './channel-payments.js'
import { tryRegisterParticipant } from './register-participant.js'
import { registrationToday } from './registration-context.js'

const CONSENT_PURPOSE = 'Kepesertaan BPJS Ketenagakerjaan (pendaftaran di loket mitra)'

/**
 * Registration at the counter (Semesta service 90, channel-api.md §14): a BPU worker registered with the registry's
 * rules and the partner's source; an existing NIK with the same identity answers `2009000` with the existing KPJ;
 * another identity `4099001` (kept for review, final for its partnerReferenceNo); a field the registry refuses
 * `4009001`/`4009002` naming the API's field. Idempotent on (partner, partnerReferenceNo).
 */
export async function channelRegistration(sql: Sql, input: ChannelCall, now: Date, ids: { newId(): string }): Promise<SnapAnswer & { replayed: boolean }> {
  const { partner } = input.call
  assertPartnerMay(input.call, 'registration')
  const req = parseRegistration(input.body)
  await useExternalId(sql, input.call, SNAP_SERVICES.registration, now)
  const hash = requestHash({ method: 'POST', url: '/snap/v1.0/semesta/registration', body: req })
  try {
    const stored = await withIdempotency(sql, { clientId: `snap-reg:${partner.id}`, key: req.partnerReferenceNo, requestHash: hash }, async (tx) => {
      const outcome = await tryRegisterParticipant(
        tx,
        { row: registrationRow(req) as never, sourceId: partner.sourceId, consent: { purpose: CONSENT_PURPOSE, givenAt: now }, actor: { userId: partner.id, role: 'channel' }, requestId: input.requestId },
        now, ids,
      )
      const registration = { id: ids.newId(), partnerId: partner.id, partnerReferenceNo: req.partnerReferenceNo, externalId: input.call.externalId, wibDate: input.call.wibDate, occurredAt: now }
      if (outcome.kind === 'identity_mismatch') {
        await insertChannelRegistration(tx, { ...registration, outcome: 'identity_conflict', participantId: null, kpj: null })
        const a = snapAnswer(SNAP_SERVICES.registration, 'identityConflict', undefined, { reviewId: outcome.reviewId })
        return { status: a.httpStatus, body: a.body }
      }
      await insertChannelRegistration(tx, {
        ...registration, outcome: outcome.alreadyRegistered ? 'already_registered' : 'registered', participantId: outcome.participant.id, kpj: outcome.participant.kpj,
      })
      const a = snapAnswer(SNAP_SERVICES.registration, 'success', undefined, {
        kpj: outcome.participant.kpj, customerNo: outcome.participant.kpj, participantStatus: outcome.participant.status, alreadyRegistered: outcome.alreadyRegistered,
      })
      return { status: a.httpStatus, body: a.body }
    })
    return { httpStatus: stored.status, body: stored.body as SnapAnswer['body'], replayed: stored.replayed }
  } catch (error) {
    if (isDomainError(error) && error.code === 'idempotency_conflict') throw new SnapRefusal('duplicateReference')
    if (isDomainError(error) && error.code !== 'internal' && error.code !== 'unavailable') {
      const field = error.field ? (REGISTRATION_FIELD_OF_ROW[error.field] ?? error.field) : 'body'
      throw new SnapRefusal(error.code === 'missing_field' ? 'invalidMandatoryField' : 'invalidFieldFormat', `${field}: ${error.message}`.slice(0, 120))
    }
    throw error
  }
}

/**
 * Payment reversal (Semesta service 91, channel-api.md §14): the same WIB day until 23:00 WIB (`4039100` after),
 * once (`4099100` when already reversed), unknown payment `4049101`. Every ledger transfer of the payment is
 * reversed (a mirror with reason channel_reversal), the dues it settled are open again, the worker's status is
 * evaluated again. Idempotent on (partner, partnerReferenceNo).
 */
export async function channelReversal(sql: Sql, input: ChannelCall, now: Date, ids: { newId(): string }): Promise<SnapAnswer & { replayed: boolean }> {
  const { partner } = input.call
  assertPartnerMay(input.call, 'reversal')
  const req = parseReversal(input.body)
  const hash = requestHash({ method: 'POST', url: '/snap/v1.0/semesta/payment-reversal', body: req })
  try {
    return await sql.transaction(async (tx) => {
      await useExternalId(tx, input.call, SNAP_SERVICES.reversal, now)
      const stored = await withIdempotency(tx, { clientId: `snap-rev:${partner.id}`, key: req.partnerReferenceNo, requestHash: hash }, async (work) => {
        const a = await reverse(work, input, req, now, ids)
        return { status: a.httpStatus, body: a.body }
      })
      return { httpStatus: stored.status, body: stored.body as SnapAnswer['body'], replayed: stored.replayed }
    })
  } catch (error) {
    if (isSnapRefusal(error) && error.kase === 'conflict' && error.detail?.includes('X-EXTERNAL-ID')) throw error
    await claimExternalId(sql, { partnerId: partner.id, wibDate: input.call.wibDate, externalId: input.call.externalId, service: SNAP_SERVICES.reversal, at: now })
    if (isDomainError(error) && error.code === 'idempotency_conflict') throw new SnapRefusal('duplicateReference')
    throw error
  }
}

async function reverse(tx: Sql, input: ChannelCall, req: ReturnType<typeof parseReversal>, now: Date, ids: { newId(): string }): Promise<SnapAnswer> {
  const { partner } = input.call
  const original = await findChannelTransaction(tx, partner.id, 'payment', req.originalPaymentRequestId, { lock: true })
  if (!original) throw new SnapRefusal('transactionNotFound')
  if (original.reversedBy) throw new SnapRefusal('conflict', 'payment already reversed')
  if (!reversalAllowed(original.occurredAt, now)) throw new SnapRefusal('transactionExpired', 'reversal only on the WIB day of payment, before 23:00 WIB')
  if (original.settledBy) throw new SnapRefusal('transactionExpired', 'already settled and forwarded to BPJS: a refund case')
  const participant = await findParticipantById(tx, original.participantId, { lock: true })
  if (!participant) throw new DomainError('internal', 'the paid participant is gone')
  const transfers = (await transferIdsOfPayment(tx, original.paymentId)).filter((t) => t.kind !== 'reversal' && t.reversedBy === null)
  for (const t of transfers) {
    await reverseTransfer(tx, { id: ids.newId(), transferId: t.id, reasonCode: 'channel_reversal', occurredAt: now, reason: req.reason ?? null, requestId: input.requestId })
  }
  await markPaymentReversed(tx, original.paymentId, now)
  const today = registrationToday(now, participant.regencyCode)
  const { status, since } = statusWithSince((await loadAccountInput(tx, participant, today)).input, today, today)
  await saveContributionState(tx, participant.id, status, since, now)
  const reversalId = ids.newId()
  await insertChannelTransaction(tx, {
    ...original, id: reversalId, kind: 'reversal', reference: req.partnerReferenceNo, externalId: input.call.externalId, channelId: input.call.channelId,
    partnerReferenceNo: null, feeIdr: 0, wibDate: input.call.wibDate, occurredAt: now, reversedBy: null, reversalOf: original.id, settledBy: null,
  })
  await markReversed(tx, original.id, reversalId)
  await writeAudit(tx, {
    actor: { userId: partner.id, role: 'channel' }, action: 'channel.reversal', subjectType: 'payment', subjectId: original.paymentId, requestId: input.requestId,
    details: { partnerId: partner.id, reversalId, amountIdr: original.amountIdr, transfers: transfers.length },
  })
  return snapAnswer(SNAP_SERVICES.reversal, 'success', undefined, {
    originalPaymentRequestId: original.reference, partnerReferenceNo: req.partnerReferenceNo, receiptNo: original.receiptNo,
    reversedAmount: { value: decimalIdr(original.amountIdr), currency: 'IDR' }, reversalDateTime: wibTimestamp(now),
  })
}
