import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { purgeEndedSessions } from '../db/sessions.js'
import { DEFAULT_SESSION_SETTINGS } from '../domain/session-rules.js'
import { auditRows, makeUser } from '../testing/factories.js'
import { authenticateRequest } from './authenticate-request.js'
import { createApiToken } from './create-api-token.js'
import { login, logout } from './login.js'

const t0 = new Date('2025-03-14T01:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)

describeDb('login and web sessions', (ctx) => {
  it('signs a user in: a session whose token is stored hashed, an audit event, and the actor', async () => {
    const user = await makeUser(ctx.sql, { role: 'kanwil' })
    const result = await login(ctx.sql, { username: user.username, password: user.password, requestId: 'req-login-ok' }, t0)
    expect(result.actor).toEqual({ userId: user.id, username: user.username, role: 'kanwil', branchCode: null, regionCodes: [], sourceIds: [] })
    expect(result.expiresAt).toEqual(at(30))
    const stored = await ctx.sql.query<{ token_hash: string }>('select token_hash from sessions where id = $1', [result.sessionId])
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored.rows[0]?.token_hash).not.toContain(result.sessionToken)
    expect(await auditRows(ctx.sql, { requestId: 'req-login-ok' })).toEqual([
      { action: 'auth.login', actor_id: user.id, actor_role: 'kanwil', subject_type: 'session', subject_id: result.sessionId, request_id: 'req-login-ok', details: { userId: user.id } },
    ])
  })

  it('refuses a wrong password or an unknown user with the same error, and audits both failures', async () => {
    const user = await makeUser(ctx.sql, { role: 'viewer' })
    const wrong = await login(ctx.sql, { username: user.username, password: 'not-the-password', requestId: 'req-login-bad' }, t0).catch((error: unknown) => error)
    expect(wrong).toMatchObject({ code: 'unauthenticated' })
    const unknown = await login(ctx.sql, { username: 'nobody.here', password: 'not-the-password', requestId: 'req-login-unknown' }, t0).catch((error: unknown) => error)
    expect(unknown).toMatchObject({ code: 'unauthenticated', message: (wrong as Error).message })
    expect(await auditRows(ctx.sql, { requestId: 'req-login-bad' })).toMatchObject([{ action: 'auth.login_failed', actor_id: null, subject_id: user.id, details: { reason: 'bad_password' } }])
    expect(await auditRows(ctx.sql, { requestId: 'req-login-unknown' })).toMatchObject([{ action: 'auth.login_failed', subject_id: null, details: { reason: 'unknown_user' } }])
  })

  it('refuses a disabled user', async () => {
    const user = await makeUser(ctx.sql, { role: 'viewer' })
    await ctx.sql.query(`update users set status = 'disabled' where id = $1`, [user.id])
    await expect(login(ctx.sql, { username: user.username, password: user.password, requestId: 'req-disabled' }, t0)).rejects.toMatchObject({ code: 'unauthenticated' })
    expect(await auditRows(ctx.sql, { requestId: 'req-disabled' })).toMatchObject([{ details: { reason: 'disabled' } }])
  })

  it('gives a channel user no web session, even with the right password', async () => {
    const user = await makeUser(ctx.sql, { role: 'channel', sourceIds: ['pos'] })
    await expect(login(ctx.sql, { username: user.username, password: user.password, requestId: 'req-channel' }, t0)).rejects.toMatchObject({ code: 'forbidden' })
    expect((await ctx.sql.query('select 1 from sessions where user_id = $1', [user.id])).rowCount).toBe(0)
  })

  it('keeps a session alive while used, ends it after 30 idle minutes (injected clock)', async () => {
    const user = await makeUser(ctx.sql, { role: 'kanwil' })
    const { sessionToken } = await login(ctx.sql, { username: user.username, password: user.password, requestId: null }, t0)
    const auth = (now: Date) => authenticateRequest(ctx.sql, { cookieToken: sessionToken }, now)
    expect(await auth(at(29))).toMatchObject({ userId: user.id })
    expect(await auth(at(58))).toMatchObject({ userId: user.id })
    expect(await auth(at(88))).toBeNull()
  })

  it('ends a session after 12 hours however active it is', async () => {
    const user = await makeUser(ctx.sql, { role: 'kanwil' })
    const { sessionToken } = await login(ctx.sql, { username: user.username, password: user.password, requestId: null }, t0)
    for (let minute = 20; minute < 720; minute += 20) expect(await authenticateRequest(ctx.sql, { cookieToken: sessionToken }, at(minute))).not.toBeNull()
    expect(await authenticateRequest(ctx.sql, { cookieToken: sessionToken }, at(720))).toBeNull()
  })

  it('follows flagged settings for the idle timeout', async () => {
    const user = await makeUser(ctx.sql, { role: 'kanwil' })
    const settings = { ...DEFAULT_SESSION_SETTINGS, idleTimeoutMs: 5 * 60_000, touchIntervalMs: 30_000 }
    const { sessionToken } = await login(ctx.sql, { username: user.username, password: user.password, requestId: null }, t0, settings)
    expect(await authenticateRequest(ctx.sql, { cookieToken: sessionToken }, at(4), settings)).not.toBeNull()
    expect(await authenticateRequest(ctx.sql, { cookieToken: sessionToken }, at(10), settings)).toBeNull()
  })

  it('ends the session at logout, audited; a second logout does nothing', async () => {
    const user = await makeUser(ctx.sql, { role: 'kanwil' })
    const { sessionToken, sessionId } = await login(ctx.sql, { username: user.username, password: user.password, requestId: null }, t0)
    expect(await logout(ctx.sql, { cookieToken: sessionToken, requestId: 'req-logout' }, at(1))).toBe(true)
    expect(await authenticateRequest(ctx.sql, { cookieToken: sessionToken }, at(2))).toBeNull()
    expect(await logout(ctx.sql, { cookieToken: sessionToken, requestId: 'req-logout-2' }, at(3))).toBe(false)
    expect(await auditRows(ctx.sql, { subjectId: sessionId })).toMatchObject([{ action: 'auth.login' }, { action: 'auth.logout', actor_id: user.id, request_id: 'req-logout' }])
  })

  it('gives a branch user the regencies of its branch office', async () => {
    const user = await makeUser(ctx.sql, { role: 'cabang', branchCode: 'atambua' })
    const { actor } = await login(ctx.sql, { username: user.username, password: user.password, requestId: null }, t0)
    expect(actor).toMatchObject({ role: 'cabang', branchCode: 'atambua', regionCodes: ['53.03', '53.04', '53.21'] })
  })

  it('refuses cookies that are not sessions', async () => {
    expect(await authenticateRequest(ctx.sql, { cookieToken: 'x'.repeat(43) }, t0)).toBeNull()
    expect(await authenticateRequest(ctx.sql, { cookieToken: 'short' }, t0)).toBeNull()
    expect(await authenticateRequest(ctx.sql, {}, t0)).toBeNull()
  })
})

describeDb('API tokens', (ctx) => {
  it('authenticates a bearer token, records its last use, and writes api_token.create', async () => {
    const partner = await makeUser(ctx.sql, { role: 'channel', sourceIds: ['brilink'] })
    const created = await createApiToken(ctx.sql, { actor: null, userId: partner.id, name: 'brilink prod', requestId: 'req-token' }, t0)
    expect(created.token).toMatch(/^smt_/)
    const actor = await authenticateRequest(ctx.sql, { bearerToken: created.token }, at(1))
    expect(actor).toEqual({ userId: partner.id, username: partner.username, role: 'channel', branchCode: null, regionCodes: [], sourceIds: ['brilink'] })
    const used = await ctx.sql.query<{ last_used_at: Date; token_hash: string }>('select last_used_at, token_hash from api_tokens where id = $1', [created.id])
    expect(used.rows[0]?.last_used_at).toEqual(at(1))
    expect(used.rows[0]?.token_hash).not.toBe(created.token)
    expect(await auditRows(ctx.sql, { requestId: 'req-token' })).toEqual([
      { action: 'api_token.create', actor_id: null, actor_role: null, subject_type: 'api_token', subject_id: created.id, request_id: 'req-token', details: { userId: partner.id } },
    ])
  })

  it('refuses a wrong, revoked or disabled-user token; a bad bearer is not rescued by a cookie', async () => {
    const partner = await makeUser(ctx.sql, { role: 'channel', sourceIds: ['pos'] })
    const created = await createApiToken(ctx.sql, { actor: null, userId: partner.id, name: 'pos', requestId: null }, t0)
    expect(await authenticateRequest(ctx.sql, { bearerToken: `${created.token}x` }, t0)).toBeNull()
    expect(await authenticateRequest(ctx.sql, { bearerToken: created.token.replace('smt_', 'abc_') }, t0)).toBeNull()

    const kanwil = await makeUser(ctx.sql, { role: 'kanwil' })
    const { sessionToken } = await login(ctx.sql, { username: kanwil.username, password: kanwil.password, requestId: null }, t0)
    expect(await authenticateRequest(ctx.sql, { bearerToken: 'smt_wrong_wrong_wrong_wrong', cookieToken: sessionToken }, t0)).toBeNull()

    await ctx.sql.query(`update users set status = 'disabled' where id = $1`, [partner.id])
    expect(await authenticateRequest(ctx.sql, { bearerToken: created.token }, t0)).toBeNull()
    await ctx.sql.query(`update users set status = 'active' where id = $1`, [partner.id])
    await ctx.sql.query('update api_tokens set revoked_at = $2 where id = $1', [created.id, t0])
    expect(await authenticateRequest(ctx.sql, { bearerToken: created.token }, t0)).toBeNull()
  })

  it('refuses a second live token with the same name for a user', async () => {
    const partner = await makeUser(ctx.sql, { role: 'channel' })
    await createApiToken(ctx.sql, { actor: null, userId: partner.id, name: 'prod', requestId: null }, t0)
    await expect(createApiToken(ctx.sql, { actor: null, userId: partner.id, name: 'prod', requestId: 'req-token-dup' }, t0)).rejects.toMatchObject({ code: 'conflict', details: { field: 'name' } })
    expect(await auditRows(ctx.sql, { requestId: 'req-token-dup' })).toEqual([])
  })
})

describeDb('purgeEndedSessions', (ctx) => {
  it('deletes revoked, idle and expired sessions and keeps live ones', async () => {
    const user = await makeUser(ctx.sql, { role: 'kanwil' })
    const signIn = async (when: Date) => (await login(ctx.sql, { username: user.username, password: user.password, requestId: null }, when)).sessionToken
    const live = await signIn(at(0))
    const revoked = await signIn(at(0))
    await signIn(at(-31))
    await logout(ctx.sql, { cookieToken: revoked, requestId: null }, at(0))
    expect(await purgeEndedSessions(ctx.sql, at(1), DEFAULT_SESSION_SETTINGS)).toBe(2)
    expect(await authenticateRequest(ctx.sql, { cookieToken: live }, at(1))).not.toBeNull()
    expect((await ctx.sql.query('select 1 from sessions where user_id = $1', [user.id])).rowCount).toBe(1)
  })
})
