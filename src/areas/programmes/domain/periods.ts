import { DomainError } from '../../../kernel/errors.js'
import { addDays, isLocalDate } from '../../../kernel/dates.js'
import { isMonth, monthFromIndex, monthIndex } from '../../../kernel/month.js'

/** Evidence labels of regulations.md: how sure we are of a figure. */
export const EVIDENCE_LABELS = ['V-REG', 'V-EXC', 'C2', 'S1', 'R'] as const
export type Evidence = (typeof EVIDENCE_LABELS)[number]

/** One dated row of a parameter. `unknown` rows carry no value: a quote that needs one fails naming it. */
export interface Period<T> {
  readonly from: string
  readonly to: string | null
  readonly value: T
  readonly unknown: boolean
  readonly citation: string
  readonly evidence: Evidence
  readonly note?: string
}

interface ParameterInfo {
  /** `<file>.<parameter>`, e.g. `pu.jp_wage_cap_idr`. */
  readonly key: string
  readonly description: string
  readonly unit: string
}

/** A parameter dated by contribution month, with an O(1) lookup by month index built once at parse time. */
export class MonthParameter<T> implements ParameterInfo {
  readonly datedBy = 'month' as const
  private readonly rowAt: Int16Array

  constructor(
    readonly key: string,
    readonly description: string,
    readonly unit: string,
    readonly periods: readonly Period<T>[],
    readonly firstIndex: number,
    /** Last month index covered by a closed row; months after it take the last row when that row is open-ended. */
    private readonly lastIndex: number,
    private readonly openEnded: boolean,
  ) {
    this.rowAt = new Int16Array(lastIndex - firstIndex + 1)
    for (let r = 0; r < periods.length; r++) {
      const p = periods[r] as Period<T>
      const from = monthIndex(p.from) - firstIndex
      const to = p.to === null ? lastIndex - firstIndex : monthIndex(p.to) - firstIndex
      this.rowAt.fill(r, from, to + 1)
    }
  }

  /** The row in force in a month (by index), or undefined outside the dated range. */
  period(monthIdx: number): Period<T> | undefined {
    const i = monthIdx - this.firstIndex
    if (i < 0) return undefined
    if (i >= this.rowAt.length) return this.openEnded ? this.periods[this.periods.length - 1] : undefined
    return this.periods[this.rowAt[i] as number]
  }

  /** The row in force, or a DomainError naming this figure (`no_rule_for_period`, `unknown_figure`). */
  require(monthIdx: number): Period<T> {
    const p = this.period(monthIdx)
    if (p === undefined) throw noRule(this, monthFromIndex(monthIdx))
    if (p.unknown) throw unknownFigure(this, monthFromIndex(monthIdx), p)
    return p
  }

  value(monthIdx: number): T {
    return this.require(monthIdx).value
  }
}

/** A parameter dated by calendar date (benefits by the date of the event, PMI packages). Few rows: a linear scan. */
export class DateParameter<T> implements ParameterInfo {
  readonly datedBy = 'date' as const

  constructor(
    readonly key: string,
    readonly description: string,
    readonly unit: string,
    readonly periods: readonly Period<T>[],
  ) {}

  period(date: string): Period<T> | undefined {
    for (const p of this.periods) {
      if (date >= p.from && (p.to === null || date <= p.to)) return p
    }
    return undefined
  }

  require(date: string): Period<T> {
    const p = this.period(date)
    if (p === undefined) throw noRule(this, date)
    if (p.unknown) throw unknownFigure(this, date, p)
    return p
  }

  value(date: string): T {
    return this.require(date).value
  }
}

export type AnyParameter = MonthParameter<unknown> | DateParameter<unknown>

function noRule(param: ParameterInfo & { datedBy: 'month' | 'date' }, when: string): DomainError {
  return new DomainError('no_rule_for_period', `${param.key} (${param.description}) has no rule for ${when}`, {
    field: param.datedBy,
    figure: param.key,
    period: when,
  })
}

export function unknownFigure(param: ParameterInfo & { datedBy: 'month' | 'date' }, when: string, p: Period<unknown>, detail?: string): DomainError {
  const what = detail ? `${param.key}.${detail}` : param.key
  const range = `${p.from} – ${p.to ?? 'now'}`
  return new DomainError(
    'unknown_figure',
    `the figure ${what} (${param.description}) is not known for ${when} (period ${range}, ${p.citation})`,
    { field: param.datedBy, figure: what, period: when },
  )
}

export type ValueReader<T> = (raw: unknown, path: string) => T

/** Reads a parameter's raw YAML and checks its periods: sorted, no overlap, no gap, only the last one open. */
export function readParameter<T>(
  file: string,
  name: string,
  raw: unknown,
  readValue: ValueReader<T>,
): MonthParameter<T> | DateParameter<T> {
  const key = `${file}.${name}`
  const obj = asObject(raw, key)
  const datedBy = obj.dated_by
  if (datedBy !== 'month' && datedBy !== 'date') throw bad(key, 'dated_by must be month or date')
  const description = typeof obj.description === 'string' ? obj.description.trim() : name
  const unit = typeof obj.unit === 'string' ? obj.unit : ''
  const rows = obj.periods
  if (!Array.isArray(rows) || rows.length === 0) throw bad(key, 'periods must be a non-empty list')
  const periods = rows.map((row, i) => readPeriod(row, `${key}.periods[${i}]`, datedBy, readValue))
  checkContiguous(key, datedBy, periods)
  if (datedBy === 'date') return new DateParameter(key, description, unit, periods)
  const first = monthIndex(periods[0]!.from)
  const last = periods[periods.length - 1]!
  const lastIndex = last.to === null ? monthIndex(last.from) : monthIndex(last.to)
  return new MonthParameter(key, description, unit, periods, first, lastIndex, last.to === null)
}

function readPeriod<T>(raw: unknown, path: string, datedBy: 'month' | 'date', readValue: ValueReader<T>): Period<T> {
  const row = asObject(raw, path)
  const isStamp = datedBy === 'month' ? isMonth : isLocalDate
  const from = String(row.from ?? '')
  if (!isStamp(from)) throw bad(path, `from must be ${datedBy === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD'}, got ${from}`)
  const to = row.to === null || row.to === undefined ? null : String(row.to)
  if (to !== null && (!isStamp(to) || to < from)) throw bad(path, `to must be a ${datedBy} not before from, got ${to}`)
  const evidence = row.evidence as Evidence
  if (!EVIDENCE_LABELS.includes(evidence)) throw bad(path, `evidence must be one of ${EVIDENCE_LABELS.join(', ')}`)
  if (typeof row.citation !== 'string' || row.citation.trim() === '') throw bad(path, 'citation is required')
  const unknown = row.unknown === true
  if (unknown && row.value !== undefined) throw bad(path, 'an unknown period carries no value')
  const value = unknown ? (undefined as T) : readValue(row.value, `${path}.value`)
  const note = typeof row.note === 'string' ? row.note.trim() : undefined
  return { from, to, value, unknown, citation: row.citation.trim(), evidence, ...(note ? { note } : {}) }
}

function checkContiguous(key: string, datedBy: 'month' | 'date', periods: readonly Period<unknown>[]): void {
  for (let i = 1; i < periods.length; i++) {
    const prev = periods[i - 1]!
    const cur = periods[i]!
    if (prev.to === null) {
      throw new DomainError('overlapping_periods', `${key}: the open period from ${prev.from} overlaps ${cur.from}`, { figure: key })
    }
    const expected = datedBy === 'month' ? monthFromIndex(monthIndex(prev.to) + 1) : addDays(prev.to, 1)
    if (cur.from < expected) {
      throw new DomainError('overlapping_periods', `${key}: period from ${cur.from} overlaps the one ending ${prev.to}`, { figure: key })
    }
    if (cur.from > expected) {
      throw new DomainError('no_rule_for_period', `${key}: gap between ${prev.to} and ${cur.from} (add an unknown row)`, { figure: key })
    }
  }
}

export function asObject(raw: unknown, path: string): Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw bad(path, 'must be a mapping')
  return raw as Record<string, unknown>
}

export function bad(path: string, message: string): DomainError {
  return new DomainError('invalid_input', `regulations ${path}: ${message}`, { figure: path })
}
