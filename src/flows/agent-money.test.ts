import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { MID_YEAR_RULES } from '../areas/agents/domain/test-rules.js'
import { reverseTransfer, transferIdsOfPayment, trialBalance } from '../areas/ledger/index.js'
import { loadRegulationSet, quoteBpuMonthly } from '../areas/programmes/index.js'
import { monthIndex } from '../kernel/month.js'
import { newId } from '../platform/ids.js'
import { syncOutbox } from './agen-sync.js'
import { agentCommission, cashOnHandIdr, cashPosition, recordDeposit } from './agent-money.js'
import { agentMe, agentPerformance, agentPortfolio } from './agent-views.js'
import { collectItem, makeAgent, registerItem } from './agents.test-support.js'

const ids = { newId: () => newId() }
/** One month of a BPU on Rp1,000,000 (JKK + JKM) as the engine prices it, discounts included. */
const monthIdr = (month: string) => {
  const q = quoteBpuMonthly(loadRegulationSet(), monthIndex(month), 1_000_000, false, 'other', 'self')
  return q.jkkIdr + q.jkmIdr
}
const wita = (date: string) => new Date(`${date}T10:00:00+08:00`)

describeDb(
  "an agent's cash, deposits and monthly commission (issue 10 items 4–5)",
  (ctx) => {
    it('keeps collected cash as the agent\'s until deposited, oldest first, and refuses depositing more than is held', async () => {
      const a = await makeAgent(ctx.sql, { branch: 'bali-denpasar' })
      const run = (items: unknown[], on: string) => syncOutbox(ctx.sql, { agent: a.agent, actor: a.actor, requestId: null }, items as never, wita(on), ids)
      const r1 = registerItem()
      const r2 = registerItem()
      await run([r1, collectItem({ participantClientId: r1.clientId }, 1, monthIdr('2026-03'), '2026-03-02')], '2026-03-02')
      await run([r2, collectItem({ participantClientId: r2.clientId }, 1, monthIdr('2026-03'), '2026-03-05')], '2026-03-05')
      const total = 2 * monthIdr('2026-03')
      expect(await cashOnHandIdr(ctx.sql, a.agent)).toBe(total)

      const part = await recordDeposit(ctx.sql, { agent: a.agent, amountIdr: 20_000, depositedOn: '2026-03-06', to: 'bank', reference: 'SLIP-1', actor: a.actor, requestId: null }, wita('2026-03-06'), ids)
      expect(part).toMatchObject({ replayed: false, cashOnHandIdr: total - 20_000 })
      const again = await recordDeposit(ctx.sql, { agent: a.agent, amountIdr: 20_000, depositedOn: '2026-03-06', to: 'bank', reference: 'SLIP-1', actor: a.actor, requestId: null }, wita('2026-03-06'), ids)
      expect(again.replayed).toBe(true)
      await expect(recordDeposit(ctx.sql, { agent: a.agent, amountIdr: 999_999, depositedOn: '2026-03-06', to: 'cabang', reference: 'SLIP-2', actor: a.actor, requestId: null }, wita('2026-03-06'), ids))
        .rejects.toMatchObject({ code: 'invalid_input', details: { field: 'amountIdr' } })

      const position = await cashPosition(ctx.sql, a.agent, '2026-03-10')
      expect(position).toMatchObject({ collectedIdr: total, depositedIdr: 20_000, undepositedIdr: total - 20_000, ledgerBalanceIdr: total - 20_000 })
      // Rp16,800 a month in March 2026: the deposit covers the 2 March collection and Rp3,200 of the 5 March one
      expect(monthIdr('2026-03')).toBe(16_800)
      expect(position.undeposited.map((u) => [u.collectedOn, u.depositedIdr, u.daysHeld])).toEqual([['2026-03-05', 3_200, 5]])
      const { rows } = await ctx.sql.query<{ kind: string; n: number }>(`select kind, count(*)::int as n from ledger_transfers where refs->>'agentId' = $1 group by kind`, [a.agent.id])
      expect(rows).toEqual([{ kind: 'cash_deposited', n: 1 }])
      expect((await trialBalance(ctx.sql)).balanced).toBe(true)

      const me = await agentMe(ctx.sql, a.agent, wita('2026-03-10'))
      expect(me).toMatchObject({ month: '2026-03', agent: { status: 'aktif', code: a.agent.code }, targets: { registrations: 10, collectionsIdr: 500_000 }, progress: { registrations: 2, collectionsIdr: total }, cashOnHandIdr: total - 20_000 })
      const portfolio = await agentPortfolio(ctx.sql, a.agent, '2026-03-10')
      expect(Object.keys(portfolio.groups)).toEqual(['dueThisWeek', 'arrears', 'lapsing', 'lapsed', 'neverPaid'])
    })

    it('DONE WHEN: a statement for a month with a mid-year rate change uses each month\'s rate, and a reversal claws back at its own month\'s rate', async () => {
      const a = await makeAgent(ctx.sql, { now: wita('2026-05-01') })
      const run = (items: unknown[], on: string) => syncOutbox(ctx.sql, { agent: a.agent, actor: a.actor, requestId: null }, items as never, wita(on), ids)
      const people = [registerItem(), registerItem(), registerItem()]
      people[0]!.payload = { ...people[0]!.payload, registrationDate: '2026-06-03' } as never
      people[1]!.payload = { ...people[1]!.payload, registrationDate: '2026-06-04' } as never
      const june = await run([people[0], people[1], collectItem({ participantClientId: people[0]!.clientId }, 1, monthIdr('2026-06'), '2026-06-10'),
        collectItem({ participantClientId: people[1]!.clientId }, 1, monthIdr('2026-06'), '2026-06-12')], '2026-06-12')
      expect(june.map((r) => r.state)).toEqual(['done', 'done', 'done', 'done'])
      const july = await run([people[2], collectItem({ participantClientId: people[2]!.clientId }, 1, monthIdr('2026-07'), '2026-07-08')], '2026-07-08')
      expect(july.map((r) => r.state)).toEqual(['done', 'done'])
      // the June collection of the first person is reversed in July (entry error): its money goes back
      const moneyIn = (await transferIdsOfPayment(ctx.sql, june[2]!.paymentId!)).find((t) => t.kind === 'money_received')!
      await reverseTransfer(ctx.sql, { id: newId(), transferId: moneyIn.id, reasonCode: 'entry_error', occurredAt: wita('2026-07-20'), requestId: null })

      const juneStatement = await agentCommission(ctx.sql, a.agent, '2026-06', MID_YEAR_RULES)
      const juneIdr = 2 * monthIdr('2026-06')
      expect(juneStatement.lines.find((l) => l.kind === 'collection')).toMatchObject({ baseIdr: juneIdr, rateppm: 75_000, amountIdr: Math.round(juneIdr * 0.075) })
      expect(juneStatement.lines.find((l) => l.kind === 'acquisition')).toMatchObject({ amountIdr: 500_000, count: 2 })
      expect(juneStatement.newParticipants).toBe(2)

      const julyStatement = await agentCommission(ctx.sql, a.agent, '2026-07', MID_YEAR_RULES)
      expect(julyStatement.lines.find((l) => l.kind === 'collection')).toMatchObject({ baseIdr: monthIdr('2026-07'), rateppm: 150_000, amountIdr: Math.round(monthIdr('2026-07') * 0.15) })
      expect(julyStatement.lines.find((l) => l.kind === 'clawback')).toMatchObject({ schemeMonth: '2026-06', baseIdr: -monthIdr('2026-06'), rateppm: 75_000, amountIdr: -Math.round(monthIdr('2026-06') * 0.075) })
      expect(julyStatement.scheme).toMatchObject({ from: '2026-07' })
      // the reversed collection no longer counts as cash the agent holds
      expect((await cashPosition(ctx.sql, a.agent, '2026-07-31')).collectedIdr).toBe(monthIdr('2026-06') + monthIdr('2026-07'))
    })

    it('shows staff each agent\'s month by branch and regency, within their regions', async () => {
      const kupang = await makeAgent(ctx.sql, { regions: ['53.71'], branch: 'ntt-kupang' })
      const staff = { userId: newId(), username: 'kanwil.uji', role: 'kanwil' as const, branchCode: null, regionCodes: [], sourceIds: [] }
      const all = await agentPerformance(ctx.sql, staff, { month: '2026-03', regency: '5371' }, wita('2026-03-20'))
      expect(all.rows.map((r) => r.agentId)).toEqual([kupang.agent.id])
      expect(all.rows[0]).toMatchObject({ registrations: 0, collections: 0, portfolio: 0, retentionppm: null, status: 'aktif' })
      const pemdaBali = { ...staff, role: 'cabang' as const, regionCodes: ['51.71'] }
      expect((await agentPerformance(ctx.sql, pemdaBali, { month: '2026-03' }, wita('2026-03-20'))).rows.some((r) => r.agentId === kupang.agent.id)).toBe(false)
    })
  },
  { referenceData: true },
)
