import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { dataScope, findUserByUsername } from '../areas/access/index.js'
import { findAgentBySource } from '../areas/agents/index.js'
import { findSource, participantView } from '../areas/participants/index.js'
import { newId } from '../platform/ids.js'
import { addAgent } from './add-agent.js'
import { makeAgent } from './agents.test-support.js'
import { registerBpu } from './contributions.test-support.js'
import { syncOutbox } from './agen-sync.js'
import { registerItem } from './agents.test-support.js'

describeDb(
  'adding an Agen Perisai (issue 10 item 1)',
  (ctx) => {
    it('creates the agent, its registry source and its user (role agent, its regencies, sourceIds = [source]) in one go', async () => {
      const { agent, userId } = await makeAgent(ctx.sql, { regions: ['53.71', '53.01'], branch: null })
      expect(agent.code).toMatch(/^AP-\d{6}$/)
      expect(agent).toMatchObject({ regionCodes: ['53.01', '53.71'], wadah: 'Koperasi Perisai Uji', targetRegistrations: 10, targetCollectionsIdr: 500_000, userId })
      expect(await findSource(ctx.sql, agent.sourceId)).toMatchObject({ kind: 'agent', refId: agent.id })
      expect(await findAgentBySource(ctx.sql, agent.sourceId)).toMatchObject({ id: agent.id })
      const user = await findUserByUsername(ctx.sql, (await ctx.sql.query<{ username: string }>('select username from users where id = $1', [userId])).rows[0]!.username)
      expect(user).toMatchObject({ role: 'agent', regionCodes: ['53.01', '53.71'], sourceIds: [agent.sourceId] })
      const audit = await ctx.sql.query<{ action: string }>(`select action from audit_events where subject_id in ($1, $2) order by action`, [agent.id, userId])
      expect(audit.rows.map((r) => r.action)).toEqual(['agent.add', 'user.create'])
    })

    it('refuses a taken username or an unknown region, leaving no source or agent behind', async () => {
      const before = (await ctx.sql.query<{ n: number }>(`select count(*)::int as n from sources where kind = 'agent'`)).rows[0]!.n
      const cmd = { name: 'Agen Ganda', username: 'agen.ganda', password: 'sandi-agen-yang-panjang', regionCodes: ['51.71'], actor: null, requestId: null, via: 'cli' as const }
      await addAgent(ctx.sql, cmd, new Date(), { newId: () => newId() })
      await expect(addAgent(ctx.sql, cmd, new Date(), { newId: () => newId() })).rejects.toMatchObject({ code: 'conflict', details: { field: 'username' } })
      await expect(addAgent(ctx.sql, { ...cmd, username: 'agen.lain', regionCodes: ['99.99'] }, new Date(), { newId: () => newId() })).rejects.toMatchObject({ code: 'unknown_code', details: { field: 'regions' } })
      await expect(addAgent(ctx.sql, { ...cmd, username: 'agen.lain', regionCodes: [] }, new Date(), { newId: () => newId() })).rejects.toMatchObject({ code: 'missing_field', details: { field: 'regions' } })
      expect((await ctx.sql.query<{ n: number }>(`select count(*)::int as n from sources where kind = 'agent'`)).rows[0]!.n).toBe(before + 1)
    })

    it("an agent sees only its own portfolio: participants its source brought, not others in its regency", async () => {
      const mine = await makeAgent(ctx.sql)
      const [done] = await syncOutbox(ctx.sql, { agent: mine.agent, actor: mine.actor, requestId: null }, [registerItem()], new Date('2026-03-10T02:00:00Z'), { newId: () => newId() })
      const own = (await ctx.sql.query<{ regency_code: string; source_id: string }>('select regency_code, source_id from participants where id = $1', [done!.participantId])).rows[0]!
      const other = await registerBpu(ctx.sql, '2026-01-10')
      const foreign = (await ctx.sql.query<{ regency_code: string; source_id: string }>('select regency_code, source_id from participants where id = $1', [other.id])).rows[0]!
      expect(own.regency_code).toBe(foreign.regency_code)
      expect(participantView(mine.actor, { regencyCode: own.regency_code, sourceId: own.source_id })).toBe('full')
      expect(participantView(mine.actor, { regencyCode: foreign.regency_code, sourceId: foreign.source_id })).toBe('none')
      expect(dataScope(mine.actor)).toEqual({ regionCodes: 'all', sourceIds: [mine.agent.sourceId] })
    })
  },
  { referenceData: true },
)
