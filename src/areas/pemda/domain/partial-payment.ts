/** One member-month of an invoice with what it costs (all programmes). */
export interface BilledMemberMonth {
  readonly participantId: string
  readonly groupCode: string
  readonly month: string
  readonly amountIdr: number
}

/**
 * What the money paid on an invoice so far covers (FLAGGED: no regulation sets it; Semesta's rule, docs/pemda.md):
 * whole member-months only, oldest month first, then the groups in the programme's order, then members by id, as long
 * as the running total stays within the total paid; the first member-month that does not fit ends the covered prefix,
 * so a later payment continues where the last stopped. The rest stays open on the invoice.
 */
export function coveredMemberMonths<T extends BilledMemberMonth>(items: readonly T[], groupOrder: readonly string[], paidIdr: number): T[] {
  const rank = new Map(groupOrder.map((g, i) => [g, i]))
  const sorted = [...items].sort((a, b) =>
    a.month !== b.month ? (a.month < b.month ? -1 : 1)
      : a.groupCode !== b.groupCode ? (rank.get(a.groupCode) ?? Infinity) - (rank.get(b.groupCode) ?? Infinity) || (a.groupCode < b.groupCode ? -1 : 1)
        : a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0)
  const out: T[] = []
  let left = paidIdr
  for (const item of sorted) {
    if (item.amountIdr > left) break
    left -= item.amountIdr
    out.push(item)
  }
  return out
}
