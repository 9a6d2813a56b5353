import type { AccountView } from '../../contributions/domain/types.js'
import type { AccountFacts } from './types.js'

/**
 * The facts the claim rules read from a participant's account at the event date (accountView as of that date).
 * A month not yet due (open) does not break the run of paid months; an overdue or written-off one does.
 * A nonaktif account has its lapsed months written off, so its arrears are reported as one more than the window.
 */
export function accountFacts(view: AccountView, arrearsWindowMonths: number): AccountFacts {
  const paidMonths: string[] = []
  let consecutivePaidFromStart = 0
  let gap = false
  const overdueMonths: string[] = []
  for (const m of view.months) {
    if (m.state === 'paid') {
      paidMonths.push(m.month)
      if (!gap) consecutivePaidFromStart++
    } else if (m.state === 'overdue' || m.state === 'written_off') {
      gap = true
    }
    if (m.state === 'overdue') overdueMonths.push(m.month)
  }
  const arrearsMonths = view.status === 'nonaktif' ? Math.max(overdueMonths.length, arrearsWindowMonths + 1) : overdueMonths.length
  return { status: view.status, contributionMonths: paidMonths.length, consecutivePaidFromStart, arrearsMonths, paidMonths, overdueMonths }
}
