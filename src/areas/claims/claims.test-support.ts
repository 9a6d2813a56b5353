/** Accounts for the claims tests: real regulation data and holidays, dues built month by month (no I/O beyond the YAML). */
import { addMonths, type Month } from '../../kernel/month.js'
import { accountView, contributionDueDate, LAPSE_RULE, monthSchedule, type AccountInput, type Due } from '../contributions/domain/index.js'
import { loadHolidayCalendar, loadRegulationSet } from '../programmes/index.js'
import { accountFacts } from './domain/account-facts.js'
import type { AccountFacts } from './domain/types.js'

export const regs = loadRegulationSet()
export const calendar = loadHolidayCalendar()

/**
 * A participant who pays `paid` months from `first`, each on the 5th of its month, and nothing after: the dues run
 * through `billedThrough`. BPU: JKK+JKM 16,800 by the 15th of the month; PU: the employer's line by the 15th of the next.
 */
export function account(options: { first: Month; paid: number; billedThrough: Month; rule?: 'bpu_lapse' | 'employer_carries' }): AccountInput {
  const rule = options.rule ?? 'bpu_lapse'
  const kind = rule === 'bpu_lapse' ? 'bpu_jkk_jkm' : 'employer'
  const dues: Due[] = []
  for (let m = options.first, i = 0; m <= options.billedThrough; m = addMonths(m, 1), i++) {
    dues.push({
      month: m, programme: 'JKK_JKM', payer: rule === 'bpu_lapse' ? 'self' : 'employer', amountIdr: 16_800,
      dueDate: contributionDueDate(m, kind, regs.due, calendar).date, paidOn: i < options.paid ? `${m}-05` : null,
    })
  }
  return { rule, lapse: LAPSE_RULE, dues, schedule: monthSchedule([kind], regs.due, calendar, () => 16_800) }
}

export function factsAt(input: AccountInput, date: string): AccountFacts {
  return accountFacts(accountView(input, date), regs.benefits.arrearsWindowMonths.value(date))
}
