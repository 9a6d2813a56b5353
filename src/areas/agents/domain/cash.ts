import { daysBetween, type LocalDate } from '../../../kernel/dates.js'

export interface CashCollection {
  paymentId: string
  collectedOn: LocalDate
  amountIdr: number
}

export interface ReconciledCollection extends CashCollection {
  /** How much of this collection the deposits so far cover (oldest collection first). */
  depositedIdr: number
  deposited: boolean
  /** Days since collection while not fully deposited; null once deposited. */
  daysHeld: number | null
}

export interface CashReconciliation {
  collectedIdr: number
  depositedIdr: number
  /** Cash the agent still owes BPJS (collections − deposits; never below 0 here, an over-deposit shows as excess). */
  undepositedIdr: number
  excessDepositIdr: number
  items: ReconciledCollection[]
  /** Not fully deposited, oldest first. */
  undeposited: ReconciledCollection[]
}

/**
 * Deposits against collections, first in first out (issue 10 item 4): a deposit settles the oldest collection not
 * yet covered. Collections reversed are left out by the caller (their cash went back to the worker).
 */
export function reconcileCash(collections: readonly CashCollection[], depositedIdr: number, asOf: LocalDate): CashReconciliation {
  const sorted = [...collections].sort((a, b) => (a.collectedOn === b.collectedOn ? (a.paymentId < b.paymentId ? -1 : 1) : a.collectedOn < b.collectedOn ? -1 : 1))
  let left = depositedIdr
  const items = sorted.map((c) => {
    const covered = Math.min(left, c.amountIdr)
    left -= covered
    const deposited = covered === c.amountIdr
    return { ...c, depositedIdr: covered, deposited, daysHeld: deposited ? null : Math.max(0, daysBetween(c.collectedOn, asOf)) }
  })
  const collectedIdr = sorted.reduce((sum, c) => sum + c.amountIdr, 0)
  return {
    collectedIdr, depositedIdr, undepositedIdr: Math.max(0, collectedIdr - depositedIdr), excessDepositIdr: left,
    items, undeposited: items.filter((i) => !i.deposited),
  }
}
