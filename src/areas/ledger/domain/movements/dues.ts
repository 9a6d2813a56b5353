import { DomainError } from '../../../../kernel/errors.js'
import { account, isIncomeProgramme, type Programme } from '../accounts.js'
import { move, type Entry } from '../entries.js'
import { assertPositiveIdr, assertSomeLines, totalIdr, type TransferDraft } from './draft.js'

export interface DueLine {
  dueId: string
  programme: Programme
  amountIdr: number
}

/**
 * Billing: each due becomes a receivable of the participant, earned by its programme (income for JKK/JKM/JKP,
 * the workers' fund for JHT/JP). Accrual, so arrears are the receivable's balance per due.
 */
export function dueRaised(input: { participantId: string; lines: readonly DueLine[] }): TransferDraft {
  assertSomeLines(input.lines)
  const entries: Entry[] = []
  input.lines.forEach((line, index) => {
    assertPositiveIdr(line.amountIdr, `lines.${index}.amountIdr`)
    entries.push(...move(account.receivable(input.participantId), account.programme(line.programme), line.amountIdr, line.dueId))
  })
  return { kind: 'due_raised', entries }
}

/** A dated rule changed a billed due by `deltaIdr` (re-rating): the receivable and the programme move together. */
export function dueRerated(input: { participantId: string; dueId: string; programme: Programme; deltaIdr: number }): TransferDraft {
  if (!Number.isSafeInteger(input.deltaIdr) || input.deltaIdr === 0) {
    throw new DomainError('invalid_input', 'deltaIdr must be a non-zero whole number of rupiah', { field: 'deltaIdr' })
  }
  const receivable = account.receivable(input.participantId)
  const earned = account.programme(input.programme)
  const entries = input.deltaIdr > 0 ? move(receivable, earned, input.deltaIdr, input.dueId) : move(earned, receivable, -input.deltaIdr, input.dueId)
  return { kind: 'due_rerated', entries }
}

/** Credit pays dues: one debit of the participant's credit, one credit per due cleared. */
export function allocation(input: { participantId: string; lines: readonly { dueId: string; amountIdr: number }[] }): TransferDraft {
  assertSomeLines(input.lines)
  input.lines.forEach((line, index) => assertPositiveIdr(line.amountIdr, `lines.${index}.amountIdr`))
  const receivable = account.receivable(input.participantId)
  return {
    kind: 'allocation',
    entries: [
      { account: account.participantCredit(input.participantId), amountIdr: totalIdr(input.lines) },
      ...input.lines.map((line) => ({ account: receivable, amountIdr: -line.amountIdr, dueId: line.dueId })),
    ],
  }
}

/** An overpaid due (e.g. after a re-rating lowered it) gives its excess back to the participant's credit. */
export function creditHeld(input: { participantId: string; dueId: string; amountIdr: number }): TransferDraft {
  assertPositiveIdr(input.amountIdr, 'amountIdr')
  return { kind: 'credit_held', entries: move(account.receivable(input.participantId), account.participantCredit(input.participantId), input.amountIdr, input.dueId) }
}

/**
 * The dues of a lapsed spell are not collected (DESIGN.md §7): a risk programme's loss is a write-off expense;
 * for JHT/JP no saving ever existed, so the fund is reduced instead.
 */
export function writeOff(input: { participantId: string; lines: readonly DueLine[] }): TransferDraft {
  assertSomeLines(input.lines)
  const receivable = account.receivable(input.participantId)
  const entries: Entry[] = []
  input.lines.forEach((line, index) => {
    assertPositiveIdr(line.amountIdr, `lines.${index}.amountIdr`)
    const debit = isIncomeProgramme(line.programme) ? account.writeOff(line.programme) : account.programme(line.programme)
    entries.push(...move(debit, receivable, line.amountIdr, line.dueId))
  })
  return { kind: 'write_off', entries }
}
