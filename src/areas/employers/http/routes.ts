import { DomainError } from '../../../kernel/errors.js'
import { isMonth } from '../../../kernel/month.js'
import { actorOf } from '../../../platform/http/actor.js'
import { idempotencyHeaders, idempotent } from '../../../platform/http/idempotent.js'
import type { App } from '../../../platform/http/types.js'
import { assertAuthorized, canSeePersonalData, dataScope } from '../../access/index.js'
import { searchEmployers } from '../db/employers.js'
import { listWages } from '../db/wages.js'
import { listWorkers } from '../db/workers.js'
import { normaliseNpp } from '../domain/index.js'
import { assertEmployerAccess } from '../policy.js'
import { recordWage, loadEmployer } from '../use-cases/record-wage.js'
import { currentMonthIn, programmesNow, registerEmployer } from '../use-cases/register-employer.js'
import { presentEmployer, presentWorker } from './presenters.js'
import * as s from './schemas.js'
import { registerWageReportRoute } from './wage-report-route.js'

const tags = ['employers']
const security: Array<Record<string, string[]>> = [{ cookieAuth: [] }, { bearerAuth: [] }]

/** PU employers: register, read, search within the caller's area, workers with their wages, wage rows and reports. */
export default async function employersRoutes(app: App): Promise<void> {
  const { ctx } = app

  app.post(
    '/api/v1/employers',
    { preHandler: app.requireActor, schema: { tags, summary: 'Daftarkan perusahaan (PU)', security, headers: idempotencyHeaders, body: s.createEmployerBody, response: { 201: s.employerView } } },
    async (request, reply) => {
      const actor = assertAuthorized(actorOf(request), 'employer.write', { collection: true })
      return idempotent(request, reply, async (tx) => {
        const { employer, mandatoryProgrammes } = await registerEmployer(tx, { actor, input: request.body, requestId: request.id, via: 'api' }, ctx.now(), ctx.newId)
        return { status: 201, body: presentEmployer(employer, mandatoryProgrammes) }
      })
    },
  )

  app.get(
    '/api/v1/employers/:id',
    { preHandler: app.requireActor, schema: { tags, summary: 'Data perusahaan', security, params: s.employerIdParams, response: { 200: s.employerView } } },
    async (request) => {
      const employer = await loadEmployer(ctx.sql, request.params.id)
      assertEmployerAccess(actorOf(request), 'employer.read', employer)
      return presentEmployer(employer, programmesNow(employer, ctx.now()))
    },
  )

  app.post(
    '/api/v1/employers/search',
    { preHandler: app.requireActor, schema: { tags, summary: 'Cari perusahaan (NPP atau nama) di wilayah pengguna', security, body: s.searchEmployersBody, response: { 200: s.searchEmployersResponse } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'employer.read', { collection: true })
      const { npp, name, limit } = request.body
      const found = await searchEmployers(ctx.sql, { npp: npp === undefined ? undefined : normaliseNpp(npp), name, regionCodes: dataScope(actor).regionCodes, limit })
      const now = ctx.now()
      return { items: found.map((e) => presentEmployer(e, programmesNow(e, now))) }
    },
  )

  app.get(
    '/api/v1/employers/:id/workers',
    { preHandler: app.requireActor, schema: { tags, summary: 'Pekerja perusahaan dan upah per bulan', security, params: s.employerIdParams, querystring: s.workersQuery, response: { 200: s.workersResponse } } },
    async (request) => {
      const actor = actorOf(request)
      const employer = await loadEmployer(ctx.sql, request.params.id)
      assertEmployerAccess(actor, 'employer.read', employer)
      const month = request.query.month ?? currentMonthIn(employer.regencyCode, ctx.now())
      if (!isMonth(month)) throw new DomainError('invalid_month', `Bulan "${month}" tidak valid: tulis YYYY-MM.`, { field: 'month' })
      const workers = await listWorkers(ctx.sql, employer.id, request.query.limit)
      const wages = await listWages(ctx.sql, employer.id, workers.map((w) => w.participantId))
      const byWorker = new Map<string, typeof wages>()
      for (const wage of wages) {
        const list = byWorker.get(wage.participantId)
        if (list) list.push(wage)
        else byWorker.set(wage.participantId, [wage])
      }
      const items = workers.map((w) => presentWorker(w, byWorker.get(w.participantId) ?? [], month, canSeePersonalData(actor, { regionCode: w.regencyCode })))
      return { month, items }
    },
  )

  app.post(
    '/api/v1/employers/:id/wages',
    { preHandler: app.requireActor, schema: { tags, summary: 'Catat upah seorang pekerja untuk satu bulan (baris bertanggal)', security, params: s.employerIdParams, body: s.recordWageBody, response: { 200: s.recordWageResponse, 201: s.recordWageResponse } } },
    async (request, reply) => {
      const actor = assertAuthorized(actorOf(request), 'employer.write', { collection: true })
      const recorded = await recordWage(ctx.sql, { actor, employerId: request.params.id, ...request.body, via: 'api', requestId: request.id }, ctx.now(), ctx.newId)
      reply.code(recorded.stored ? 201 : 200)
      return {
        employerId: recorded.employerId,
        participantId: recorded.participantId,
        month: recorded.month,
        stored: recorded.stored !== null,
        revision: recorded.stored?.revision ?? null,
        wageIdr: request.body.wageIdr,
        workerLinked: recorded.workerLinked,
      }
    },
  )

  await registerWageReportRoute(app)
}

export { employersRoutes }
