import { addDays, DomainError, isLocalDate, type LocalDate } from '../kernel/index.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor, type Role } from '../areas/access/index.js'
import { insertProtectionPeriod, listProtectionPeriods, refreshContributionState, type ContributionStatus, type ProtectionDueLine } from '../areas/contributions/index.js'
import { listEnrolments, type EnrolmentRecord, type ParticipantRecord } from '../areas/participants/index.js'
import {
  addMonthsToDate, loadHolidayCalendar, loadRegulationSet, PMI_CONTRACT_MONTHS, PMI_VIA, quote, type HolidayCalendar, type PmiContractMonths, type PmiVia, type RegulationSet,
} from '../areas/programmes/index.js'
import { auditActor, participantForWrite } from './participant-guard.js'
import { registrationToday } from './registration-context.js'

/** What a clerk gives for a protection period: PMI placement details, or a construction project. */
export interface ProtectionInput {
  /** The first day covered; default today in the participant's regency. */
  from?: LocalDate | undefined
  /** PMI: via a Pelaksana Penempatan or individually, the contract length, months beyond it. */
  via?: PmiVia | undefined
  contractMonths?: number | undefined
  extraMonths?: number | undefined
  /** The last day covered: required for jakon (the project's end) and for a PMI contract whose protection length is unknown. */
  to?: LocalDate | undefined
  /** Jakon: the contract value excluding VAT, and the project's name. */
  contractValueIdr?: number | undefined
  project?: string | undefined
}

export interface ProtectionPlan {
  from: LocalDate
  to: LocalDate
  lines: ProtectionDueLine[]
  amountIdr: number
  via: PmiVia | null
  contractMonths: number | null
  extraMonths: number | null
  contractValueIdr: number | null
}

const bad = (field: string, message: string, code: 'invalid_input' | 'missing_field' = 'invalid_input') => new DomainError(code, message, { field })

/**
 * Pure: the period and its dues from the regulation engine. PMI: the package of Permenaker 4/2023 Pasal 18 for the
 * contract, covering the protection months the rules give (24-month contract: 31) plus the extra months; where the rules
 * give no length (6 and 12 months, Permenaker 18/2018) the clerk gives `to` from the placement papers. Jakon: JKK and
 * JKM on the contract value (PP 44/2015 Pasal 54-55), from the project's start to its end.
 */
export function planProtection(segment: 'pmi' | 'jakon', input: ProtectionInput, today: LocalDate, regs: RegulationSet = loadRegulationSet(), calendar: HolidayCalendar = loadHolidayCalendar()): ProtectionPlan {
  const from = input.from ?? today
  if (!isLocalDate(from)) throw bad('from', 'from must be YYYY-MM-DD')
  if (input.to !== undefined && (!isLocalDate(input.to) || input.to < from)) throw bad('to', 'to must be a date on or after from')
  const month = from.slice(0, 7)
  if (segment === 'jakon') {
    const value = input.contractValueIdr
    if (value === undefined || !Number.isSafeInteger(value) || value <= 0) throw bad('contractValueIdr', 'the project\'s contract value (whole rupiah) is required', 'missing_field')
    if (input.to === undefined) throw bad('to', 'the project\'s last day (to) is required', 'missing_field')
    const q = quote({ segment: 'jakon', month, contractValueIdr: value }, regs, calendar)
    const lines = q.lines.map((l) => ({ programme: l.programme.toUpperCase(), payer: 'employer', amountIdr: l.amountIdr }))
    return { from, to: input.to, lines, amountIdr: q.billedIdr, via: null, contractMonths: null, extraMonths: null, contractValueIdr: value }
  }
  const via = input.via ?? 'placement'
  if (!(PMI_VIA as readonly string[]).includes(via)) throw bad('via', `via must be one of ${PMI_VIA.join(', ')}`)
  const cm = input.contractMonths
  if (cm === undefined || !(PMI_CONTRACT_MONTHS as readonly number[]).includes(cm)) throw bad('contractMonths', `contractMonths must be one of ${PMI_CONTRACT_MONTHS.join(', ')}`, cm === undefined ? 'missing_field' : 'invalid_input')
  const extra = input.extraMonths ?? 0
  if (!Number.isInteger(extra) || extra < 0 || extra > 60) throw bad('extraMonths', 'extraMonths must be 0–60')
  const q = quote({ segment: 'pmi', month, date: from, via, contractMonths: cm as PmiContractMonths, ...(extra ? { extraMonths: extra } : {}) }, regs, calendar)
  const months = q['protectionMonths'] as number | null | undefined
  let to = input.to
  if (to === undefined) {
    if (months === null || months === undefined) throw bad('to', `the rules give no protection length for a ${cm}-month contract: give the last day covered (to)`, 'missing_field')
    to = addDays(addMonthsToDate(from, months + extra), -1)
  }
  const amountIdr = q.billedIdr
  return { from, to, lines: [{ programme: 'JKK_JKM', payer: 'self', amountIdr }], amountIdr, via, contractMonths: cm, extraMonths: extra, contractValueIdr: null }
}

export interface ProtectionResult {
  periodId: string
  participantId: string
  segment: 'pmi' | 'jakon'
  from: LocalDate
  to: LocalDate
  amountIdr: number
  dues: { dueId: string; programme: string; payer: string; amountIdr: number }[]
  status: ContributionStatus['status']
}

/** The participant's active PMI/jakon enrolment, or a refusal naming why there is none. */
function protectedEnrolment(enrolments: readonly EnrolmentRecord[]): EnrolmentRecord & { segment: 'pmi' | 'jakon' } {
  const e = enrolments.find((x) => x.status === 'active' && (x.segment === 'pmi' || x.segment === 'jakon'))
  if (!e) throw new DomainError('invalid_state', 'only an active PMI or jasa konstruksi membership has protection periods', { field: 'category' })
  return e as EnrolmentRecord & { segment: 'pmi' | 'jakon' }
}

/**
 * Inside the caller's transaction, the participant locked: quote the period, refuse an overlap with a stored one, store
 * the period and its due(s), re-evaluate the status (`terdaftar` until paid), audit (ids and amounts only).
 */
export async function addProtectionPeriodIn(
  tx: Sql, participant: ParticipantRecord, input: ProtectionInput, now: Date, ids: { newId(): string }, actor: { userId: string; role: Role } | null, requestId: string | null,
): Promise<ProtectionResult> {
  const enrolment = protectedEnrolment(await listEnrolments(tx, participant.id))
  const today = registrationToday(now, participant.regencyCode)
  const plan = planProtection(enrolment.segment, input, today)
  const existing = await listProtectionPeriods(tx, participant.id)
  const clash = existing.find((p) => p.from <= plan.to && plan.from <= p.to || p.from.slice(0, 7) === plan.from.slice(0, 7))
  if (clash) throw new DomainError('conflict', `the period overlaps (or starts in the same month as) the one from ${clash.from} to ${clash.to}`, { field: 'from' })
  const periodId = ids.newId()
  const project = input.project?.trim() || null
  const dueIds = await insertProtectionPeriod(tx, {
    id: periodId, participantId: participant.id, enrolmentId: enrolment.id, segment: enrolment.segment, from: plan.from, to: plan.to, via: plan.via,
    contractMonths: plan.contractMonths, extraMonths: plan.extraMonths, contractValueIdr: plan.contractValueIdr, project, amountIdr: plan.amountIdr,
  }, plan.lines, enrolment.payerRef, now)
  const status = await refreshContributionState(tx, participant, today, now)
  await writeAudit(tx, {
    actor, action: 'protection.add', subjectType: 'participant', subjectId: participant.id, requestId,
    details: { periodId, enrolmentId: enrolment.id, segment: enrolment.segment, from: plan.from, to: plan.to, amountIdr: plan.amountIdr },
  })
  return {
    periodId, participantId: participant.id, segment: enrolment.segment, from: plan.from, to: plan.to, amountIdr: plan.amountIdr,
    dues: plan.lines.map((l, i) => ({ dueId: dueIds[i] as string, ...l })), status: status.status,
  }
}

/** A protection period for an existing participant (route and CLI): one transaction, the person locked and scoped. */
export async function addProtectionPeriod(sql: Sql, cmd: { participantId: string; protection: ProtectionInput; actor: Actor | null; requestId: string | null }, now: Date, ids: { newId(): string }): Promise<ProtectionResult> {
  return sql.transaction(async (tx) => {
    const participant = await participantForWrite(tx, cmd.participantId, cmd.actor)
    return addProtectionPeriodIn(tx, participant, cmd.protection, now, ids, auditActor(cmd.actor), cmd.requestId)
  })
}
