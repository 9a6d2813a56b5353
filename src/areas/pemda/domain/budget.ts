import { addMonths, monthRange, type Month } from '../../../kernel/month.js'

/**
 * A programme's budget (issue 8 item 4): used to date (what its invoices bill), committed to the end of the period
 * (used + the months not invoiced yet at the current cohort size), the month the budget runs out within the period,
 * and how many more workers the rest would cover for the months left.
 */
export interface BudgetInput {
  budgetIdr: number
  startMonth: Month
  endMonth: Month
  invoiced: ReadonlyArray<{ month: Month; amountIdr: number; paidIdr: number }>
  /** What one month costs at the current cohort size (every current member, their group's charge). */
  monthlyCostIdr(month: Month): number
  /** What one more worker costs for a month (a BPU worker at the programme's income). */
  perWorkerIdr(month: Month): number
}

export interface BudgetView {
  budgetIdr: number
  usedIdr: number
  paidIdr: number
  committedIdr: number
  remainingIdr: number
  /** The first month whose cost takes the running total past the budget; null when the budget lasts the period. */
  runOutMonth: Month | null
  remainingCapacityWorkers: number
  /** Months of the period not invoiced yet (projected at the current size). */
  projectedMonths: Month[]
}

export function budgetView(input: BudgetInput): BudgetView {
  const invoiced = new Map(input.invoiced.map((i) => [i.month, i.amountIdr]))
  const usedIdr = input.invoiced.reduce((t, i) => t + i.amountIdr, 0)
  const paidIdr = input.invoiced.reduce((t, i) => t + i.paidIdr, 0)
  const lastInvoiced = input.invoiced.reduce<Month | null>((last, i) => (last === null || i.month > last ? i.month : last), null)
  const projectedMonths = monthRange(lastInvoiced ? addMonths(lastInvoiced, 1) : input.startMonth, input.endMonth)
  const projectedIdr = projectedMonths.reduce((t, m) => t + input.monthlyCostIdr(m), 0)
  let runOutMonth: Month | null = null
  let running = 0
  for (const month of monthRange(input.startMonth, input.endMonth)) {
    running += invoiced.get(month) ?? (projectedMonths.includes(month) ? input.monthlyCostIdr(month) : 0)
    if (running > input.budgetIdr) {
      runOutMonth = month
      break
    }
  }
  const committedIdr = usedIdr + projectedIdr
  const headroom = input.budgetIdr - committedIdr
  const perWorker = projectedMonths.reduce((t, m) => t + input.perWorkerIdr(m), 0)
  return {
    budgetIdr: input.budgetIdr, usedIdr, paidIdr, committedIdr, remainingIdr: input.budgetIdr - usedIdr, runOutMonth,
    remainingCapacityWorkers: headroom > 0 && perWorker > 0 ? Math.floor(headroom / perWorker) : 0, projectedMonths,
  }
}
