import fc from 'fast-check'
import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { newId } from '../../../platform/ids.js'
import { accountName, type AccountKey } from '../domain/accounts.js'
import type { Entry } from '../domain/entries.js'
import type { TransferDraft } from '../domain/movements/index.js'
import { movementArbitrary } from '../domain/movements/movement-arbitraries.js'
import { accountBalance } from './balances.js'
import { postTransfer } from './post-transfers.js'
import { reverseTransfer } from './reverse-transfer.js'
import { trialBalance } from './trial-balance.js'

type Step =
  | { op: 'post'; draft: TransferDraft; replay: boolean }
  | { op: 'reverse'; pick: number; twice: boolean }
  | { op: 'unbalanced' }

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('post' as const), draft: movementArbitrary, replay: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat(), twice: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unbalanced' as const) }) },
)

describeDb('a random sequence of postings and reversals', (ctx) => {
  it('keeps every account equal to the sum of what moved and the whole ledger at zero', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z')
    const tick = () => new Date((clock += 60_000))
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const expected = new Map<string, { account: AccountKey; deltaIdr: number }>()
        const posted: Array<{ id: string; entries: Entry[]; reversed: boolean }> = []
        const apply = (entries: readonly Entry[], sign: 1 | -1) => {
          for (const e of entries) {
            const slot = expected.get(accountName(e.account)) ?? { account: e.account, deltaIdr: 0 }
            slot.deltaIdr += sign * e.amountIdr
            expected.set(accountName(e.account), slot)
          }
        }
        const touched = steps.flatMap((s) => (s.op === 'post' ? s.draft.entries.map((e) => e.account) : []))
        const before = new Map(await Promise.all(touched.map(async (a) => [accountName(a), await accountBalance(ctx.sql, a)] as const)))
        for (const s of steps) {
          if (s.op === 'post') {
            const input = { id: newId(), occurredAt: tick(), requestId: 'prop', ...s.draft }
            await ctx.sql.transaction((tx) => postTransfer(tx, input))
            if (s.replay) expect(await postTransfer(ctx.sql, input)).toMatchObject({ replayed: true })
            posted.push({ id: input.id, entries: s.draft.entries, reversed: false })
            apply(s.draft.entries, 1)
          } else if (s.op === 'reverse' && posted.length > 0) {
            const target = posted[s.pick % posted.length]!
            const attempt = reverseTransfer(ctx.sql, { id: newId(), transferId: target.id, reasonCode: 'entry_error', occurredAt: tick() })
            if (target.reversed) {
              await expect(attempt).rejects.toMatchObject({ code: 'invalid_state' })
              continue
            }
            await attempt
            target.reversed = true
            apply(target.entries, -1)
            if (s.twice) await expect(reverseTransfer(ctx.sql, { id: newId(), transferId: target.id, reasonCode: 'duplicate', occurredAt: tick() })).rejects.toMatchObject({ code: 'invalid_state' })
          } else if (s.op === 'unbalanced') {
            const entries = posted.at(-1)?.entries ?? []
            if (entries.length < 2) continue
            const skewed = entries.map((e, i) => (i === 0 ? { ...e, amountIdr: e.amountIdr + 1 } : e))
            await expect(postTransfer(ctx.sql, { id: newId(), kind: 'money_received', occurredAt: tick(), entries: skewed })).rejects.toMatchObject({ code: 'invalid_input' })
          }
        }
        for (const [name, { account, deltaIdr }] of expected) {
          expect(await accountBalance(ctx.sql, account)).toBe((before.get(name) ?? 0) + deltaIdr)
        }
        const trial = await trialBalance(ctx.sql)
        expect(trial.balanced).toBe(true)
        expect(trial.totalIdr).toBe(0)
      }),
      { numRuns: 8 },
    )
  })
})
