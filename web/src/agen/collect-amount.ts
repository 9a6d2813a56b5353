/** `2026-11` + 2 → `2027-01`. */
export function addMonths(month: string, count: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + count
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export interface CollectBasis {
  /** the months in arrears, oldest first, and what they cost together (the portfolio's figures) */
  monthsOwed: readonly string[]
  owedIdr: number
  /** the first month a payment covers when nothing is owed: the payment's own month, or the next due month */
  firstOpenMonth: string
  /** what one month after the owed ones costs; null when the device does not know */
  priceOf: (month: string) => number | null
}

export interface CollectPlan {
  months: string[]
  /** null: the device cannot price a month; the agent types the amount */
  amountIdr: number | null
}

/**
 * The months a cash collection of `count` months covers and what it costs, as the server allocates a payment: the
 * owed months first (oldest first), then the following months at each month's own price (a PP 50/2025 month is
 * priced with its discount by the quote engine, the next month perhaps without).
 */
export function planCollection(basis: CollectBasis, count: number): CollectPlan {
  const owed = basis.monthsOwed.slice(0, count)
  const perOwed = basis.monthsOwed.length > 0 ? basis.owedIdr / basis.monthsOwed.length : 0
  let amount: number | null = owed.length === basis.monthsOwed.length ? basis.owedIdr : Math.round(perOwed * owed.length)
  const last = basis.monthsOwed[basis.monthsOwed.length - 1]
  const start = last ? addMonths(last, 1) : basis.firstOpenMonth
  const months = [...owed]
  for (let i = 0; months.length < count; i++) {
    const month = addMonths(start, i)
    months.push(month)
    const price = basis.priceOf(month)
    amount = price === null || amount === null ? null : amount + price
  }
  return { months, amountIdr: amount }
}
