import { describe, expect, it } from 'vitest'
import { addDays } from '../../../kernel/dates.js'
import { contributionStatus } from '../../contributions/domain/status-engine.js'
import { bpuSchedule, monthlyDues } from '../../contributions/domain/fixtures.test-support.js'
import { LAPSE_RULE } from '../../contributions/domain/lapse-rule.js'
import type { AccountInput } from '../../contributions/domain/types.js'
import { planParticipant, planPemdaNote, planReceipt, type ParticipantSubject } from './plan.js'
import { parseNotificationRules } from './rules.js'
import { renderMessage } from './templates.js'

const period = (extra: Record<string, unknown> = {}) => [{ effective_from: '2025-01-01', ...extra }]
const TEMPLATES = Object.fromEntries(
  ['due_reminder', 'menunggak_warning', 'nonaktif_warning', 'payment_receipt', 'pemda_arrears_note', 'one_time_code'].map((r) => [r, { id: `${r} {payNo}`, en: `${r} en` }]),
)
const RULES = parseNotificationRules({
  rules: {
    due_reminder: period({ days_before: 3 }), menunggak_warning: period(), nonaktif_warning: period({ days_before: 7 }),
    payment_receipt: period({ days_after: 2 }), pemda_arrears_note: period({ day_of_month: 5 }), one_time_code: period({ minutes_valid: 10 }),
  },
  channels: ['whatsapp', 'sms'],
  templates: TEMPLATES,
})

/** A BPU worker who paid January 2026 only (Feb's due date: the 15th is a Sunday, 16 cuti bersama, 17 a holiday → 18/02). */
const account: AccountInput = { rule: 'bpu_lapse', lapse: LAPSE_RULE, firstDueMonth: '2026-01', dues: monthlyDues('2026-01', 1, { '2026-01': '2026-01-10' }), schedule: bpuSchedule() }
const subject = (over: Partial<ParticipantSubject> = {}): ParticipantSubject => ({
  participantId: 'p1', payNo: '26000000017', selfPaid: true, hasPhone: true, optOuts: [], lang: 'id', account, ...over,
})
const keys = (date: string, over: Partial<ParticipantSubject> = {}) => planParticipant(RULES, subject(over), date).map((m) => `${m.rule} ${m.eventKey} ${m.channel}`)

describe('the notification planner for a self-paid BPU worker', () => {
  it('reminds N days before the due date, with the same event key every day of the window, and not before', () => {
    expect(keys('2026-02-14')).toEqual([])
    expect(keys('2026-02-15')).toEqual(['due_reminder due:2026-02 whatsapp'])
    expect(keys('2026-02-18')).toEqual(['due_reminder due:2026-02 whatsapp'])
    const [m] = planParticipant(RULES, subject(), '2026-02-16')
    expect(m?.params).toEqual({ payNo: '26000000017', month: '02/2026', amount: 'Rp16.800', dueDate: '18/02/2026' })
  })

  it('warns once per arrears spell when menunggak, and N days before the engine says nonaktif', () => {
    expect(keys('2026-03-01')).toEqual(['menunggak_warning menunggak:2026-02 whatsapp'])
    const lapse = contributionStatus(account, '2026-03-01').nextChange
    expect(lapse?.status).toBe('nonaktif')
    const date = lapse!.date
    expect(keys(addDays(date, -8))).not.toContain(`nonaktif_warning nonaktif:${date} whatsapp`)
    expect(keys(addDays(date, -7))).toContain(`nonaktif_warning nonaktif:${date} whatsapp`)
    expect(keys(addDays(date, -1))).toContain(`nonaktif_warning nonaktif:${date} whatsapp`)
  })

  it('respects opt-outs per channel and in all, and writes nothing without a phone or for a payer other than the worker', () => {
    expect(keys('2026-02-16', { optOuts: ['whatsapp'] })).toEqual(['due_reminder due:2026-02 sms'])
    expect(keys('2026-02-16', { optOuts: ['whatsapp', 'sms'] })).toEqual([])
    expect(keys('2026-02-16', { optOuts: ['all'] })).toEqual([])
    expect(keys('2026-02-16', { hasPhone: false })).toEqual([])
    expect(keys('2026-02-16', { selfPaid: false })).toEqual([])
  })
})

describe('receipts and pemda notes', () => {
  const payment = { participantId: 'p1', receiptNo: 'BB-2026-000001', amountIdr: 16_800, paidOn: '2026-02-10', hasPhone: true, optOuts: [], lang: 'en' as const }
  it('plans a receipt keyed on its number within N days of the payment', () => {
    expect(planReceipt(RULES, payment, '2026-02-12')?.eventKey).toBe('receipt:BB-2026-000001')
    expect(planReceipt(RULES, payment, '2026-02-13')).toBeNull()
    expect(planReceipt(RULES, { ...payment, optOuts: ['all'] }, '2026-02-10')).toBeNull()
  })
  it('plans one OPD note a month from the rule day', () => {
    const p = { programmeId: 'g1', name: 'JKK-JKM Nelayan', members: 10, inArrears: 2, arrearsIdr: 67_200 }
    expect(planPemdaNote(RULES, p, '2026-03-04')).toBeNull()
    expect(planPemdaNote(RULES, p, '2026-03-05')?.eventKey).toBe('month:2026-03')
    expect(planPemdaNote(RULES, p, '2026-03-28')?.params.amount).toBe('Rp67.200')
  })
})

describe('templates', () => {
  it('fill placeholders, refuse a missing one and refuse names or NIKs', () => {
    expect(renderMessage(RULES, 'due_reminder', 'id', { payNo: '1' })).toBe('due_reminder 1')
    expect(() => renderMessage(RULES, 'due_reminder', 'id', {})).toThrow(/payNo/)
    expect(() => renderMessage(RULES, 'due_reminder', 'id', { payNo: '1', nik: '5171044201900001' })).toThrow(/nik/)
  })
  it('rules refuse overlapping periods', () => {
    expect(() => parseNotificationRules({ rules: { due_reminder: [{ effective_from: '2025-01-01' }, { effective_from: '2025-06-01' }] }, channels: ['sms'], templates: TEMPLATES })).toThrow(/overlapping/)
  })
})
