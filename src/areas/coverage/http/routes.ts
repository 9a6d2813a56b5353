import { DomainError } from '../../../kernel/errors.js'
import { actorOf } from '../../../platform/http/actor.js'
import type { App } from '../../../platform/http/types.js'
import { coverageExport } from '../../../flows/coverage-export.js'
import { coverageReport } from '../../../flows/coverage-report.js'
import { coverageUncovered } from '../../../flows/coverage-uncovered.js'
import { setCoverageTarget } from '../../../flows/coverage-admin.js'
import { listTargets } from '../db/targets.js'
import { mayReadCoverage } from '../policy.js'
import * as s from './schemas.js'

const tags = ['coverage']
const secured: Array<Record<string, string[]>> = [{ cookieAuth: [] }, { bearerAuth: [] }]
const forbidden = () => new DomainError('forbidden', 'Anda tidak berwenang melihat laporan cakupan.', { action: 'coverage.read' })

/** Coverage: the report (JSON and exports), targets, and the uncovered estimate (issue 7). */
export default async function coverageRoutes(app: App): Promise<void> {
  const { ctx } = app
  app.get('/api/v1/coverage', {
    preHandler: app.requireActor,
    schema: {
      tags, security: secured, querystring: s.coverageQuery, response: { 200: s.coverageResponse },
      summary: 'Cakupan per provinsi atau kabupaten/kota dan bulan: terdaftar, aktif, menunggak, nonaktif, terlindungi, angkatan kerja, target dan laju',
    },
  }, async (request) => {
    const actor = actorOf(request)
    if (!mayReadCoverage(actor)) throw forbidden()
    const q = request.query
    return coverageReport(ctx.sql, { ...(q.month ? { month: q.month } : {}), level: q.level, ...(q.by ? { by: q.by } : {}), actor }, ctx.now(), ctx)
  })

  app.get('/api/v1/coverage/export.:format', {
    preHandler: app.requireActor,
    schema: { tags, security: secured, params: s.exportParams, querystring: s.coverageQuery, summary: 'Laporan cakupan sebagai XLSX (satu sheet per provinsi), PDF (satu halaman per provinsi) atau CSV' },
  }, async (request, reply) => {
    const actor = actorOf(request)
    if (!mayReadCoverage(actor)) throw forbidden()
    const q = request.query
    const out = await coverageExport(ctx.sql, { format: request.params.format, ...(q.month ? { month: q.month } : {}), level: q.level, ...(q.by ? { by: q.by } : {}), actor }, ctx.now(), ctx)
    return reply.type(out.contentType).header('content-disposition', `attachment; filename="${out.fileName}"`).send(out.body)
  })

  app.get('/api/v1/coverage/targets', {
    preHandler: app.requireActor,
    schema: { tags, security: secured, querystring: s.targetsQuery, response: { 200: s.targetsResponse }, summary: 'Target cakupan per wilayah dan tahun' },
  }, async (request) => {
    if (!mayReadCoverage(actorOf(request))) throw forbidden()
    return { targets: await listTargets(ctx.sql, request.query.year) }
  })

  app.put('/api/v1/coverage/targets/:region/:year', {
    preHandler: app.requireActor,
    schema: { tags, security: secured, params: s.targetParams, body: s.targetBody, response: { 200: s.targetSchema }, summary: 'Menetapkan target cakupan wilayah untuk satu tahun (kanwil)' },
  }, async (request) => {
    const actor = actorOf(request)
    return setCoverageTarget(ctx.sql, { actor, requestId: request.id, regionCode: request.params.region, year: request.params.year, value: request.body.value, source: request.body.source }, ctx.now())
  })

  app.get('/api/v1/coverage/uncovered', {
    preHandler: app.requireActor,
    schema: { tags, security: secured, querystring: s.uncoveredQuery, response: { 200: s.uncoveredResponse }, summary: 'Perkiraan pekerja informal belum terlindungi per kabupaten/kota, dan yang nonaktif/belum pernah bayar' },
  }, async (request) => {
    const actor = actorOf(request)
    if (!mayReadCoverage(actor)) throw forbidden()
    return coverageUncovered(ctx.sql, { ...(request.query.month ? { month: request.query.month } : {}), actor }, ctx.now(), ctx)
  })
}
