import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { loadAccountInput } from '../areas/contributions/index.js'
import { loadNotificationRules, planParticipant, readSink, setOptOut, sinkFileIn, type ChannelAdapter } from '../areas/notifications/index.js'
import { findParticipantById } from '../areas/participants/index.js'
import { addDays } from '../kernel/dates.js'
import { newId } from '../platform/ids.js'
import { at, pay, registerBpu } from './contributions.test-support.js'
import { sinkAdapters } from './notification-schedule.js'
import { planNotifications, planReceipts } from './plan-notifications.js'
import { sendNotifications } from './send-notifications.js'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-notify-'))
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

describeDb('notifications: the outbox is written once per event and drained to the local sink', (ctx) => {
  const rowsOf = async (id: string) =>
    (await ctx.sql.query<{ rule: string; eventKey: string; channel: string; status: string; attempts: number }>(
      `select rule, event_key as "eventKey", channel, status, attempts from notification_outbox where subject_id = $1 order by rule, event_key`, [id])).rows

  /** What the pure planner (the rules' specification) says for the participant at the date, from their real account. */
  const pureOf = async (id: string, date: string) => {
    const p = (await findParticipantById(ctx.sql, id))!
    const c = await loadAccountInput(ctx.sql, p, date)
    const subject = { participantId: id, payNo: p.kpj, selfPaid: c.enrolment?.payer === 'self', hasPhone: Boolean(p.phone), optOuts: [], lang: 'id' as const, account: c.input }
    return planParticipant(loadNotificationRules(), subject, date).map((m) => ({ rule: m.rule, eventKey: m.eventKey, channel: m.channel, params: m.params }))
  }
  const writtenOn = async (id: string, rules: readonly string[]) =>
    (await ctx.sql.query<{ rule: string; eventKey: string; channel: string; params: unknown }>(
      `select rule, event_key as "eventKey", channel, params from notification_outbox where subject_id = $1 and rule = any($2::text[]) order by rule, event_key`, [id, [...rules]])).rows

  it('writes a reminder once per due date even when the job runs twice, and again on a later day of the window', async () => {
    const p = await registerBpu(ctx.sql)
    await pay(ctx.sql, p.id, '2026-01-10', { months: 1 })
    // February's due date: the 15th is a Sunday, the 16th cuti bersama, the 17th a holiday → 18/02; N = 3 days.
    const before = await planNotifications(ctx.sql, { date: '2026-02-14' }, at('2026-02-14'), newId)
    expect((await rowsOf(p.id)).filter((r) => r.rule === 'due_reminder')).toEqual([])
    expect(before.byRule.due_reminder).toBe(0)
    const first = await planNotifications(ctx.sql, { date: '2026-02-16' }, at('2026-02-16'), newId)
    const second = await planNotifications(ctx.sql, { date: '2026-02-16' }, at('2026-02-16'), newId)
    const later = await planNotifications(ctx.sql, { date: '2026-02-18' }, at('2026-02-18'), newId)
    expect(first.byRule.due_reminder).toBeGreaterThanOrEqual(1)
    expect(second.written).toBe(0)
    expect(later.written).toBe(0)
    expect((await rowsOf(p.id)).filter((r) => r.rule === 'due_reminder')).toEqual([{ rule: 'due_reminder', eventKey: 'due:2026-02', channel: 'whatsapp', status: 'pending', attempts: 0 }])
    // the set-based statement wrote what the pure planner says, params and all (amount from the tariff: not billed)
    const reminder = await pureOf(p.id, '2026-02-16')
    expect(reminder).toHaveLength(1)
    expect(await writtenOn(p.id, ['due_reminder'])).toEqual(reminder)
    expect(reminder[0]?.params).toMatchObject({ month: '02/2026', dueDate: '18/02/2026', amount: expect.stringMatching(/^Rp\d{1,3}(\.\d{3})+$/) })
    // menunggak from 19/02 (the status job is brought to the date first): the warning for the spell starting in February
    await planNotifications(ctx.sql, { date: '2026-03-13' }, at('2026-03-13'), newId)
    expect((await rowsOf(p.id)).map((r) => r.eventKey)).toContain('menunggak:2026-02')
    const pure = (await pureOf(p.id, '2026-03-13')).filter((m) => m.rule !== 'due_reminder')
    expect(pure.map((m) => m.eventKey)).toEqual(['menunggak:2026-02'])
    expect(await writtenOn(p.id, ['menunggak_warning', 'nonaktif_warning'])).toEqual(pure)
    // March's own due date (16/03) is inside the window on 13/03: its own reminder, as the pure planner says
    expect(await writtenOn(p.id, ['due_reminder'])).toEqual([...reminder, ...(await pureOf(p.id, '2026-03-13')).filter((m) => m.rule === 'due_reminder')])
    // seven days before the lapse (more than 3 months in arrears): the nonaktif warning, with the arrears at that date
    const lapse = (await ctx.sql.query<{ on: string }>(`select to_char(next_change_on, 'YYYY-MM-DD') as on from contribution_states where participant_id = $1`, [p.id])).rows[0]!.on
    const warnOn = addDays(lapse, -7)
    expect((await planNotifications(ctx.sql, { date: warnOn }, at(warnOn), newId)).byRule.nonaktif_warning).toBeGreaterThanOrEqual(1)
    expect(await writtenOn(p.id, ['nonaktif_warning'])).toEqual((await pureOf(p.id, warnOn)).filter((m) => m.rule === 'nonaktif_warning'))
    expect((await writtenOn(p.id, ['nonaktif_warning'])).map((r) => r.eventKey)).toEqual([`nonaktif:${lapse}`])
  })

  it('writes a receipt message after the payment, once, and sends it to the sink with the phone masked', async () => {
    const p = await registerBpu(ctx.sql)
    const paid = await pay(ctx.sql, p.id, '2026-01-12', { months: 2 })
    const since = new Date('2026-01-11T00:00:00+08:00')
    expect((await planReceipts(ctx.sql, { since, date: '2026-01-12' }, at('2026-01-12'), newId)).written).toBeGreaterThanOrEqual(1)
    expect((await planReceipts(ctx.sql, { since, date: '2026-01-12' }, at('2026-01-12'), newId)).written).toBe(0)
    expect(await rowsOf(p.id)).toEqual([{ rule: 'payment_receipt', eventKey: `receipt:${paid.receiptNo}`, channel: 'whatsapp', status: 'pending', attempts: 0 }])
    const sent = await sendNotifications(ctx.sql, { adapters: sinkAdapters(dataDir) }, at('2026-01-12'))
    expect(sent.sent).toBeGreaterThanOrEqual(1)
    expect((await rowsOf(p.id))[0]?.status).toBe('sent')
    const line = readSink(sinkFileIn(dataDir)).find((l) => l.subjectId === p.id)
    expect(line).toMatchObject({ channel: 'whatsapp', to: '+628*******890', rule: 'payment_receipt' })
    expect(line?.text).toContain(paid.receiptNo)
    expect(line?.text).toContain('Rp')
    expect(JSON.stringify(line)).not.toContain(p.nik)
    expect(JSON.stringify(line)).not.toContain('Sudarma')
    expect((await sendNotifications(ctx.sql, { adapters: sinkAdapters(dataDir) }, at('2026-01-12'))).sent).toBe(0)
  })

  it('follows opt-outs: another channel when one is refused, nothing when all are; a failing gateway never touches the payment', async () => {
    const p = await registerBpu(ctx.sql)
    await setOptOut(ctx.sql, p.id, 'whatsapp', true, at('2026-01-01'))
    const failing: ChannelAdapter = { channel: 'sms', send: () => Promise.reject(new Error('gateway down')) }
    const paid = await pay(ctx.sql, p.id, '2026-01-20', { months: 1 })
    expect(paid.receiptNo).toMatch(/^BB-/)
    await planReceipts(ctx.sql, { since: new Date('2026-01-19T00:00:00+08:00'), date: '2026-01-20' }, at('2026-01-20'), newId)
    expect((await rowsOf(p.id)).map((r) => r.channel)).toEqual(['sms'])
    const sink = sinkAdapters(dataDir)
    await sendNotifications(ctx.sql, { adapters: { whatsapp: sink.whatsapp, sms: failing } }, at('2026-01-20'))
    expect(await rowsOf(p.id)).toMatchObject([{ status: 'pending', attempts: 1 }])
    await setOptOut(ctx.sql, p.id, 'all', true, at('2026-01-20'))
    await sendNotifications(ctx.sql, { adapters: sink }, at('2026-01-21'))
    expect(await rowsOf(p.id)).toMatchObject([{ status: 'skipped' }])
    expect(readSink(sinkFileIn(dataDir)).some((l) => l.subjectId === p.id)).toBe(false)
  })
}, { referenceData: true })
