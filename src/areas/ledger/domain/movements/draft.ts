import { DomainError } from '../../../../kernel/errors.js'
import type { Entry } from '../entries.js'
import type { PostableKind } from '../transfer-kinds.js'

/** What a movement builder returns: spread it into `postTransfer` with the id, time, refs and request id. */
export interface TransferDraft {
  kind: PostableKind
  entries: Entry[]
}

export function assertPositiveIdr(amountIdr: number, field: string): void {
  if (!Number.isSafeInteger(amountIdr) || amountIdr <= 0) {
    throw new DomainError('invalid_input', `${field} must be a positive whole number of rupiah`, { field })
  }
}

export function assertSomeLines(lines: readonly unknown[], field = 'lines'): void {
  if (lines.length === 0) throw new DomainError('invalid_input', 'a movement needs at least one line', { field })
}

export function totalIdr(lines: readonly { amountIdr: number }[]): number {
  let total = 0
  for (const line of lines) total += line.amountIdr
  return total
}
