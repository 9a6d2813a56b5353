/** Runs the data-driven rule cases of regulations/tests/*.yaml (pure functions or CLI); used by the tests only. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { isDomainError } from '../../kernel/errors.js'
import { benefitJkkDeath, benefitJkm, benefitJkp, parseQuoteInput, quote, type HolidayCalendar, type RegulationSet } from './domain/index.js'
import { DEFAULT_REGULATIONS_DIR } from './regulation-files.js'

export interface RuleCase {
  name: string
  source?: string
  cli?: boolean
  quote?: Record<string, unknown>
  benefit?: 'jkm' | 'jkk-death' | 'jkp'
  input?: Record<string, unknown>
  expect?: Record<string, unknown>
  error?: { code: string; field?: string; figure?: string }
}

export const CASE_FILES = ['worked-examples', 'boundaries', 'errors'] as const

export function loadCases(file: string): RuleCase[] {
  return parse(readFileSync(join(DEFAULT_REGULATIONS_DIR, 'tests', `${file}.yaml`), 'utf8')) as RuleCase[]
}

function benefit(c: RuleCase, regs: RegulationSet): unknown {
  const i = c.input ?? {}
  const date = String(i.date)
  const children = (i.children as string[] | undefined ?? []) as never[]
  switch (c.benefit) {
    case 'jkm':
      return benefitJkm({
        date, contributionMonths: Number(i.contributionMonths), children,
        ...(i.segment ? { segment: i.segment as 'bpu' } : {}),
        ...(i.consecutivePaidMonths !== undefined ? { consecutivePaidMonths: Number(i.consecutivePaidMonths) } : {}),
        ...(i.arrearsMonths !== undefined ? { arrearsMonths: Number(i.arrearsMonths) } : {}),
      }, regs)
    case 'jkk-death':
      return benefitJkkDeath({ date, wageIdr: Number(i.wage), children }, regs)
    default:
      return benefitJkp({ date, wageIdr: Number(i.wage) }, regs)
  }
}

export interface Outcome {
  result?: Record<string, unknown>
  error?: { code: string; field?: string; figure?: string; message: string }
}

export function runPure(c: RuleCase, regs: RegulationSet, calendar: HolidayCalendar): Outcome {
  try {
    const result = c.quote ? quote(parseQuoteInput(c.quote), regs, calendar) : benefit(c, regs)
    return { result: result as Record<string, unknown> }
  } catch (error) {
    if (!isDomainError(error)) throw error
    const d = error.details
    return { error: { code: error.code, message: error.message, ...(d.field ? { field: d.field } : {}), ...(d.figure ? { figure: String(d.figure) } : {}) } }
  }
}

const kebab = (field: string): string => (field === 'pp72025' ? 'pp7-2025' : field.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`))

/** The CLI arguments of a case: `quote --json --segment=pu ...` or `benefit jkm --json ...`. */
export function cliArgs(c: RuleCase): string[] {
  const fields = c.quote ?? c.input ?? {}
  const args = c.quote ? ['quote', '--json'] : ['benefit', String(c.benefit), '--json']
  for (const [k, v] of Object.entries(fields)) {
    if (v === true) args.push(`--${kebab(k)}`)
    else if (v === false) args.push(`--no-${kebab(k)}`)
    else args.push(`--${kebab(k)}=${Array.isArray(v) ? v.join(',') : String(v)}`)
  }
  return args
}

type Obj = Record<string, unknown>

function lineKey(line: Obj): string[] {
  if (typeof line.item === 'string') return [line.item]
  if (line.programme === 'denda') return [`denda/${String(line.finedProgramme)}/${String(line.finedPayer)}`]
  if (line.programme === 'jkk_jkm') return [`jkk_jkm/${String(line.phase)}`]
  return [`${String(line.programme)}/${String(line.payer)}`]
}

function checkKeyed(path: string, actual: unknown, expected: Obj, keyOf: (o: Obj) => string[], out: string[]): void {
  const list = (actual ?? []) as Obj[]
  if (Object.keys(expected).length === 0 && list.length > 0) out.push(`${path}: expected none, got ${list.length}`)
  for (const [key, want] of Object.entries(expected)) {
    const found = list.find((o) => keyOf(o).includes(key))
    if (!found) {
      out.push(`${path}.${key}: missing (have ${list.map((o) => keyOf(o)[0]).join(', ')})`)
      continue
    }
    if (typeof want === 'number') {
      if (found.amountIdr !== want) out.push(`${path}.${key}: amountIdr ${String(found.amountIdr)} ≠ ${want}`)
    } else checkPartial(`${path}.${key}`, found, want, out)
  }
}

/** Partial deep comparison: every key given in `expected` must match; lists of objects match by inclusion. */
export function checkPartial(path: string, actual: unknown, expected: unknown, out: string[] = []): string[] {
  if (path === '' && expected && typeof expected === 'object') {
    const e = expected as Obj
    const a = actual as Obj
    for (const [k, v] of Object.entries(e)) {
      if (k === 'lines') checkKeyed('lines', a.lines, v as Obj, lineKey, out)
      else if (k === 'notBilled') checkKeyed('notBilled', a.notBilled, v as Obj, (o) => [`${String(o.programme)}/${String(o.payer)}`], out)
      else if (k === 'allocations') checkKeyed('allocations', a.allocations, v as Obj, (o) => [`${String(o.from)}/${String(o.to)}`], out)
      else if (k === 'notes') {
        for (const want of v as Obj[]) {
          if (!((a.notes ?? []) as Obj[]).some((n) => checkPartial('', n, want, []).length === 0)) out.push(`notes: no note like ${JSON.stringify(want)}`)
        }
      } else checkPartial(k, a?.[k], v, out)
    }
    return out
  }
  if (Array.isArray(expected)) {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) out.push(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`)
  } else if (expected !== null && typeof expected === 'object') {
    for (const [k, v] of Object.entries(expected)) checkPartial(`${path}.${k}`, (actual as Obj | undefined)?.[k], v, out)
  } else if (actual !== expected) {
    out.push(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`)
  }
  return out
}
