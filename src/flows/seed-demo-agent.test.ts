import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { findAgentByUser } from '../areas/agents/index.js'
import { findUserByUsername } from '../areas/access/index.js'
import { cashPosition } from './agent-money.js'
import { agentPortfolio } from './agent-views.js'
import { ensureDemoAgent } from './seed-demo-agent.js'

describeDb(
  'the demo agent agen.demo (issue 10)',
  (ctx) => {
    it('creates agen.demo with a Denpasar portfolio the app can show, once', async () => {
      const now = new Date('2026-11-26T02:00:00Z')
      expect(await ensureDemoAgent(ctx.sql, now)).toEqual({ username: 'agen.demo', password: 'semesta-demo', created: true })
      const user = (await findUserByUsername(ctx.sql, 'agen.demo'))!
      const agent = (await findAgentByUser(ctx.sql, user.id))!
      expect(agent).toMatchObject({ regionCodes: ['51.71'], branchCode: 'bali-denpasar' })
      const { rows } = await ctx.sql.query<{ n: number }>('select count(*)::int as n from participants where source_id = $1', [agent.sourceId])
      expect(rows[0]!.n).toBe(8)
      const portfolio = await agentPortfolio(ctx.sql, agent, '2026-11-26')
      expect(portfolio.groups.neverPaid.length).toBe(2)
      expect(portfolio.groups.lapsed.length + portfolio.groups.arrears.length).toBeGreaterThan(0)
      const cash = await cashPosition(ctx.sql, agent, '2026-11-26')
      expect(cash.depositedIdr).toBeGreaterThan(0)
      expect(cash.undepositedIdr).toBeGreaterThan(0)
      expect(await ensureDemoAgent(ctx.sql, now)).toMatchObject({ created: false })
    })
  },
  { referenceData: true },
)
