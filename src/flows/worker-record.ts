import { contributionStatus, listPayments, loadAccountInput, standingTotalIdr } from '../areas/contributions/index.js'
import { optOutsOf, type OptOut } from '../areas/notifications/index.js'
import { CATEGORY_RULES, findParticipantById } from '../areas/participants/index.js'
import { benefitJkkDeath, benefitJkm, loadRegulationSet, type Benefit } from '../areas/programmes/index.js'
import { protectedUntil } from '../areas/self-service/index.js'
import type { LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import { maskNik } from '../kernel/mask.js'
import type { Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { participantAccount } from './participant-account.js'

export interface FamilyBenefit {
  totalIdr: number
  lines: { item: string; amountIdr: number }[]
  notes: string[]
}

/** What a signed-in worker sees of themselves (issue 11 item 1): never anyone else's, never their full NIK. */
export interface WorkerRecord {
  kpj: string
  nikMasked: string
  name: string
  regencyCode: string
  category: string
  asOf: LocalDate
  status: string
  protectedUntil: LocalDate | null
  paidThrough: Month | null
  arrearsIdr: number
  creditIdr: number
  nextChange: { date: LocalDate; status: string } | null
  owed: { month: Month; amountIdr: number; overdue: boolean }[]
  /** The number to give at a channel (Pos, BRILink, Indomaret, Alfamart, a bank): the KPJ (the NIK works too). */
  payNo: string
  /** Newest first; a payment a channel partner reversed stays listed with `reversedAt` (Dibatalkan). */
  receipts: { receiptNo: string; paidOn: LocalDate; amountIdr: number; channel: string; reversedAt: string | null }[]
  /** What the standing payments paid in all: a reversed one is not counted. */
  receiptsTotalIdr: number
  benefitLevel: 'full' | 'partial' | 'none'
  family: { jkm: FamilyBenefit; jkkDeath: FamilyBenefit | null }
  optOuts: OptOut[]
}

const family = (b: Benefit): FamilyBenefit => ({ totalIdr: b.totalIdr, lines: b.lines.map((l) => ({ item: l.item, amountIdr: l.amountIdr })), notes: b.notes.map((n) => n.code) })

export async function workerRecord(sql: Sql, participantId: string, asOf: LocalDate): Promise<WorkerRecord> {
  const p = await findParticipantById(sql, participantId)
  if (!p) throw new DomainError('not_found', 'Peserta tidak ditemukan.')
  const account = await participantAccount(sql, p.id, asOf)
  const c = await loadAccountInput(sql, p, asOf)
  const status = contributionStatus(c.input, asOf)
  const paidMonths = account.months.filter((m) => m.state === 'paid').length
  const overdue = account.months.filter((m) => m.state === 'overdue').length
  const regs = loadRegulationSet()
  const payments = await listPayments(sql, p.id)
  const bpu = CATEGORY_RULES[p.category].statusRule === 'bpu_lapse'
  const jkm = benefitJkm({ date: asOf, contributionMonths: paidMonths, segment: bpu ? 'bpu' : 'pu', consecutivePaidMonths: paidMonths, arrearsMonths: overdue }, regs)
  const wageIdr = c.enrolment ? (c.enrolment.declaredIncomeIdr ?? c.enrolment.incomeBaseIdr ?? c.enrolment.wageIdr ?? null) : null
  const jkkDeath = wageIdr ? benefitJkkDeath({ date: asOf, wageIdr }, regs) : null
  return {
    kpj: p.kpj, nikMasked: maskNik(p.nik), name: p.name, regencyCode: p.regencyCode, category: p.category, asOf,
    status: account.status, protectedUntil: protectedUntil(c.input, asOf), paidThrough: account.paidThrough, arrearsIdr: account.arrearsIdr,
    creditIdr: account.creditIdr, nextChange: account.nextChange,
    owed: account.months.filter((m) => (m.state === 'overdue' || m.state === 'open') && m.dueIdr > m.paidIdr).map((m) => ({ month: m.month, amountIdr: m.dueIdr - m.paidIdr, overdue: m.state === 'overdue' })),
    payNo: p.kpj,
    receipts: payments.map((r) => ({ receiptNo: r.receiptNo, paidOn: r.paidOn, amountIdr: r.amountIdr, channel: r.channel, reversedAt: r.reversedAt ? r.reversedAt.toISOString() : null })),
    receiptsTotalIdr: standingTotalIdr(payments),
    benefitLevel: status.benefit.level,
    family: { jkm: family(jkm), jkkDeath: jkkDeath ? family(jkkDeath) : null },
    optOuts: (await optOutsOf(sql, [p.id])).get(p.id) ?? [],
  }
}
