import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { makeUser } from '../testing/factories.js'
import { DEMO_PASSWORD, DEMO_USERNAME, ensureDemoUser } from './ensure-demo-user.js'
import { login } from './login.js'

const now = new Date('2025-03-14T01:00:00Z')

describeDb('ensureDemoUser on an empty users table', (ctx) => {
  it('creates kanwil.demo / semesta-demo once, who can sign in', async () => {
    expect(await ensureDemoUser(ctx.sql, now)).toEqual({ username: DEMO_USERNAME, password: DEMO_PASSWORD, created: true })
    expect(await ensureDemoUser(ctx.sql, now)).toEqual({ username: DEMO_USERNAME, password: DEMO_PASSWORD, created: false })
    const { actor } = await login(ctx.sql, { username: 'kanwil.demo', password: 'semesta-demo', requestId: null }, now)
    expect(actor).toMatchObject({ role: 'kanwil', regionCodes: [] })
    const audit = await ctx.sql.query(`select details from audit_events where action = 'user.create' and subject_id = $1`, [actor.userId])
    expect(audit.rows).toEqual([{ details: { role: 'kanwil', branchCode: null, regionCount: 0, sourceCount: 0, via: 'start' } }])
  })
})

describeDb('ensureDemoUser when users exist', (ctx) => {
  it('creates nothing', async () => {
    await makeUser(ctx.sql, { role: 'admin' })
    expect(await ensureDemoUser(ctx.sql, now)).toBeNull()
    expect((await ctx.sql.query('select 1 from users where username = $1', [DEMO_USERNAME])).rowCount).toBe(0)
  })
})
