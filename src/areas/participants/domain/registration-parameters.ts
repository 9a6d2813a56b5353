import { DomainError, isMonth, monthOfDate, type LocalDate, type Month } from '../../../kernel/index.js'

/** One dated, cited value of a registration parameter (reference/registration-rules.yaml). */
export interface DatedValue {
  from: Month
  to: Month | null
  value: number
  citation: string
  evidence: string
}

/** Flagged parameters the caller supplies; the default comes from reference/registration-rules.yaml. */
export interface RegistrationRules {
  bpuAgeLimitYears: readonly DatedValue[]
  bpuMinDeclaredIncomeIdr: readonly DatedValue[]
  maxOccupations: readonly DatedValue[]
}

/** The values in force on one registration date, each with its citation and evidence label. */
export interface RegistrationLimits {
  bpuAgeLimitYears: DatedValue
  bpuMinDeclaredIncomeIdr: DatedValue
  maxOccupations: DatedValue
}

const PARAMETERS = {
  bpuAgeLimitYears: 'bpu_age_limit_years',
  bpuMinDeclaredIncomeIdr: 'bpu_min_declared_income_idr',
  maxOccupations: 'max_occupations',
} as const satisfies Record<keyof RegistrationRules, string>

function month(value: unknown, where: string): Month {
  const text = value instanceof Date ? value.toISOString().slice(0, 7) : value
  if (typeof text !== 'string' || !isMonth(text)) throw new Error(`${where} must be a month YYYY-MM`)
  return text
}

function parsePeriods(raw: unknown, name: string): DatedValue[] {
  const parameter = (raw ?? {}) as { periods?: unknown }
  if (!Array.isArray(parameter.periods) || parameter.periods.length === 0) throw new Error(`registration rules: ${name} needs periods`)
  const periods = parameter.periods.map((p: Record<string, unknown>, i): DatedValue => {
    const where = `registration rules: ${name}.periods[${i}]`
    if (typeof p.value !== 'number' || !Number.isSafeInteger(p.value) || p.value < 0) throw new Error(`${where}.value must be a whole number`)
    if (typeof p.citation !== 'string' || typeof p.evidence !== 'string') throw new Error(`${where} needs citation and evidence`)
    return { from: month(p.from, `${where}.from`), to: p.to == null ? null : month(p.to, `${where}.to`), value: p.value, citation: p.citation, evidence: p.evidence }
  })
  periods.sort((a, b) => a.from.localeCompare(b.from))
  for (let i = 1; i < periods.length; i++) {
    const before = periods[i - 1]!
    if (before.to === null || before.to >= periods[i]!.from) throw new Error(`registration rules: ${name} periods overlap at ${periods[i]!.from}`)
  }
  return periods
}

/** Reads the parsed YAML of reference/registration-rules.yaml. */
export function parseRegistrationRules(raw: unknown): RegistrationRules {
  const parameters = ((raw ?? {}) as { parameters?: Record<string, unknown> }).parameters ?? {}
  return {
    bpuAgeLimitYears: parsePeriods(parameters[PARAMETERS.bpuAgeLimitYears], PARAMETERS.bpuAgeLimitYears),
    bpuMinDeclaredIncomeIdr: parsePeriods(parameters[PARAMETERS.bpuMinDeclaredIncomeIdr], PARAMETERS.bpuMinDeclaredIncomeIdr),
    maxOccupations: parsePeriods(parameters[PARAMETERS.maxOccupations], PARAMETERS.maxOccupations),
  }
}

function valueAt(periods: readonly DatedValue[], at: Month, name: string): DatedValue {
  for (const period of periods) {
    if (period.from <= at && (period.to === null || at <= period.to)) return period
  }
  throw new DomainError('no_rule_for_period', `Tidak ada aturan ${name} untuk bulan ${at}.`, { parameter: name, month: at })
}

const resolved = new WeakMap<RegistrationRules, Map<Month, RegistrationLimits>>()

let last: { rules?: RegistrationRules; month: Month; limits?: RegistrationLimits } = { month: '' }

/** The limits in force in the month of `date` (resolved once per month and remembered; rows mostly share one date). */
export function registrationLimitsAt(rules: RegistrationRules, date: LocalDate): RegistrationLimits {
  if (rules === last.rules && last.limits && date.startsWith(last.month)) return last.limits
  const month = monthOfDate(date)
  const limits = limitsForMonth(rules, month)
  last = { rules, month, limits }
  return limits
}

function limitsForMonth(rules: RegistrationRules, at: Month): RegistrationLimits {
  let byMonth = resolved.get(rules)
  if (!byMonth) {
    byMonth = new Map()
    resolved.set(rules, byMonth)
  }
  let limits = byMonth.get(at)
  if (!limits) {
    limits = {
      bpuAgeLimitYears: valueAt(rules.bpuAgeLimitYears, at, PARAMETERS.bpuAgeLimitYears),
      bpuMinDeclaredIncomeIdr: valueAt(rules.bpuMinDeclaredIncomeIdr, at, PARAMETERS.bpuMinDeclaredIncomeIdr),
      maxOccupations: valueAt(rules.maxOccupations, at, PARAMETERS.maxOccupations),
    }
    byMonth.set(at, limits)
  }
  return limits
}
