import { addDays, formatDateId, type LocalDate } from '../../../kernel/dates.js'
import { formatRupiah } from '../../../kernel/money.js'
import type { Month } from '../../../kernel/month.js'
import { contributionStatus } from '../../contributions/domain/status-engine.js'
import type { AccountInput, ContributionStatus } from '../../contributions/domain/types.js'
import { ruleAt, type Channel, type Lang, type NotificationRules, type RuleName } from './rules.js'
import type { MessageParams } from './templates.js'

export type SubjectType = 'participant' | 'pemda_programme'
export type OptOut = Channel | 'all'

/** One row the job writes to the outbox; (rule, subjectId, eventKey) names the event, so it is written once. */
export interface PlannedMessage {
  readonly rule: RuleName
  readonly subjectType: SubjectType
  readonly subjectId: string
  readonly eventKey: string
  readonly channel: Channel
  readonly lang: Lang
  readonly params: MessageParams
}

/** What the planner knows of a participant: their account (status engine input) and how to reach them. */
export interface ParticipantSubject {
  readonly participantId: string
  /** The number a worker pays with at a channel (their KPJ). */
  readonly payNo: string
  /** Self-paid BPU: reminders and warnings go to the worker (a pemda or employer payer is told otherwise). */
  readonly selfPaid: boolean
  readonly hasPhone: boolean
  readonly optOuts: readonly OptOut[]
  readonly lang: Lang
  readonly account: AccountInput
}

/** The first channel of the rules the subject has not opted out of; null when none is left. */
export function channelFor(rules: NotificationRules, optOuts: readonly OptOut[]): Channel | null {
  if (optOuts.includes('all')) return null
  return rules.channels.find((c) => !optOuts.includes(c)) ?? null
}

export const formatMonthId = (month: Month): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`

/** A month's first due date and amount: its billed dues, else the engine's schedule; null when it has neither. */
function dueOfMonth(account: AccountInput, month: Month): { dueDate: LocalDate; amountIdr: number } | null {
  const dues = account.dues.filter((d) => d.month === month)
  if (dues.length > 0) {
    const open = dues.filter((d) => d.paidOn === null)
    if (open.length === 0) return null
    return { dueDate: open.map((d) => d.dueDate).reduce((a, b) => (b < a ? b : a)), amountIdr: open.reduce((t, d) => t + d.amountIdr, 0) }
  }
  if (!account.schedule) return null
  return { dueDate: account.schedule.dueDate(month), amountIdr: account.schedule.amountIdr(month) }
}

/**
 * The pure planner (issue 11 item 2): which reminders and warnings a participant's account calls for on `date`.
 * Each is keyed on its event (the due month, the arrears spell's first month, the lapse date), so running the job
 * again, or on a later day inside the window, plans the same keys and the outbox keeps the first.
 */
export function planParticipant(rules: NotificationRules, subject: ParticipantSubject, date: LocalDate): PlannedMessage[] {
  if (!subject.hasPhone || !subject.selfPaid || subject.account.rule !== 'bpu_lapse') return []
  const channel = channelFor(rules, subject.optOuts)
  if (channel === null) return []
  const s = contributionStatus(subject.account, date)
  const out: PlannedMessage[] = []
  const message = (rule: RuleName, eventKey: string, params: MessageParams) =>
    out.push({ rule, subjectType: 'participant', subjectId: subject.participantId, eventKey, channel, lang: subject.lang, params: { payNo: subject.payNo, ...params } })
  const reminder = dueReminder(rules, subject.account, s, date)
  if (reminder) message('due_reminder', `due:${reminder.month}`, { month: formatMonthId(reminder.month), amount: formatRupiah(reminder.amountIdr), dueDate: formatDateId(reminder.dueDate) })
  const first = s.arrears[0]
  if (s.status === 'menunggak' && first && ruleAt(rules, 'menunggak_warning', date)) {
    message('menunggak_warning', `menunggak:${first.month}`, { month: formatMonthId(first.month), amount: formatRupiah(s.arrearsIdr) })
  }
  const lapse = ruleAt(rules, 'nonaktif_warning', date)
  if (s.status === 'menunggak' && lapse && s.nextChange?.status === 'nonaktif' && date >= addDays(s.nextChange.date, -(lapse.daysBefore ?? 0))) {
    message('nonaktif_warning', `nonaktif:${s.nextChange.date}`, { date: formatDateId(s.nextChange.date), amount: formatRupiah(s.arrearsIdr) })
  }
  return out
}

/** The next payable month whose due date is at most N days away (and not past): what a reminder is for. */
function dueReminder(rules: NotificationRules, account: AccountInput, s: ContributionStatus, date: LocalDate): { month: Month; dueDate: LocalDate; amountIdr: number } | null {
  const rule = ruleAt(rules, 'due_reminder', date)
  if (!rule || (s.status !== 'aktif' && s.status !== 'menunggak') || s.nextPayableMonth === null) return null
  const due = dueOfMonth(account, s.nextPayableMonth)
  if (!due || date > due.dueDate || date < addDays(due.dueDate, -(rule.daysBefore ?? 0))) return null
  return { month: s.nextPayableMonth, ...due }
}

/** A receipt message for a payment (written after it commits, by the job: a failed message never touches the payment). */
export function planReceipt(
  rules: NotificationRules,
  payment: { participantId: string; receiptNo: string; amountIdr: number; paidOn: LocalDate; hasPhone: boolean; optOuts: readonly OptOut[]; lang: Lang },
  date: LocalDate,
): PlannedMessage | null {
  const rule = ruleAt(rules, 'payment_receipt', date)
  const channel = channelFor(rules, payment.optOuts)
  if (!rule || !payment.hasPhone || channel === null || payment.paidOn < addDays(date, -(rule.daysAfter ?? 0))) return null
  return {
    rule: 'payment_receipt', subjectType: 'participant', subjectId: payment.participantId, eventKey: `receipt:${payment.receiptNo}`, channel, lang: payment.lang,
    params: { amount: formatRupiah(payment.amountIdr), paidOn: formatDateId(payment.paidOn), receiptNo: payment.receiptNo },
  }
}

/** The monthly note to a pemda programme's OPD: from the rule's day of the month, once per month. */
export function planPemdaNote(
  rules: NotificationRules,
  programme: { programmeId: string; name: string; members: number; inArrears: number; arrearsIdr: number },
  date: LocalDate,
): PlannedMessage | null {
  const rule = ruleAt(rules, 'pemda_arrears_note', date)
  if (!rule || Number(date.slice(8, 10)) < (rule.dayOfMonth ?? 1) || programme.members === 0) return null
  const month = date.slice(0, 7)
  return {
    rule: 'pemda_arrears_note', subjectType: 'pemda_programme', subjectId: programme.programmeId, eventKey: `month:${month}`, channel: rules.channels[0] as Channel, lang: 'id',
    params: { programme: programme.name, month: formatMonthId(month), members: programme.members, inArrears: programme.inArrears, amount: formatRupiah(programme.arrearsIdr) },
  }
}
