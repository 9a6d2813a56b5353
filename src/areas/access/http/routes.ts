import { z } from 'zod'
import { actorOf } from '../../../platform/http/actor.js'
import type { App } from '../../../platform/http/types.js'
import { listAuditEvents } from '../db/audit.js'
import { listBranchOffices } from '../db/branch-offices.js'
import { findUserById, listUsers } from '../db/users.js'
import { assertAuthorized } from '../policy.js'
import { SESSION_COOKIE, sessionSettings } from '../request-authenticator.js'
import { createApiToken } from '../use-cases/create-api-token.js'
import { createUser } from '../use-cases/create-user.js'
import { login, logout } from '../use-cases/login.js'
import { presentAuditEvent, presentSessionUser, presentUser } from './presenters.js'
import * as s from './schemas.js'

const tags = ['access']
const secured: Array<Record<string, string[]>> = [{ cookieAuth: [] }, { bearerAuth: [] }]

/** Sign-in, sign-out, the current user, user administration, the audit trail and the branch offices. */
export default async function accessRoutes(app: App): Promise<void> {
  const { ctx } = app
  const settings = sessionSettings()
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.env === 'production' }

  app.post(
    '/api/v1/auth/login',
    { schema: { tags, summary: 'Masuk (sign in): sets the semesta_session cookie', body: s.loginBody, response: { 200: s.sessionResponse } } },
    async (request, reply) => {
      const result = await login(ctx.sql, { ...request.body, requestId: request.id }, ctx.now(), settings)
      reply.setCookie(SESSION_COOKIE, result.sessionToken, cookieOptions)
      return { user: presentSessionUser(result.actor, result.user.displayName) }
    },
  )

  app.post('/api/v1/auth/logout', { schema: { tags, summary: 'Keluar (sign out)', response: { 204: z.null() } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE]
    if (token) await logout(ctx.sql, { cookieToken: token, requestId: request.id }, ctx.now())
    reply.clearCookie(SESSION_COOKIE, cookieOptions)
    return reply.code(204).send(null)
  })

  app.get(
    '/api/v1/auth/me',
    { preHandler: app.requireActor, schema: { tags, summary: 'Pengguna yang sedang masuk', security: secured, response: { 200: s.sessionResponse } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'self.read')
      const user = await findUserById(ctx.sql, actor.userId)
      return { user: presentSessionUser(actor, user?.displayName ?? actor.username) }
    },
  )

  app.get(
    '/api/v1/users',
    { preHandler: app.requireActor, schema: { tags, summary: 'Daftar pengguna (admin)', security: secured, querystring: s.listUsersQuery, response: { 200: s.listUsersResponse } } },
    async (request) => {
      assertAuthorized(actorOf(request), 'user.read')
      return { items: (await listUsers(ctx.sql, request.query)).map(presentUser) }
    },
  )

  app.post(
    '/api/v1/users',
    { preHandler: app.requireActor, schema: { tags, summary: 'Tambah pengguna (admin)', security: secured, body: s.createUserBody, response: { 201: s.userView } } },
    async (request, reply) => {
      const actor = assertAuthorized(actorOf(request), 'user.write')
      const { password, ...input } = request.body
      const user = await createUser(ctx.sql, { actor, input, password, requestId: request.id, via: 'api' }, ctx.now())
      return reply.code(201).send(presentUser(user))
    },
  )

  app.post(
    '/api/v1/users/:id/api-tokens',
    {
      preHandler: app.requireActor,
      schema: { tags, summary: 'Buat token API untuk pengguna (admin); token tampil sekali', security: secured, params: s.userIdParams, body: s.createApiTokenBody, response: { 201: s.createdApiToken } },
    },
    async (request, reply) => {
      const actor = assertAuthorized(actorOf(request), 'api_token.write')
      const created = await createApiToken(ctx.sql, { actor, userId: request.params.id, name: request.body.name, requestId: request.id }, ctx.now())
      return reply.code(201).send({ ...created, createdAt: created.createdAt.toISOString() })
    },
  )

  app.get(
    '/api/v1/audit-events',
    { preHandler: app.requireActor, schema: { tags, summary: 'Jejak audit (admin), terbaru dulu', security: secured, querystring: s.auditQuery, response: { 200: s.auditListResponse } } },
    async (request) => {
      assertAuthorized(actorOf(request), 'audit.read')
      const page = await listAuditEvents(ctx.sql, request.query)
      return { items: page.items.map(presentAuditEvent), nextCursor: page.nextCursor }
    },
  )

  app.get(
    '/api/v1/branch-offices',
    { preHandler: app.requireActor, schema: { tags, summary: 'Kantor cabang dan kabupaten/kota yang dilayani', security: secured, response: { 200: s.branchOfficesResponse } } },
    async (request) => {
      assertAuthorized(actorOf(request), 'branch_office.read')
      return { items: await listBranchOffices(ctx.sql) }
    },
  )
}
