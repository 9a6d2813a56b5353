import { DomainError } from '../../../kernel/errors.js'
import type { ClaimKind } from './types.js'

/**
 * What the pay and release steps pay (regulations.md §1.4; PP 44/2015 Pasal 39, 42): the part payable now at once;
 * the part payable after the arrears (and a JKM/JKK claim's first scholarship year) only when every month overdue at
 * the event date has been paid since. Otherwise that part is withheld on the claim and `release` pays it later.
 */
interface PayableClaim {
  kind: ClaimKind
  payNowIdr: number
  afterArrearsIdr: number
}

/** The months overdue at the event date that are still not paid at the step date, oldest first. */
export function unpaidEventArrears(overdueAtEvent: readonly string[], paidMonths: Iterable<string>): string[] {
  const paid = new Set(paidMonths)
  return [...overdueAtEvent].filter((m) => !paid.has(m)).sort()
}

/** Whether the after-arrears part (and the scholarship) may be paid now. */
export function restPayable(claim: PayableClaim, unpaidArrears: readonly string[]): boolean {
  return unpaidArrears.length === 0 || claim.afterArrearsIdr === 0
}

/**
 * The pay step: payNowIdr, plus the rest when the arrears are paid. `scholarshipIdr` is what the step marked paid on
 * the schedule; a `beasiswa` claim's lines are the school year itself, so its schedule adds nothing on top.
 */
export function payStep(claim: PayableClaim, unpaidArrears: readonly string[], scholarshipIdr: number): { paidIdr: number; withheldIdr: number } {
  const rest = restPayable(claim, unpaidArrears) ? claim.afterArrearsIdr : 0
  return { paidIdr: claim.payNowIdr + rest + scholarshipOnTop(claim, scholarshipIdr), withheldIdr: claim.afterArrearsIdr - rest }
}

/** Refuses a release while any month overdue at the event date is unpaid (`arrears_unpaid`, 422). */
export function assertEventArrearsPaid(unpaidArrears: readonly string[]): void {
  if (unpaidArrears.length === 0) return
  throw new DomainError('arrears_unpaid', `Tunggakan per tanggal kejadian belum lunas (${unpaidArrears.join(', ')}): sisa klaim dibayar setelah tunggakan dibayar.`, {
    field: 'arrears', months: [...unpaidArrears],
  })
}

/** The release step: the withheld part and the scholarship held with it, added to what the claim has paid. */
export function releaseStep(
  claim: PayableClaim & { paidIdr: number | null; withheldIdr: number | null }, scholarshipIdr: number,
): { releasedIdr: number; paidIdr: number; withheldIdr: number } {
  const releasedIdr = (claim.withheldIdr ?? 0) + scholarshipOnTop(claim, scholarshipIdr)
  return { releasedIdr, paidIdr: (claim.paidIdr ?? 0) + releasedIdr, withheldIdr: 0 }
}

function scholarshipOnTop(claim: PayableClaim, scholarshipIdr: number): number {
  return claim.kind === 'beasiswa' ? 0 : scholarshipIdr
}
