import { DomainError } from '../../../kernel/errors.js'
import { isLocalDate } from '../../../kernel/dates.js'
import { isMonth } from '../../../kernel/month.js'
import type { QuoteInput } from './quote-types.js'
import {
  BPU_PAYERS,
  PMI_VIA,
  PROGRAMMES,
  SCALES,
  SECTORS,
  SEGMENTS,
  type BpuPayer,
  type Programme,
  type RiskGroup,
  type Segment,
} from './types.js'

/** Raw quote fields as the CLI flags (camelCase) or the HTTP body give them: strings or numbers. */
export type RawQuoteInput = Record<string, unknown>

const FIELDS_BY_SEGMENT: Record<Segment, readonly string[]> = {
  pu: ['wage', 'riskGroup', 'scale', 'paidOn', 'pp72025', 'jkp'],
  bpu: ['income', 'programmes', 'sector', 'payer', 'paidOn'],
  pmi: ['contractMonths', 'via', 'extraMonths', 'date'],
  jakon: ['contractValue', 'wage'],
  non_asn: ['honorarium', 'riskGroup'],
  pemilu: ['honorarium', 'riskGroup'],
}
const ALL_FIELDS = new Set(Object.values(FIELDS_BY_SEGMENT).flat())

function missing(field: string, why: string): DomainError {
  return new DomainError('missing_field', `${field} is required ${why}`, { field })
}

function present(raw: RawQuoteInput, field: string): boolean {
  return raw[field] !== undefined && raw[field] !== null && raw[field] !== ''
}

/** A whole number of rupiah (or months) ≥ 0, from a JSON number or a string of digits. */
export function readWhole(value: unknown, field: string, what = 'a whole number of rupiah'): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().replace(/_/g, '') : ''
  if (/^-\d+(\.\d+)?$/.test(text)) throw new DomainError('out_of_range', `${field} must not be negative, got ${text}`, { field })
  const n = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) {
    throw new DomainError('invalid_input', `${field} must be ${what}, got '${String(value)}'`, { field })
  }
  return n
}

function readChoice<T extends string>(value: unknown, field: string, options: readonly T[]): T {
  const v = String(value).trim().toLowerCase()
  if (!options.includes(v as T)) throw new DomainError('unknown_code', `${field} must be one of ${options.join(', ')}, got '${String(value)}'`, { field })
  return v as T
}

function readRiskGroup(value: unknown): RiskGroup {
  const n = readWhole(value, 'riskGroup', 'a risk group 1–5')
  if (n < 1 || n > 5) throw new DomainError('out_of_range', `riskGroup must be 1–5 (PP 44/2015 Pasal 16), got ${n}`, { field: 'riskGroup' })
  return n as RiskGroup
}

function readDate(value: unknown, field: string): string {
  const v = String(value).trim()
  if (!isLocalDate(v)) throw new DomainError('invalid_date', `${field} must be a date YYYY-MM-DD, got '${v}'`, { field })
  return v
}

function readBool(value: unknown, field: string): boolean {
  if (value === true || value === 'true' || value === '1' || value === 1) return true
  if (value === false || value === 'false' || value === '0' || value === 0) return false
  throw new DomainError('invalid_input', `${field} must be true or false`, { field })
}

function readProgrammes(value: unknown): Programme[] {
  const list = Array.isArray(value) ? value.map(String) : String(value).split(',')
  const out = list.map((p) => readChoice(p, 'programmes', PROGRAMMES))
  if (!out.includes('jkk') || !out.includes('jkm')) {
    throw new DomainError('invalid_input', 'programmes must include jkk and jkm (BPU: jkk,jkm[,jht])', { field: 'programmes' })
  }
  if (out.includes('jp')) throw new DomainError('not_eligible', 'programmes: JP is not open to BPU (PP 45/2015 Pasal 2)', { field: 'programmes' })
  return [...new Set(out)]
}

/** Validates raw fields into a QuoteInput; every error names its field (CLI: the flag) and the reason. */
export function parseQuoteInput(raw: RawQuoteInput): QuoteInput {
  if (!present(raw, 'segment')) throw missing('segment', `(one of ${SEGMENTS.join(', ')})`)
  const segment = readChoice(raw.segment, 'segment', SEGMENTS)
  if (!present(raw, 'month')) throw missing('month', '(YYYY-MM)')
  const month = String(raw.month).trim()
  if (!isMonth(month)) throw new DomainError('invalid_month', `month must be YYYY-MM with a month 01–12, got '${month}'`, { field: 'month' })
  for (const field of Object.keys(raw)) {
    if (field === 'segment' || field === 'month' || !present(raw, field)) continue
    if (!ALL_FIELDS.has(field)) throw new DomainError('invalid_input', `${field} is not a quote field`, { field })
    if (!FIELDS_BY_SEGMENT[segment].includes(field)) {
      throw new DomainError('invalid_input', `${field} does not apply to segment ${segment}`, { field })
    }
  }
  const need = (field: string): unknown => {
    if (!present(raw, field)) throw missing(field, `for segment ${segment}`)
    return raw[field]
  }
  switch (segment) {
    case 'pu':
      return {
        segment, month,
        wageIdr: readWhole(need('wage'), 'wage'),
        riskGroup: readRiskGroup(need('riskGroup')),
        scale: readChoice(need('scale'), 'scale', SCALES),
        ...(present(raw, 'paidOn') ? { paidOn: readDate(raw.paidOn, 'paidOn') } : {}),
        ...(present(raw, 'pp72025') ? { pp72025: readBool(raw.pp72025, 'pp72025') } : {}),
        ...(present(raw, 'jkp') ? { jkp: readBool(raw.jkp, 'jkp') } : {}),
      }
    case 'bpu':
      return {
        segment, month,
        incomeIdr: readWhole(need('income'), 'income'),
        programmes: present(raw, 'programmes') ? readProgrammes(raw.programmes) : ['jkk', 'jkm'],
        ...(present(raw, 'sector') ? { sector: readChoice(raw.sector, 'sector', SECTORS) } : {}),
        payer: present(raw, 'payer') ? readChoice<BpuPayer>(raw.payer, 'payer', BPU_PAYERS) : 'self',
        ...(present(raw, 'paidOn') ? { paidOn: readDate(raw.paidOn, 'paidOn') } : {}),
      }
    case 'pmi': {
      const contractMonths = readWhole(need('contractMonths'), 'contractMonths', 'a number of months')
      if (contractMonths !== 6 && contractMonths !== 12 && contractMonths !== 24) {
        throw new DomainError('out_of_range', `contractMonths must be 6, 12 or 24 (Permenaker 4/2023 Pasal 18), got ${contractMonths}`, { field: 'contractMonths' })
      }
      return {
        segment, month, contractMonths,
        via: readChoice(need('via'), 'via', PMI_VIA),
        ...(present(raw, 'extraMonths') ? { extraMonths: readWhole(raw.extraMonths, 'extraMonths', 'a number of months') } : {}),
        ...(present(raw, 'date') ? { date: readDate(raw.date, 'date') } : {}),
      }
    }
    case 'jakon': {
      if (!present(raw, 'contractValue') && !present(raw, 'wage')) throw missing('contractValue', 'for segment jakon (or wage when wages are known)')
      if (present(raw, 'contractValue') && present(raw, 'wage')) {
        throw new DomainError('invalid_input', 'contractValue and wage exclude each other (PP 44/2015 Pasal 54(1) vs 54(2))', { field: 'wage' })
      }
      return present(raw, 'wage')
        ? { segment, month, wageIdr: readWhole(raw.wage, 'wage') }
        : { segment, month, contractValueIdr: readWhole(raw.contractValue, 'contractValue') }
    }
    case 'non_asn':
    case 'pemilu':
      return {
        segment, month,
        honorariumIdr: readWhole(need('honorarium'), 'honorarium'),
        ...(present(raw, 'riskGroup') ? { riskGroup: readRiskGroup(raw.riskGroup) } : {}),
      }
  }
}
