import { DomainError } from '../../../kernel/errors.js'
import { assertAccountKey, type AccountKey } from './accounts.js'

/** One line of a transfer: a debit is a positive amount, a credit a negative one. */
export interface Entry {
  account: AccountKey
  amountIdr: number
  /** The due this line concerns (receivable lines, allocations), so arrears per due come from the ledger. */
  dueId?: string | undefined
}

/** At most this many lines in one transfer (a year of dues for five programmes fits with room to spare). */
export const MAX_ENTRIES = 500

export function sumEntriesIdr(entries: readonly Entry[]): number {
  let total = 0
  for (const entry of entries) total += entry.amountIdr
  return total
}

/**
 * The invariants of a transfer's lines, checked before anything is written (the database checks the sum again):
 * at least two lines, each a non-zero safe integer on a valid account, summing to zero.
 */
export function assertBalancedEntries(entries: readonly Entry[]): void {
  if (entries.length < 2) throw new DomainError('invalid_input', 'a transfer has at least two entries', { field: 'entries' })
  if (entries.length > MAX_ENTRIES) throw new DomainError('out_of_range', `a transfer has at most ${MAX_ENTRIES} entries`, { field: 'entries' })
  entries.forEach((entry, index) => {
    assertAccountKey(entry.account)
    if (!Number.isSafeInteger(entry.amountIdr) || entry.amountIdr === 0) {
      throw new DomainError('invalid_input', `entry ${index + 1}: amount must be a non-zero whole number of rupiah`, { field: `entries.${index}.amountIdr` })
    }
  })
  const total = sumEntriesIdr(entries)
  if (total !== 0) throw new DomainError('invalid_input', `entries of a transfer must sum to zero, they sum to ${total}`, { field: 'entries' })
}

/** The lines that undo `entries`: same accounts and dues, opposite signs, same order. */
export function mirrorEntries(entries: readonly Entry[]): Entry[] {
  return entries.map((entry) => ({ ...entry, amountIdr: -entry.amountIdr }))
}

/** Two debit/credit lines moving `amountIdr` from `credit` to `debit`. */
export function move(debit: AccountKey, credit: AccountKey, amountIdr: number, dueId?: string): Entry[] {
  return [
    { account: debit, amountIdr, dueId },
    { account: credit, amountIdr: -amountIdr, dueId },
  ]
}
