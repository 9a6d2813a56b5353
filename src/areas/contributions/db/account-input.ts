import type { LocalDate } from '../../../kernel/dates.js'
import { DomainError } from '../../../kernel/errors.js'
import { monthIndex, type Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'
import { workerInvoiceLines } from '../../employers/index.js'
import { account, accountBalanceSql, accountEntriesJsonSql } from '../../ledger/index.js'
import { CATEGORY_RULES, enrolmentFromJson, enrolmentsOfParticipantSql, PARTICIPANT_COLUMNS, type EnrolmentRecord, type ParticipantRecord } from '../../participants/index.js'
import {
  loadHolidayCalendar, loadRegulationSet, newBpuAmounts, quoteBpuMonthly, type HolidayCalendar, type RegulationSet,
} from '../../programmes/index.js'
import { contributionDueDate, dueKindOf, monthSchedule, type DueKind, type MonthSchedule } from '../domain/due-dates.js'
import { LAPSE_RULE } from '../domain/lapse-rule.js'
import type { AccountInput, Due, Payer, ProtectionPeriod } from '../domain/types.js'
import { duesOfParticipantSql, type StoredDue } from './dues.js'

/** A tariff line of a month not billed yet: what takePayment creates when it pays ahead. */
export interface TariffLine {
  month: Month
  programme: 'JKK' | 'JKM' | 'JHT'
  payer: Payer
  amountIdr: number
  dueDate: LocalDate
}

export interface ParticipantContributions {
  input: AccountInput
  enrolment: EnrolmentRecord | null
  dues: StoredDue[]
  /** The month's lines from the engine (BPU only; [] for others). */
  linesOf(month: Month): TariffLine[]
}

/** End of a local (WITA) day: the ledger's "as of" for a date. */
export function endOfLocalDay(date: LocalDate): Date {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000 - 1)
}

function bpuLines(regs: RegulationSet, calendar: HolidayCalendar, e: EnrolmentRecord) {
  const incomeIdr = e.declaredIncomeIdr ?? e.incomeBaseIdr
  if (incomeIdr === null) throw new DomainError('invalid_state', 'the BPU enrolment has no declared income', { field: 'declaredIncomeIdr' })
  const withJht = e.programmes.includes('JHT')
  const out = newBpuAmounts()
  const payer = e.payer as Payer
  const bpuPayer = payer === 'employer' ? 'self' : payer
  return (month: Month): TariffLine[] => {
    const q = quoteBpuMonthly(regs, monthIndex(month), incomeIdr, withJht, e.sector ?? 'other', bpuPayer, out)
    const line = (programme: 'JKK' | 'JKM' | 'JHT', amountIdr: number): TariffLine => ({
      month, programme, payer, amountIdr, dueDate: contributionDueDate(month, dueKindOf('bpu', programme), regs.due, calendar).date,
    })
    const lines = [line('JKK', q.jkkIdr), line('JKM', q.jkmIdr)]
    if (withJht) lines.push(line('JHT', q.jhtIdr))
    return lines
  }
}

/**
 * What the worker pays for one month (`month`) on this enrolment, from the engine (the PP 50/2025 discount included):
 * BPU paid by the worker only; null when someone else pays (a pemda, the APBN, an employer), for a PU enrolment, or
 * when the engine cannot price that month (before the rules start, an income below the floor).
 */
export function monthlyContributionIdr(e: EnrolmentRecord, month: Month, regs: RegulationSet = loadRegulationSet(), out = newBpuAmounts()): number | null {
  if (e.segment !== 'bpu' || e.payer !== 'self') return null
  const incomeIdr = e.declaredIncomeIdr ?? e.incomeBaseIdr
  if (incomeIdr === null) return null
  try {
    const withJht = e.programmes.includes('JHT')
    const q = quoteBpuMonthly(regs, monthIndex(month), incomeIdr, withJht, e.sector ?? 'other', 'self', out)
    return q.jkkIdr + q.jkmIdr + (withJht ? q.jhtIdr : 0)
  } catch (error) {
    if (error instanceof DomainError) return null
    throw error
  }
}

/**
 * Everything the status engine needs about one participant, read from storage: their dues with settlements, the
 * schedule of months not billed yet (from the engine), the lapse rule, the ending, and the credit held in the ledger.
 * A worker whose employer carries the contributions (PU) has their employer invoice lines as dues (payer `employer`,
 * both the employer's and the worker's share: the employer pays both), settled on the invoice's payment date; the
 * status rule keeps them `aktif` whatever the employer owes, and the arrears shown are the employer's for them.
 */
export async function loadAccountInput(sql: Sql, participant: ParticipantRecord, asOf: LocalDate): Promise<ParticipantContributions> {
  const { enrolments, dues, balance } = await loadAccountRows(sql, participant.id, asOf)
  const employerDues = CATEGORY_RULES[participant.category].statusRule === 'employer_carries' ? await employerDuesOf(sql, participant.id) : []
  return accountInputOf(participant, enrolments, dues, employerDues, balance === 0 ? 0 : -balance)
}

// Enrolments, dues and the credit balance in ONE statement: this read starts every inquiry, payment and status refresh
// of one person, and each round trip costs both processes more than the rows do.
/** A participant's enrolments and dues as two JSON arrays (`id` their id: a `$n` or `p.id` of an outer `participants p`). */
const accountJsonColumns = (id: string) => `
  (select coalesce(json_agg(e order by e."createdAt", e.id), '[]'::json) from (${enrolmentsOfParticipantSql(id)}) e) as enrolments,
  (select coalesce(json_agg(d order by d.month, d.programme), '[]'::json) from (${duesOfParticipantSql(id)}) d) as dues`

const ACCOUNT_ROWS = `select ${accountJsonColumns('$1')},
  (${accountBalanceSql('$2', '$3', '$4')}) as balance`

/** The rows listEnrolments, listDues and accountBalance(participant credit, as of the end of `asOf`) give, in one read. */
export async function loadAccountRows(sql: Sql, participantId: string, asOf: LocalDate): Promise<{ enrolments: EnrolmentRecord[]; dues: StoredDue[]; balance: number }> {
  const credit = account.participantCredit(participantId)
  const { rows } = await sql.query<{ enrolments: Parameters<typeof enrolmentFromJson>[0][]; dues: StoredDue[]; balance: number }>(
    ACCOUNT_ROWS, [participantId, credit.kind, credit.ref, endOfLocalDay(asOf)],
  )
  const row = rows[0]
  return { enrolments: (row?.enrolments ?? []).map(enrolmentFromJson), dues: row?.dues ?? [], balance: row?.balance ?? 0 }
}

const payerAccountSql = (where: string, lock: boolean) => `select ${PARTICIPANT_COLUMNS}, ${accountJsonColumns('p.id')},
  (${accountEntriesJsonSql('$2', 'p.id::text')}) as "creditEntries"
  from participants p where ${where} = $1${lock ? ' for update of p' : ''}`
// the four texts, built once (the channel API's hot path)
const PAYER_ACCOUNT = {
  kpj: { read: payerAccountSql('p.kpj', false), lock: payerAccountSql('p.kpj', true) },
  nik: { read: payerAccountSql('p.nik', false), lock: payerAccountSql('p.nik', true) },
} as const

export type PayerKey = { kind: 'kpj' | 'nik'; value: string }

/**
 * A payer found by KPJ or NIK (locked with `lock`, as a payment needs) together with their account as of their own
 * local date, in ONE statement: the credit comes back as entries and is summed here to the end of `asOfOf(participant)`
 * (the date depends on the person's region, which the statement only learns). What findParticipantBy… and then
 * loadAccountInput give, for a PU worker plus their employer's invoice lines (a second read, as there).
 */
export async function loadPayerAccount(
  sql: Sql, key: PayerKey, options: { lock: boolean; asOfOf: (p: ParticipantRecord) => LocalDate },
): Promise<{ participant: ParticipantRecord; asOf: LocalDate; contributions: ParticipantContributions } | null> {
  type Row = ParticipantRecord & { enrolments: Parameters<typeof enrolmentFromJson>[0][]; dues: StoredDue[]; creditEntries: Array<[string, number]> }
  const text = PAYER_ACCOUNT[key.kind][options.lock ? 'lock' : 'read']
  const { rows } = await sql.query<Row>(text, [key.value, account.participantCredit('').kind])
  const row = rows[0]
  if (!row) return null
  const { enrolments, dues, creditEntries, ...participant } = row
  const asOf = options.asOfOf(participant)
  const end = endOfLocalDay(asOf).getTime()
  const balance = creditEntries.reduce((t, [at, amount]) => (new Date(at).getTime() <= end ? t + amount : t), 0)
  const employerDues = CATEGORY_RULES[participant.category].statusRule === 'employer_carries' ? await employerDuesOf(sql, participant.id) : []
  const contributions = accountInputOf(participant, enrolments.map(enrolmentFromJson), dues, employerDues, balance === 0 ? 0 : -balance)
  return { participant, asOf, contributions }
}

/** A PU worker's lines on their employer's invoices, as dues of the status engine. */
export async function employerDuesOf(sql: Sql, participantId: string): Promise<Due[]> {
  return (await workerInvoiceLines(sql, participantId)).map((l) => ({ month: l.month, programme: l.programme.toUpperCase(), payer: 'employer', amountIdr: l.amountIdr, dueDate: l.dueDate, paidOn: l.paidOn }))
}

/**
 * PMI/jakon dues (those with `period_to`) as the engine's protection periods: the lines of one period (same first day
 * and last day) together, paid when every line is, on the latest payment date.
 */
export function protectionsOf(dues: readonly StoredDue[]): ProtectionPeriod[] {
  const byPeriod = new Map<string, { from: string; to: string; amountIdr: number; paidOn: string | null; open: boolean }>()
  for (const d of dues) {
    if (d.periodTo === null) continue
    const key = `${d.dueDate}|${d.periodTo}`
    const p = byPeriod.get(key) ?? { from: d.dueDate, to: d.periodTo, amountIdr: 0, paidOn: null, open: false }
    p.amountIdr += d.amountIdr
    if (d.paidOn === null) p.open = true
    else if (p.paidOn === null || d.paidOn > p.paidOn) p.paidOn = d.paidOn
    byPeriod.set(key, p)
  }
  return [...byPeriod.values()].map((p) => ({ from: p.from, to: p.to, amountIdr: p.amountIdr, paidOn: p.open ? null : p.paidOn }))
}

/** The status engine's input from what storage holds about one participant (shared by the single and the bulk refresh). */
export function accountInputOf(
  participant: Pick<ParticipantRecord, 'category'>, enrolments: readonly EnrolmentRecord[], dues: StoredDue[], employerDues: readonly Due[], creditIdr: number,
  regs: RegulationSet = loadRegulationSet(), calendar: HolidayCalendar = loadHolidayCalendar(),
  /** Shared by a bulk refresh: enrolments alike (income, programmes, sector, payer) share one memoised schedule. */
  schedules?: Map<string, { linesOf: (month: Month) => TariffLine[]; schedule: MonthSchedule }>,
): ParticipantContributions {
  const enrolment = enrolments.find((e) => e.status === 'active') ?? enrolments.at(-1) ?? null
  const rule = CATEGORY_RULES[participant.category].statusRule
  const storedDues: Due[] = dues.filter((d) => d.periodTo === null).map((d) => ({ month: d.month, programme: d.programme, payer: d.payer as Payer, amountIdr: d.amountIdr, dueDate: d.dueDate, paidOn: d.paidOn }))
  let linesOf: (month: Month) => TariffLine[] = () => []
  let schedule: AccountInput['schedule']
  if (enrolment && enrolment.segment === 'bpu') {
    const e = enrolment
    const key = `${e.declaredIncomeIdr ?? e.incomeBaseIdr}|${e.programmes.join('+')}|${e.sector}|${e.payer}`
    let shared = schedules?.get(key)
    if (!shared) {
      const lines = bpuLines(regs, calendar, e)
      const kinds: DueKind[] = e.programmes.includes('JHT') ? ['bpu_jkk_jkm', 'bpu_jht'] : ['bpu_jkk_jkm']
      shared = { linesOf: lines, schedule: monthSchedule(kinds, regs.due, calendar, (m) => lines(m).reduce((t, l) => t + l.amountIdr, 0)) }
      schedules?.set(key, shared)
    }
    linesOf = shared.linesOf
    schedule = shared.schedule
  }
  const selfPaid = enrolment?.payer === 'self'
  const input: AccountInput = {
    rule,
    lapse: LAPSE_RULE,
    firstDueMonth: selfPaid && rule === 'bpu_lapse' ? null : (enrolment?.startMonth ?? employerDues[0]?.month ?? null),
    dues: [...storedDues, ...employerDues],
    ...(schedule ? { schedule } : {}),
    protections: protectionsOf(dues),
    end: enrolment?.status === 'ended' && enrolment.endMonth ? { month: enrolment.endMonth, reason: enrolment.endReason ?? 'other' } : null,
    creditIdr,
  }
  return { input, enrolment, dues, linesOf }
}
