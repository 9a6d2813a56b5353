import { describe, expect, it } from 'vitest'
import { describeDb } from '../../../test/db.js'
import type { Sql } from '../../platform/db/sql.js'
import { CredentialCache, credentialCacheFor, forgetUser } from './credential-cache.js'
import type { CredentialRow } from './db/sessions.js'
import { makeUser } from './testing/factories.js'
import { authenticateRequest } from './use-cases/authenticate-request.js'
import { createApiToken } from './use-cases/create-api-token.js'
import { login, logout } from './use-cases/login.js'

const t0 = new Date('2025-03-14T01:00:00Z')
const atMs = (ms: number) => new Date(t0.getTime() + ms)

function row(userId: string): CredentialRow {
  return {
    credential_id: `c-${userId}`, created_at: t0, last_seen_at: t0, revoked_at: null, user_id: userId, username: userId,
    role: 'kanwil', branch_code: null, region_codes: [], source_ids: [], status: 'active', branch_regencies: [],
  }
}

describe('CredentialCache', () => {
  it('forgets an entry when its time is up (injected clock)', () => {
    const cache = new CredentialCache({ ttlMs: 5_000 })
    cache.set('a', row('u1'), 0, cache.generation)
    expect(cache.get('a', 4_999)?.user_id).toBe('u1')
    expect(cache.get('a', 5_000)).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('stays bounded: the oldest entry goes first', () => {
    const cache = new CredentialCache({ maxEntries: 2 })
    for (const key of ['a', 'b', 'c']) cache.set(key, row(key), 0, cache.generation)
    expect(cache.size).toBe(2)
    expect(cache.get('a', 1)).toBeUndefined()
    expect(cache.get('c', 1)?.user_id).toBe('c')
  })

  it('forgets by key and by user, and refuses a row read before an invalidation', () => {
    const cache = new CredentialCache()
    cache.set('a', row('u1'), 0, cache.generation)
    cache.set('b', row('u1'), 0, cache.generation)
    cache.set('c', row('u2'), 0, cache.generation)
    cache.forgetUser('u1')
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)?.user_id]).toEqual([undefined, undefined, 'u2'])
    const readStartedAt = cache.generation
    cache.forgetKey('c')
    cache.set('c', row('u2'), 1, readStartedAt) // a read that raced the invalidation
    expect(cache.get('c', 2)).toBeUndefined()
  })

  it('remembers nothing with ttlMs 0', () => {
    const cache = new CredentialCache({ ttlMs: 0 })
    cache.set('a', row('u1'), 0, cache.generation)
    expect(cache.get('a', 0)).toBeUndefined()
  })
})

/** Counts the statements that reach the database. */
function counting(sql: Sql): { sql: Sql; count: () => number } {
  let n = 0
  const wrapped: Sql = {
    ...sql,
    query: (text, params) => {
      n += 1
      return sql.query(text, params)
    },
  }
  return { sql: wrapped, count: () => n }
}

describeDb('authentication with the credential cache', (ctx) => {
  it('answers a remembered API token without a query, honours a revocation by another process after the TTL', async () => {
    const user = await makeUser(ctx.sql, { role: 'kanwil' })
    const created = await createApiToken(ctx.sql, { actor: null, userId: user.id, name: 'cache test', requestId: null }, t0)
    const cache = new CredentialCache({ ttlMs: 5_000 })
    const db = counting(ctx.sql)
    const auth = (ms: number) => authenticateRequest(db.sql, { bearerToken: created.token }, atMs(ms), undefined, cache)
    expect(await auth(0)).toMatchObject({ userId: user.id, role: 'kanwil' })
    const afterFirst = db.count() // the read and the first last-used write
    expect(await auth(1_000)).toMatchObject({ userId: user.id })
    expect(db.count()).toBe(afterFirst)
    await ctx.sql.query('update api_tokens set revoked_at = $2 where id = $1', [created.id, atMs(2_000)])
    expect(await auth(4_999)).toMatchObject({ userId: user.id }) // the documented window: at most the TTL
    expect(await auth(5_000)).toBeNull()
    expect(await auth(5_001)).toBeNull() // a refused credential is never remembered
  })

  it('writes the last-used time at most once a minute, also from a remembered row', async () => {
    const user = await makeUser(ctx.sql, { role: 'kanwil' })
    const created = await createApiToken(ctx.sql, { actor: null, userId: user.id, name: 'touch test', requestId: null }, t0)
    const cache = new CredentialCache({ ttlMs: 120_000 })
    const auth = (ms: number) => authenticateRequest(ctx.sql, { bearerToken: created.token }, atMs(ms), undefined, cache)
    const lastUsed = async () => (await ctx.sql.query<{ last_used_at: Date }>('select last_used_at from api_tokens where id = $1', [created.id])).rows[0]?.last_used_at
    await auth(0)
    await auth(30_000)
    expect(await lastUsed()).toEqual(atMs(0))
    await auth(61_000)
    expect(await lastUsed()).toEqual(atMs(61_000))
  })

  it('stops honouring a session at once when this process signs it out, and a user at once when forgotten', async () => {
    const cache = credentialCacheFor(ctx.sql)
    const user = await makeUser(ctx.sql, { role: 'kanwil' })
    const signedIn = await login(ctx.sql, { username: user.username, password: user.password, requestId: null }, t0)
    const auth = (ms: number) => authenticateRequest(ctx.sql, { cookieToken: signedIn.sessionToken }, atMs(ms), undefined, cache)
    expect(await auth(0)).toMatchObject({ userId: user.id })
    expect(await logout(ctx.sql, { cookieToken: signedIn.sessionToken, requestId: null }, atMs(1)))
    expect(await auth(2)).toBeNull()

    const again = await login(ctx.sql, { username: user.username, password: user.password, requestId: null }, t0)
    expect(await authenticateRequest(ctx.sql, { cookieToken: again.sessionToken }, atMs(0), undefined, cache)).toMatchObject({ userId: user.id })
    await ctx.sql.query(`update users set status = 'disabled' where id = $1`, [user.id])
    forgetUser(ctx.sql, user.id)
    expect(await authenticateRequest(ctx.sql, { cookieToken: again.sessionToken }, atMs(1), undefined, cache)).toBeNull()
  })

  it('judges a remembered session against the clock: idle after 30 minutes even inside the TTL', async () => {
    const user = await makeUser(ctx.sql, { role: 'kanwil' })
    const signedIn = await login(ctx.sql, { username: user.username, password: user.password, requestId: null }, t0)
    const cache = new CredentialCache({ ttlMs: 3_600_000 })
    const auth = (ms: number) => authenticateRequest(ctx.sql, { cookieToken: signedIn.sessionToken }, atMs(ms), undefined, cache)
    expect(await auth(0)).not.toBeNull()
    expect(await auth(30 * 60_000)).toBeNull()
  })
})
