import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import multipart from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import { DomainError } from '../../../kernel/errors.js'
import { actorOf } from '../../../platform/http/actor.js'
import type { App } from '../../../platform/http/types.js'
import { isTabularError } from '../../../platform/tabular/index.js'
import { importWageReport, openWageReport } from '../../../flows/import-wage-report.js'
import { assertEmployerAccess } from '../policy.js'
import { loadEmployer } from '../use-cases/record-wage.js'
import { employerIdParams, wageReportResponse } from './schemas.js'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
/** A laporan upah of a few thousand rows is far below this; the import is synchronous. */
const MAX_REPORT_BYTES = 20 * 1024 * 1024
const ZIP = [0x50, 0x4b, 0x03, 0x04]

async function uploadedBytes(request: FastifyRequest): Promise<Buffer> {
  if (request.isMultipart()) {
    const part = await request.file()
    if (!part) throw new DomainError('missing_field', 'Unggah berkas laporan upah (CSV atau XLSX) di kolom "file".', { field: 'file' })
    return part.toBuffer()
  }
  const body = request.body as Buffer | string | undefined
  if (body === undefined || body.length === 0) throw new DomainError('missing_field', 'Berkas laporan upah kosong.', { field: 'file' })
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body
}

/** `POST /api/v1/employers/:id/wage-reports`: a CSV or XLSX laporan upah, as multipart `file` or as the raw body. */
export async function registerWageReportRoute(app: App): Promise<void> {
  const { ctx } = app
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart, { limits: { fileSize: MAX_REPORT_BYTES, files: 1 } })
  app.addContentTypeParser(['text/csv', XLSX_MIME, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_REPORT_BYTES }, (_request, body, done) => done(null, body))

  app.post(
    '/api/v1/employers/:id/wage-reports',
    {
      preHandler: app.requireActor,
      bodyLimit: MAX_REPORT_BYTES,
      schema: {
        tags: ['employers'],
        summary: 'Impor laporan upah bulanan (CSV/XLSX: npp, nik, nama, upah, bulan); baris yang baik disimpan, yang salah dilaporkan',
        security: [{ cookieAuth: [] }, { bearerAuth: [] }],
        consumes: ['multipart/form-data', 'text/csv', XLSX_MIME],
        params: employerIdParams,
        response: { 200: wageReportResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const employer = await loadEmployer(ctx.sql, request.params.id)
      assertEmployerAccess(actor, 'employer.write', employer)
      const bytes = await uploadedBytes(request)
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'semesta-laporan-upah-'))
      try {
        const file = path.join(dir, ZIP.every((b, i) => bytes[i] === b) ? 'laporan.xlsx' : 'laporan.csv')
        await fs.writeFile(file, bytes)
        const table = await openWageReport(file).catch((error: unknown) => {
          if (isTabularError(error)) throw new DomainError('invalid_input', error.message, { field: 'file', problem: error.problem, missingColumns: [...error.missingColumns] })
          throw error
        })
        return await importWageReport(ctx.sql, { employerId: employer.id, rows: table.rows, actor, requestId: request.id, via: 'api' }, ctx.now(), ctx.newId)
      } finally {
        await fs.rm(dir, { recursive: true, force: true })
      }
    },
  )
}
