import { DomainError } from '../../../kernel/errors.js'
import { isMonth, type Month } from '../../../kernel/month.js'

/** How the acquisition incentive of a month is earned (reference/agen-perisai.yaml). */
export type AcquisitionRule =
  | { kind: 'flat_at_threshold'; threshold: number; amountIdr: number }
  | { kind: 'per_worker_at_threshold'; threshold: number; amountIdrByProgrammes: Readonly<Record<number, number>> }

/** One dated incentive scheme of Agen Perisai: what applies to the production of a month from `from` to `to`. */
export interface CommissionScheme {
  from: Month
  to: Month | null
  collectionRateppm: number
  acquisition: AcquisitionRule
  wadahShareppm: number
  /** true: the wadah's share is taken from the agent's incentive (2018: agent 90 %); false: paid beside it. */
  wadahShareFromAgent: boolean
  citation: string
  evidence: string
}

export interface AgentRules {
  schemes: readonly CommissionScheme[]
  /** An agent without production (registration or collection) for this many months counts as inactive. */
  inactiveAfterMonths: number
  statusEvidence: string
}

const EVIDENCE = new Set(['V-REG', 'V-EXC', 'C2', 'S1', 'R'])

function bad(message: string): never {
  throw new DomainError('invalid_input', `reference/agen-perisai.yaml: ${message}`, { field: 'agen-perisai' })
}

const wholeIdr = (v: unknown, what: string): number => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : bad(`${what} must be whole rupiah ≥ 0`))
const ppm = (v: unknown, what: string): number => (Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 1_000_000 ? (v as number) : bad(`${what} must be ppm 0–1,000,000`))

function parseAcquisition(raw: Record<string, unknown>): AcquisitionRule {
  const threshold = wholeIdr(raw.threshold, 'acquisition.threshold')
  if (raw.kind === 'flat_at_threshold') return { kind: 'flat_at_threshold', threshold, amountIdr: wholeIdr(raw.amount_idr, 'acquisition.amount_idr') }
  if (raw.kind === 'per_worker_at_threshold') {
    const table = (raw.amount_idr_by_programmes ?? bad('acquisition.amount_idr_by_programmes is missing')) as Record<string, unknown>
    const amountIdrByProgrammes = Object.fromEntries(Object.entries(table).map(([k, v]) => [Number(k), wholeIdr(v, `acquisition amount for ${k} programmes`)]))
    return { kind: 'per_worker_at_threshold', threshold, amountIdrByProgrammes }
  }
  return bad(`unknown acquisition kind ${String(raw.kind)}`)
}

function parseScheme(raw: Record<string, unknown>): CommissionScheme {
  const from = String(raw.from)
  const to = raw.to === null || raw.to === undefined ? null : String(raw.to)
  if (!isMonth(from) || (to !== null && (!isMonth(to) || to < from))) bad(`scheme period ${from}…${String(to)} is not YYYY-MM…YYYY-MM`)
  const evidence = String(raw.evidence)
  if (!EVIDENCE.has(evidence)) bad(`unknown evidence label ${evidence}`)
  if (typeof raw.citation !== 'string' || raw.citation.trim() === '') bad(`scheme from ${from} has no citation`)
  return {
    from, to, collectionRateppm: ppm(raw.collection_rate_ppm, 'collection_rate_ppm'), acquisition: parseAcquisition((raw.acquisition ?? {}) as Record<string, unknown>),
    wadahShareppm: ppm(raw.wadah_share_ppm, 'wadah_share_ppm'), wadahShareFromAgent: raw.wadah_share_from_agent === true, citation: raw.citation, evidence,
  }
}

/** Parses and checks the file: schemes in order, without gaps or overlaps, the last one open or closed. */
export function parseAgentRules(raw: unknown): AgentRules {
  const doc = (raw ?? {}) as { schemes?: unknown; status_rule?: Record<string, unknown> }
  if (!Array.isArray(doc.schemes) || doc.schemes.length === 0) bad('no schemes')
  const schemes = doc.schemes.map((s) => parseScheme(s as Record<string, unknown>)).sort((a, b) => (a.from < b.from ? -1 : 1))
  for (let i = 1; i < schemes.length; i += 1) {
    const prev = schemes[i - 1]!
    if (prev.to === null || prev.to >= schemes[i]!.from) bad(`schemes from ${prev.from} and ${schemes[i]!.from} overlap`)
  }
  const months = doc.status_rule?.inactive_after_months
  if (!Number.isSafeInteger(months) || (months as number) < 1) bad('status_rule.inactive_after_months must be a whole number ≥ 1')
  return { schemes, inactiveAfterMonths: months as number, statusEvidence: String(doc.status_rule?.evidence ?? 'R') }
}

/** The scheme that applies to the production of `month`, or null before the first one (Perisai began 2018-02). */
export function schemeFor(rules: Pick<AgentRules, 'schemes'>, month: Month): CommissionScheme | null {
  return rules.schemes.find((s) => s.from <= month && (s.to === null || month <= s.to)) ?? null
}
