/** Shared helpers of the contributions flow tests: a registered BPU, payments and bills at given local dates. */
import type { Sql } from '../platform/db/sql.js'
import { newId } from '../platform/ids.js'
import { makeSource, testPerson } from '../areas/participants/testing/factories.js'
import { registerParticipant } from './register-participant.js'
import { runMonthlyBilling } from './run-monthly-billing.js'
import { takePayment, type TakePaymentCommand } from './take-payment.js'

export const ids = { newId: () => newId() }

/** 10:00 WITA on a local date. */
export const at = (date: string): Date => new Date(`${date}T10:00:00+08:00`)

export async function registerBpu(
  sql: Sql, registeredOn = '2025-12-20', row: Record<string, string> = {}, payer?: 'pemda' | 'apbn' | 'sponsor',
): Promise<{ id: string; nik: string; kpj: string }> {
  const sourceId = await makeSource(sql, 'office')
  const person = testPerson()
  const outcome = await registerParticipant(
    sql,
    { row: { ...person.row, ...row }, sourceId, consent: { purpose: 'kepesertaan BPJS Ketenagakerjaan' }, actor: null, requestId: 'req-test', ...(payer ? { payer, payerRef: 'pemda-test' } : {}) },
    at(registeredOn),
    ids,
  )
  return { id: outcome.participant.id, nik: outcome.participant.nik, kpj: outcome.participant.kpj }
}

let keys = 0

export function pay(sql: Sql, participantId: string, paidOn: string, options: Partial<TakePaymentCommand> = {}) {
  return takePayment(
    sql,
    { participant: { id: participantId }, paidOn, channel: 'counter', clientId: 'test-client', clientKey: `k-${process.pid}-${++keys}`, requestId: 'req-pay', actor: null, ...options },
    at(paidOn),
    ids,
  )
}

export function bill(sql: Sql, month: string, on: string) {
  return runMonthlyBilling(sql, { month }, at(on))
}
