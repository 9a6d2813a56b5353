import fs from 'node:fs'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import multipart from '@fastify/multipart'
import type { FastifyReply } from 'fastify'
import { DomainError } from '../../../kernel/errors.js'
import { actorOf } from '../../../platform/http/actor.js'
import type { App } from '../../../platform/http/types.js'
import { createJobRunner } from '../../../platform/jobs/index.js'
import { isTabularError, type TabularFormat } from '../../../platform/tabular/index.js'
import { assertAuthorized, seesAllBanuspa, type Actor } from '../../access/index.js'
import {
  participantImportResult, queueParticipantImport, runParticipantImport, writeImportErrors, writeImportTemplate, IMPORT_KIND,
} from '../../../flows/import-participants.js'
import { findImportJob, finishImportJob, listUnfinishedImportJobs, type ImportJobRecord } from '../db/bulk-import-jobs.js'
import { importJobParams, importJobResponse, importQueuedResponse, importUploadQuery, type ImportJobResponse } from './imports-schemas.js'

const MAX_UPLOAD_BYTES = 512 * 1024 * 1024
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const MIME: Record<TabularFormat, string> = { csv: 'text/csv; charset=utf-8', xlsx: XLSX_MIME }
const ISSUES_SHOWN = 1_000

/** A job is seen by the user who started it and by Banuspa-wide roles (its rows carry personal data). */
async function readableJob(app: App, actor: Actor, id: string): Promise<ImportJobRecord> {
  assertAuthorized(actor, 'import.run', { collection: true })
  const job = await findImportJob(app.ctx.sql, id)
  if (!job || (job.actorId !== actor.userId && !seesAllBanuspa(actor.role))) throw new DomainError('not_found', 'Impor tidak ditemukan.')
  return job
}

async function present(app: App, job: ImportJobRecord): Promise<ImportJobResponse> {
  const result = job.status === 'done' ? await participantImportResult(app.ctx.sql, job.id) : null
  return {
    id: job.id, status: job.status, fileName: job.fileName, rowsDone: job.rowsDone, totalRows: job.totalRows,
    progress: job.totalRows ? Math.min(1, job.rowsDone / job.totalRows) : job.status === 'done' ? 1 : null,
    createdAt: job.createdAt.toISOString(), finishedAt: job.finishedAt?.toISOString() ?? null,
    result: result && {
      read: result.read, stored: result.stored, alreadyRegistered: result.alreadyRegistered, rejected: result.rejected,
      errors: result.errors.slice(0, ISSUES_SHOWN), warnings: result.warnings.slice(0, ISSUES_SHOWN),
    },
  }
}

function sendTable(reply: FastifyReply, format: TabularFormat, name: string, write: (out: PassThrough) => Promise<void>) {
  const out = new PassThrough()
  write(out).catch((error: unknown) => out.destroy(error as Error))
  return reply.type(MIME[format]).header('content-disposition', `attachment; filename="${name}"`).send(out)
}

/** Bulk participant imports: upload (background job), progress and result, error files, templates. */
export default async function participantImportsRoutes(app: App): Promise<void> {
  const { ctx } = app
  const uploads = path.join(ctx.config.dataDir, 'imports')
  const runner = createJobRunner({
    run: async (id, signal) => void (await runParticipantImport(ctx.sql, id, () => ctx.now(), { signal })),
    onError: async (id, error) => {
      app.log.error({ err: error, jobId: id }, 'import job failed')
      await finishImportJob(ctx.sql, id, 'failed', ctx.now())
    },
  })
  app.addHook('onReady', async () => {
    const unfinished = await listUnfinishedImportJobs(ctx.sql, IMPORT_KIND).catch(() => [])
    for (const job of unfinished) if (fs.existsSync(String(job.options.file))) runner.submit(job.id)
  })
  app.addHook('onClose', () => runner.stop())
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })

  app.post('/api/v1/imports/participants', {
    preHandler: app.requireActor,
    schema: {
      tags: ['imports'], summary: 'Unggah berkas peserta (CSV/XLSX, kolom templat) untuk diimpor di latar belakang',
      consumes: ['multipart/form-data'], querystring: importUploadQuery, response: { 202: importQueuedResponse },
    },
  }, async (request, reply) => {
    const actor = assertAuthorized(actorOf(request), 'import.run', { collection: true })
    const part = await request.file()
    if (!part) throw new DomainError('missing_field', 'Unggah berkas peserta (CSV atau XLSX) di kolom "file".', { field: 'file' })
    await fs.promises.mkdir(uploads, { recursive: true })
    const extension = path.extname(part.filename).toLowerCase() === '.xlsx' ? '.xlsx' : '.csv'
    const file = path.join(uploads, `${ctx.newId()}${extension}`)
    await pipeline(part.file, fs.createWriteStream(file))
    if (part.file.truncated) {
      await fs.promises.rm(file, { force: true })
      throw new DomainError('out_of_range', `Berkas lebih besar dari ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, { field: 'file' })
    }
    const queued = await queueParticipantImport(ctx.sql, { file, fileName: part.filename, sourceId: request.query.sourceId ?? null, actor, requestId: request.id }, ctx.now())
      .catch(async (error: unknown) => {
        await fs.promises.rm(file, { force: true })
        if (isTabularError(error)) throw new DomainError('invalid_input', error.message, { field: 'file', problem: error.problem, missingColumns: [...error.missingColumns] })
        throw error
      })
    if (queued.resumed && queued.job.options.file !== file) await fs.promises.rm(file, { force: true })
    runner.submit(queued.job.id)
    return reply.code(202).send({ jobId: queued.job.id, resumed: queued.resumed })
  })

  app.get('/api/v1/imports/:id', {
    preHandler: app.requireActor,
    schema: { tags: ['imports'], summary: 'Status, kemajuan dan hasil impor', params: importJobParams, response: { 200: importJobResponse } },
  }, async (request) => present(app, await readableJob(app, actorOf(request), request.params.id)))

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/api/v1/imports/:id/errors.${format}`, {
      preHandler: app.requireActor,
      schema: { tags: ['imports'], summary: `Baris yang ditolak beserta alasannya (${format.toUpperCase()})`, params: importJobParams },
    }, async (request, reply) => {
      const job = await readableJob(app, actorOf(request), request.params.id)
      return sendTable(reply, format, `kesalahan-impor-${job.id}.${format}`, (out) => writeImportErrors(ctx.sql, job.id, out, format))
    })
    app.get(`/api/v1/imports/templates/participants.${format}`, {
      schema: { tags: ['imports'], summary: `Templat impor peserta (${format.toUpperCase()})` },
    }, async (_request, reply) => sendTable(reply, format, `templat-peserta.${format}`, (out) => writeImportTemplate(out, format)))
  }
}

export { participantImportsRoutes }
