import { expect, it } from 'vitest'
import { describeDb } from '../../../test/db.js'
import { snapWorld } from './http/snap-world.test-support.js'
import { insertAccessToken } from './db/tokens.js'
import { startTokenPurge } from './token-purge.js'

const START = new Date('2026-03-10T03:00:00Z')

describeDb('access-token purge (the job semesta start runs)', (ctx) => {
  it('deletes the tokens expired before now and keeps the live ones; the live token still signs calls', async () => {
    const world = await snapWorld(ctx.sql, START)
    try {
      const { partner, client } = await world.addPartner()
      await client.token()
      const expiredHash = `expired-${process.pid}-${Date.now()}`
      await insertAccessToken(ctx.sql, { tokenHash: expiredHash, partnerId: partner.partnerId, issuedAt: new Date(START.getTime() - 3_600_000), expiresAt: new Date(START.getTime() - 2_700_000) })
      const purged = await new Promise<number>((resolve, reject) => {
        const job = startTokenPurge(ctx.sql, { now: () => START, onDone: (n) => void job.stop().then(() => resolve(n)), onError: reject })
      })
      expect(purged).toBeGreaterThanOrEqual(1)
      const left = await ctx.sql.query<{ hash: string; expiresAt: Date }>(
        `select token_hash as hash, expires_at as "expiresAt" from channel_access_tokens where partner_id = $1`, [partner.partnerId])
      expect(left.rows.map((r) => r.hash)).not.toContain(expiredHash)
      expect(left.rows.length).toBeGreaterThanOrEqual(1)
      for (const row of left.rows) expect(row.expiresAt.getTime()).toBeGreaterThan(START.getTime())
      const inquiry = await client.inquiry({ customerNo: '00000000000', inquiryRequestId: `INQ-${process.pid}` })
      expect(inquiry.status).not.toBe(401)
    } finally {
      await world.close()
    }
  })
})
