import { applyRateppm } from '../../../kernel/money.js'
import { monthOfDate, type Month } from '../../../kernel/month.js'
import type { LocalDate } from '../../../kernel/dates.js'
import { schemeFor, type AgentRules, type CommissionScheme } from './scheme.js'

/** A contribution the agent collected (a payment through the agent's cash account), and its reversal if any. */
export interface CollectionFact {
  paymentId: string
  collectedOn: LocalDate
  amountIdr: number
  reversedOn: LocalDate | null
}

/** A new participant the agent registered (not a NIK that was already registered), with its programme count. */
export interface RegistrationFact {
  participantId: string
  registeredOn: LocalDate
  programmes: number
}

export type StatementLineKind = 'collection' | 'clawback' | 'acquisition' | 'wadah_share'

export interface StatementLine {
  kind: StatementLineKind
  /** The month whose scheme priced the line (a clawback is priced at its collection's month). */
  schemeMonth: Month
  baseIdr: number
  rateppm: number | null
  amountIdr: number
  count: number
  evidence: string
}

export interface CommissionStatement {
  month: Month
  lines: StatementLine[]
  /** What the agent earns for the month (negative when clawbacks exceed it: carried to the next payout). */
  totalIdr: number
  /** What the wadah earns for the month beside it (or takes from it, per the scheme). */
  wadahIdr: number
  collectedIdr: number
  newParticipants: number
  scheme: { from: Month; to: Month | null; citation: string; evidence: string } | null
}

function acquisitionIdr(scheme: CommissionScheme, registrations: readonly RegistrationFact[]): number {
  const rule = scheme.acquisition
  if (registrations.length < rule.threshold) return 0
  if (rule.kind === 'flat_at_threshold') return rule.amountIdr
  return registrations.reduce((sum, r) => sum + (rule.amountIdrByProgrammes[Math.min(r.programmes, 3)] ?? 0), 0)
}

/** Collections of the month at the month's rate, and reversals in the month of earlier collections at their own month's rate. */
function collectionLines(month: Month, rules: AgentRules, collections: readonly CollectionFact[]): StatementLine[] {
  const lines = new Map<string, StatementLine>()
  const add = (kind: 'collection' | 'clawback', schemeMonth: Month, amountIdr: number) => {
    const scheme = schemeFor(rules, schemeMonth)
    if (!scheme) return
    const key = `${kind}|${schemeMonth}`
    const line = lines.get(key) ?? { kind, schemeMonth, baseIdr: 0, rateppm: scheme.collectionRateppm, amountIdr: 0, count: 0, evidence: scheme.evidence }
    line.baseIdr += kind === 'collection' ? amountIdr : -amountIdr
    line.count += 1
    lines.set(key, line)
  }
  for (const c of collections) {
    if (monthOfDate(c.collectedOn) === month) add('collection', month, c.amountIdr)
    if (c.reversedOn !== null && monthOfDate(c.reversedOn) === month) add('clawback', monthOfDate(c.collectedOn), c.amountIdr)
  }
  // a rate applies to the month's total per line (one rounding per line, half up as applyRateppm does)
  return [...lines.values()].map((l) => ({ ...l, amountIdr: l.baseIdr < 0 ? -applyRateppm(-l.baseIdr, l.rateppm!) : applyRateppm(l.baseIdr, l.rateppm!) }))
    .sort((a, b) => (a.kind === b.kind ? (a.schemeMonth < b.schemeMonth ? -1 : 1) : a.kind === 'collection' ? -1 : 1))
}

/**
 * The monthly incentive statement of one agent (issue 10 item 5), pure: the month's scheme prices the month's
 * collections and new participants; a reversal claws back the incentive of its collection at that collection's rate,
 * in the month of the reversal. The wadah's share is shown as its own line: deducted from the agent (2018 scheme) or
 * paid beside it (later schemes), per the data.
 */
export function commissionStatement(month: Month, rules: AgentRules, collections: readonly CollectionFact[], registrations: readonly RegistrationFact[]): CommissionStatement {
  const scheme = schemeFor(rules, month)
  const lines = collectionLines(month, rules, collections)
  const newOnes = registrations.filter((r) => monthOfDate(r.registeredOn) === month)
  if (scheme) {
    const bonus = acquisitionIdr(scheme, newOnes)
    if (bonus > 0) lines.push({ kind: 'acquisition', schemeMonth: month, baseIdr: 0, rateppm: null, amountIdr: bonus, count: newOnes.length, evidence: scheme.evidence })
  }
  const grossIdr = lines.reduce((sum, l) => sum + l.amountIdr, 0)
  const wadahIdr = scheme && grossIdr > 0 ? applyRateppm(grossIdr, scheme.wadahShareppm) : 0
  if (scheme && wadahIdr > 0) {
    lines.push({ kind: 'wadah_share', schemeMonth: month, baseIdr: grossIdr, rateppm: scheme.wadahShareppm, amountIdr: scheme.wadahShareFromAgent ? -wadahIdr : 0, count: 0, evidence: scheme.evidence })
  }
  const collectedIdr = collections.filter((c) => monthOfDate(c.collectedOn) === month).reduce((sum, c) => sum + c.amountIdr, 0)
  return {
    month, lines, totalIdr: lines.reduce((sum, l) => sum + l.amountIdr, 0), wadahIdr, collectedIdr, newParticipants: newOnes.length,
    scheme: scheme ? { from: scheme.from, to: scheme.to, citation: scheme.citation, evidence: scheme.evidence } : null,
  }
}
