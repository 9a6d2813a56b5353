import { monthIndex, type Month } from '../../../kernel/month.js'
import { quote, quoteBpuMonthly, type HolidayCalendar, type RegulationSet } from '../../programmes/domain/index.js'
import type { ProgrammeGroup } from './programme.js'

/**
 * What a programme pays for one member-month, and its invoice lines (issue 8 item 3). BPU groups are quoted by the
 * BPU engine with the payer `pemda`: an APBD payer gets no PP 50/2025 discount (regulations.md §1.5 (b), E13), so
 * Rp16,800 at the lowest base in every month. Non-ASN groups use the state-worker basis (flagged, DESIGN.md §7).
 */
export interface ChargeLine {
  programme: 'JKK' | 'JKM' | 'JHT'
  amountIdr: number
}

export interface MemberCharge {
  lines: ChargeLine[]
  totalIdr: number
}

export type ChargeOf = (group: ProgrammeGroup, month: Month) => MemberCharge

/** A cached charge function over the engine: one quote per group and month. */
export function chargeTable(programmes: readonly string[], regs: RegulationSet, calendar: HolidayCalendar): ChargeOf {
  const cache = new Map<string, MemberCharge>()
  const withJht = programmes.includes('jht')
  return (group, month) => {
    const key = `${group.category}|${group.incomeIdr}|${month}`
    let charge = cache.get(key)
    if (charge) return charge
    let lines: ChargeLine[]
    if (group.category === 'bpu') {
      const q = quoteBpuMonthly(regs, monthIndex(month), group.incomeIdr, withJht, 'other', 'pemda')
      lines = [{ programme: 'JKK', amountIdr: q.jkkIdr }, { programme: 'JKM', amountIdr: q.jkmIdr }]
      if (withJht) lines.push({ programme: 'JHT', amountIdr: q.jhtIdr })
    } else {
      const q = quote({ segment: 'non_asn', month, honorariumIdr: group.incomeIdr }, regs, calendar)
      lines = q.lines.filter((l) => l.programme === 'jkk' || l.programme === 'jkm').map((l) => ({ programme: l.programme.toUpperCase() as 'JKK' | 'JKM', amountIdr: l.amountIdr }))
    }
    charge = { lines, totalIdr: lines.reduce((t, l) => t + l.amountIdr, 0) }
    cache.set(key, charge)
    return charge
  }
}

/** One member-month to bill. */
export interface MemberMonth {
  participantId: string
  groupCode: string
  month: Month
}

export interface InvoiceLineDraft {
  group: string
  position: number
  workers: number
  memberMonths: number
  amountIdr: number
}

export interface InvoiceDraft {
  workers: number
  memberMonths: number
  amountIdr: number
  lines: InvoiceLineDraft[]
  items: Array<MemberMonth & { amountIdr: number }>
}

/** Groups the member-months into one line per cohort group (in the programme's order; a group with nobody is a zero line). */
export function draftInvoice(groups: readonly ProgrammeGroup[], memberMonths: readonly MemberMonth[], chargeOf: ChargeOf): InvoiceDraft {
  const byCode = new Map(groups.map((g, position) => [g.code, { group: g, position, workers: new Set<string>(), memberMonths: 0, amountIdr: 0 }]))
  const items: InvoiceDraft['items'] = []
  const everyone = new Set<string>()
  for (const mm of memberMonths) {
    const line = byCode.get(mm.groupCode)
    if (!line) throw new Error(`member-month of unknown group ${mm.groupCode}`)
    const amountIdr = chargeOf(line.group, mm.month).totalIdr
    line.workers.add(mm.participantId)
    everyone.add(mm.participantId)
    line.memberMonths++
    line.amountIdr += amountIdr
    items.push({ ...mm, amountIdr })
  }
  const lines = [...byCode.values()].map((l) => ({ group: l.group.code, position: l.position, workers: l.workers.size, memberMonths: l.memberMonths, amountIdr: l.amountIdr }))
  return {
    workers: everyone.size, memberMonths: memberMonths.length, amountIdr: lines.reduce((t, l) => t + l.amountIdr, 0), lines, items,
  }
}

/** Whether a stored invoice still bills exactly these member-months (re-running returns it; a changed cohort revises it). */
export function sameItems(stored: ReadonlyArray<{ participantId: string; month: Month; amountIdr: number }>, draft: InvoiceDraft['items']): boolean {
  if (stored.length !== draft.length) return false
  const key = (i: { participantId: string; month: Month; amountIdr: number }) => `${i.participantId}|${i.month}|${i.amountIdr}`
  const seen = new Set(stored.map(key))
  return draft.every((i) => seen.has(key(i)))
}
