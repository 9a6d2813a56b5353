/** Shared fixtures for the contributions domain tests: the 2026 holiday list and the dated due rules, inline (no I/O). */
import { addMonths, type Month } from '../../../kernel/month.js'
import { parseHolidayCalendar } from '../../programmes/domain/holidays.js'
import { MonthParameter, readParameter } from '../../programmes/domain/periods.js'
import { dueRule } from '../../programmes/domain/read-values.js'
import type { RegulationSet } from '../../programmes/domain/regulation-set.js'
import type { DueRule } from '../../programmes/domain/types.js'
import { contributionDueDate, monthSchedule, type DueKind, type MonthSchedule } from './due-dates.js'
import type { Due, Payer } from './types.js'

/** reference/holidays.yaml, 2026 (SKB Menag 1497/2025, Menaker 2/2025, MenPANRB 5/2025). */
export const CALENDAR_2026 = parseHolidayCalendar({
  years: {
    2026: {
      source: 'SKB Menag 1497/2025, Menaker 2/2025, MenPANRB 5/2025',
      evidence: 'C2',
      holidays: [
        '2026-01-01', '2026-01-16', '2026-02-17', '2026-03-19', '2026-03-21', '2026-03-22', '2026-04-03', '2026-04-05', '2026-05-01',
        '2026-05-14', '2026-05-27', '2026-05-31', '2026-06-01', '2026-06-16', '2026-08-17', '2026-08-25', '2026-12-25',
      ].map((date) => ({ date, name: 'libur' })),
      cuti_bersama: ['2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24'].map((date) => ({
        date,
        name: 'cuti bersama',
      })),
    },
  },
})

function rule(name: string, value: DueRule & { month_offset?: number }): MonthParameter<DueRule> {
  const raw = { dated_by: 'month', periods: [{ from: '2015-07', to: null, value: { month_offset: value.monthOffset, day: value.day }, citation: 'test', evidence: 'V-REG' }] }
  return readParameter('due-dates', name, raw, dueRule) as MonthParameter<DueRule>
}

/** regulations/due-dates.yaml as it stands from Feb 2021 on. */
export const DUE_RULES: RegulationSet['due'] = {
  bpuJkkJkm: rule('bpu_jkk_jkm_due', { monthOffset: 0, day: 15 }),
  bpuJht: rule('bpu_jht_due', { monthOffset: 1, day: 15 }),
  pu: rule('pu_due', { monthOffset: 1, day: 15 }),
}

/** The normal BPU minimum package (E4): JKK 10,000 + JKM 6,800. */
export const BPU_MONTH_IDR = 16_800

export function bpuSchedule(amountIdr = BPU_MONTH_IDR): MonthSchedule {
  return monthSchedule(['bpu_jkk_jkm'], DUE_RULES, CALENDAR_2026, () => amountIdr)
}

export function puSchedule(amountIdr = 462_000): MonthSchedule {
  return monthSchedule(['employer'], DUE_RULES, CALENDAR_2026, () => amountIdr)
}

/** One due per month (JKK+JKM as one line, as the tests only look at months); paidOn per month from `paid`. */
export function monthlyDues(
  from: Month,
  count: number,
  paid: Readonly<Record<Month, string>>,
  options: { kind?: DueKind; payer?: Payer; amountIdr?: number } = {},
): Due[] {
  const kind = options.kind ?? 'bpu_jkk_jkm'
  return Array.from({ length: count }, (_, i) => {
    const month = addMonths(from, i)
    return {
      month,
      programme: kind === 'bpu_jht' ? 'jht' : 'jkk_jkm',
      payer: options.payer ?? (kind === 'employer' ? 'employer' : 'self'),
      amountIdr: options.amountIdr ?? BPU_MONTH_IDR,
      dueDate: contributionDueDate(month, kind, DUE_RULES, CALENDAR_2026).date,
      paidOn: paid[month] ?? null,
    }
  })
}
