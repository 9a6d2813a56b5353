import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { loadBranchOffices } from '../db/branch-offices.js'
import { auditRows } from '../testing/factories.js'
import { createUser } from './create-user.js'

const now = new Date('2025-03-14T01:00:00Z')
const admin = { userId: '0190a6f2-7c1e-7abc-8def-0123456789ab', role: 'admin' as const }

describeDb('createUser', (ctx) => {
  it('creates a branch user with a hashed password and writes user.create in the same transaction', async () => {
    await loadBranchOffices(ctx.sql)
    const user = await createUser(ctx.sql, { actor: admin, input: { username: 'Cabang.Dps', role: 'cabang', branchCode: 'bali-denpasar' }, password: 'pantai-sanur-77', requestId: 'req-u1', via: 'api' }, now)
    expect(user).toMatchObject({ username: 'cabang.dps', role: 'cabang', branchCode: 'bali-denpasar', regionCodes: ['51.01', '51.02', '51.03', '51.08', '51.71'], status: 'active', createdAt: now })
    const stored = await ctx.sql.query<{ password_hash: string }>('select password_hash from users where id = $1', [user.id])
    expect(stored.rows[0]?.password_hash).toMatch(/^\$argon2id\$/)
    expect(await auditRows(ctx.sql, { requestId: 'req-u1' })).toEqual([
      { action: 'user.create', actor_id: admin.userId, actor_role: 'admin', subject_type: 'user', subject_id: user.id, request_id: 'req-u1', details: { role: 'cabang', branchCode: 'bali-denpasar', regionCount: 5, sourceCount: 0, via: 'api' } },
    ])
  })

  it('refuses a taken username as a conflict on field username, and writes no second audit row', async () => {
    await createUser(ctx.sql, { actor: null, input: { username: 'dup.user', role: 'kanwil' }, password: 'gunung-agung-1', requestId: 'req-dup-1', via: 'cli' }, now)
    await expect(createUser(ctx.sql, { actor: null, input: { username: 'DUP.user', role: 'viewer' }, password: 'gunung-agung-1', requestId: 'req-dup-2', via: 'cli' }, now)).rejects.toMatchObject({
      code: 'conflict',
      details: { field: 'username' },
    })
    expect(await auditRows(ctx.sql, { requestId: 'req-dup-2' })).toEqual([])
  })

  it('refuses a weak password before touching the database', async () => {
    await expect(createUser(ctx.sql, { actor: null, input: { username: 'weak.user', role: 'kanwil' }, password: 'abc', requestId: 'req-weak', via: 'cli' }, now)).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'password' } })
    expect((await ctx.sql.query(`select 1 from users where username = 'weak.user'`)).rowCount).toBe(0)
  })
})

describeDb('createUser on a fresh database', (ctx) => {
  it('loads the branch table before checking codes', async () => {
    const user = await createUser(ctx.sql, { actor: null, input: { username: 'pemkab.nabire', role: 'pemda', regionCodes: ['9401'] }, password: 'teluk-cenderawasih', requestId: null, via: 'cli' }, now)
    expect(user.regionCodes).toEqual(['94.01'])
    expect((await ctx.sql.query('select 1 from branch_office_regencies')).rowCount).toBe(83)
  })
})
