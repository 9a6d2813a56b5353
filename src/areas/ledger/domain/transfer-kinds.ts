/** What a transfer records (closed list, also checked by the database). */
export const TRANSFER_KINDS = [
  'money_received',
  'due_raised',
  'due_rerated',
  'allocation',
  'credit_held',
  'write_off',
  'refund_approved',
  'refund_paid',
  'channel_reversal',
  'channel_settled',
  'cash_deposited',
  'invoice_raised',
  'invoice_paid',
  'fine_raised',
  'benefit_paid',
  'benefit_disbursed',
  'reversal',
] as const
export type TransferKind = (typeof TRANSFER_KINDS)[number]

/** Why a transfer was reversed (closed list, also checked by the database). */
export const REVERSAL_REASONS = ['channel_reversal', 'entry_error', 'duplicate', 'rerate', 'refund', 'write_off'] as const
export type ReversalReason = (typeof REVERSAL_REASONS)[number]

export function isTransferKind(kind: string): kind is TransferKind {
  return (TRANSFER_KINDS as readonly string[]).includes(kind)
}

export function isReversalReason(reason: string): reason is ReversalReason {
  return (REVERSAL_REASONS as readonly string[]).includes(reason)
}

/** The kinds postTransfer takes; a reversal is posted with reverseTransfer. */
export type PostableKind = Exclude<TransferKind, 'reversal'>
