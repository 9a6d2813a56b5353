import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { endOfLocalDay, listDues, loadAccountRows } from '../areas/contributions/index.js'
import { account, accountBalance } from '../areas/ledger/index.js'
import { listEnrolments } from '../areas/participants/index.js'
import { bill, pay, registerBpu } from './contributions.test-support.js'

describeDb('the one-statement account read', (ctx) => {
  it('gives exactly what the three separate reads give: enrolments, dues with settlements, the credit held as of a date', async () => {
    const p = await registerBpu(ctx.sql)
    await pay(ctx.sql, p.id, '2026-01-10', { months: 2 })
    await bill(ctx.sql, '2026-03', '2026-03-01')
    await pay(ctx.sql, p.id, '2026-03-20', { amountIdr: 5_000 }) // pays no whole month: held as credit
    for (const asOf of ['2026-01-09', '2026-03-20', '2026-04-30'] as const) {
      const one = await loadAccountRows(ctx.sql, p.id, asOf)
      expect(one.enrolments).toEqual(await listEnrolments(ctx.sql, p.id))
      expect(one.dues).toEqual(await listDues(ctx.sql, p.id))
      expect(one.balance).toBe(await accountBalance(ctx.sql, account.participantCredit(p.id), { asOf: endOfLocalDay(asOf) }))
    }
    const after = await loadAccountRows(ctx.sql, p.id, '2026-03-20')
    expect(after.enrolments).toHaveLength(1)
    expect(after.enrolments[0]?.createdAt).toBeInstanceOf(Date)
    expect(after.dues.filter((d) => d.paidOn !== null).map((d) => d.month)).toEqual(['2026-01', '2026-01', '2026-02', '2026-02'])
    expect(after.balance).toBe(-5_000)
    expect(await loadAccountRows(ctx.sql, '01890000-0000-7000-8000-000000000000', '2026-03-20')).toEqual({ enrolments: [], dues: [], balance: 0 })
  })
}, { referenceData: true })

describeDb('the one-statement payer read (the channel API)', (ctx) => {
  it('finds the payer by KPJ or NIK with the account loadAccountInput gives as of their own local date', async () => {
    const { loadAccountInput, loadPayerAccount } = await import('../areas/contributions/index.js')
    const { findParticipantById } = await import('../areas/participants/index.js')
    const p = await registerBpu(ctx.sql)
    await pay(ctx.sql, p.id, '2026-01-10', { months: 2 })
    await pay(ctx.sql, p.id, '2026-03-20', { amountIdr: 5_000 })
    const record = (await findParticipantById(ctx.sql, p.id))!
    for (const asOf of ['2026-03-19', '2026-03-20'] as const) {
      for (const key of [{ kind: 'kpj' as const, value: record.kpj }, { kind: 'nik' as const, value: record.nik }]) {
        const found = await loadPayerAccount(ctx.sql, key, { lock: false, asOfOf: () => asOf })
        expect(found?.participant).toEqual(record)
        expect(found?.asOf).toBe(asOf)
        const separate = await loadAccountInput(ctx.sql, record, asOf)
        // the schedule is functions (made per read): compare what it answers
        const { schedule: foundSchedule, ...foundInput } = found!.contributions.input
        const { schedule: separateSchedule, ...separateInput } = separate.input
        expect(foundInput).toEqual(separateInput)
        for (const month of ['2026-03', '2026-07'] as const) {
          expect(foundSchedule?.dueDate(month)).toBe(separateSchedule?.dueDate(month))
          expect(foundSchedule?.amountIdr(month)).toBe(separateSchedule?.amountIdr(month))
        }
        expect(found?.contributions.dues).toEqual(separate.dues)
        expect(found?.contributions.enrolment).toEqual(separate.enrolment)
      }
    }
    const credit = await loadPayerAccount(ctx.sql, { kind: 'kpj', value: record.kpj }, { lock: false, asOfOf: () => '2026-03-20' })
    expect(credit?.contributions.input.creditIdr).toBe(5_000)
    expect(await loadPayerAccount(ctx.sql, { kind: 'kpj', value: '99999999999' }, { lock: false, asOfOf: () => '2026-03-20' })).toBeNull()
    await ctx.sql.transaction(async (tx) => expect((await loadPayerAccount(tx, { kind: 'kpj', value: record.kpj }, { lock: true, asOfOf: () => '2026-03-20' }))?.participant.id).toBe(p.id))
  })
}, { referenceData: true })
