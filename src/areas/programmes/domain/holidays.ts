import { addDays, dayOfWeek, isLocalDate, type LocalDate } from '../../../kernel/dates.js'
import { asObject, bad, EVIDENCE_LABELS, type Evidence } from './periods.js'

export interface HolidayYear {
  readonly year: number
  readonly source: string
  readonly evidence: Evidence
  readonly note?: string
}

/** National holidays and cuti bersama, curated per year from the SKB 3 Menteri (reference/holidays.yaml). */
export interface HolidayCalendar {
  readonly days: ReadonlyMap<LocalDate, { readonly name: string; readonly kind: 'holiday' | 'cuti_bersama' }>
  readonly years: ReadonlyMap<number, HolidayYear>
}

/** Pure: reads the parsed reference/holidays.yaml. */
export function parseHolidayCalendar(raw: unknown): HolidayCalendar {
  const root = asObject(raw, 'holidays')
  const years = asObject(root.years, 'holidays.years')
  const days = new Map<LocalDate, { name: string; kind: 'holiday' | 'cuti_bersama' }>()
  const known = new Map<number, HolidayYear>()
  for (const [key, value] of Object.entries(years)) {
    const year = Number(key)
    const path = `holidays.years.${key}`
    if (!Number.isInteger(year)) throw bad(path, 'year must be a number')
    const y = asObject(value, path)
    const evidence = y.evidence as Evidence
    if (!EVIDENCE_LABELS.includes(evidence)) throw bad(path, 'bad evidence label')
    if (typeof y.source !== 'string') throw bad(path, 'source is required')
    known.set(year, { year, source: y.source, evidence, ...(typeof y.note === 'string' ? { note: y.note } : {}) })
    for (const kind of ['holidays', 'cuti_bersama'] as const) {
      const list = y[kind] ?? []
      if (!Array.isArray(list)) throw bad(`${path}.${kind}`, 'must be a list')
      list.forEach((entry, i) => {
        const e = asObject(entry, `${path}.${kind}[${i}]`)
        const date = String(e.date)
        if (!isLocalDate(date) || !date.startsWith(key)) throw bad(`${path}.${kind}[${i}]`, `bad date ${date}`)
        days.set(date, { name: String(e.name ?? ''), kind: kind === 'holidays' ? 'holiday' : 'cuti_bersama' })
      })
    }
  }
  return { days, years: known }
}

export function holidaysKnown(year: number, calendar: HolidayCalendar): boolean {
  return calendar.years.has(year)
}

export function isWorkingDay(date: LocalDate, calendar: HolidayCalendar): boolean {
  const dow = dayOfWeek(date)
  return dow !== 0 && dow !== 6 && !calendar.days.has(date)
}

/** The date itself when it is a working day, else the next one (Saturday, Sunday, holidays, cuti bersama skipped). */
export function nextWorkingDay(date: LocalDate, calendar: HolidayCalendar): LocalDate {
  let d = date
  for (let i = 0; i < 60 && !isWorkingDay(d, calendar); i++) d = addDays(d, 1)
  return d
}
