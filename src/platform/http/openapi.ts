import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import type { App } from './types.js'

export const OPENAPI_PATH = '/api/openapi.json'
export const DOCS_PATH = '/api/docs'

/** One tag per area, so /api/docs reads like the folder map. */
export const API_TAGS = [
  { name: 'access', description: 'Masuk, keluar, pengguna dan peran' },
  { name: 'regions', description: 'Provinsi, kabupaten/kota dan angkatan kerja Banuspa' },
  { name: 'programmes', description: 'Tarif, simulasi iuran dan manfaat (regulasi sebagai data)' },
  { name: 'participants', description: 'Registri peserta (NIK, KPJ, status)' },
  { name: 'employers', description: 'Pemberi kerja (PU), NPP, laporan upah' },
  { name: 'contributions', description: 'Iuran per bulan, tunggakan, status' },
  { name: 'payments', description: 'Pembayaran dan rekonsiliasi' },
  { name: 'channels', description: 'API mitra kanal (SNAP BI) di /snap/v1.0: token, inquiry, pembayaran, status, pendaftaran, pembatalan' },
  { name: 'agents', description: 'Agen Perisai' },
  { name: 'pemda', description: 'Program pemerintah daerah: kohort, tagihan, anggaran' },
  { name: 'coverage', description: 'Cakupan terhadap angkatan kerja, target dan laju' },
  { name: 'claims', description: 'Manfaat dan kelayakan' },
  { name: 'notifications', description: 'Pengingat, peringatan, kuitansi dan catatan OPD (outbox), berhenti berlangganan' },
  { name: 'self-service', description: 'Layanan mandiri pekerja di /peserta: masuk dengan kode sekali pakai, hanya data sendiri' },
  { name: 'system', description: 'Kesehatan layanan dan dokumentasi' },
]

export async function registerOpenApi(app: App, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Semesta API',
        description: 'Cakupan semesta Jamsostek untuk Kanwil BPJS Ketenagakerjaan Banuspa (Bali, Nusa Tenggara, Papua).',
        version,
      },
      tags: API_TAGS,
      components: {
        securitySchemes: {
          cookieAuth: { type: 'apiKey', in: 'cookie', name: 'semesta_session' },
          workerCookie: { type: 'apiKey', in: 'cookie', name: 'semesta_peserta', description: 'worker self-service session (/api/v1/self only)' },
          bearerAuth: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: createJsonSchemaTransform({ skipList: [OPENAPI_PATH] }),
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(swaggerUi, { routePrefix: DOCS_PATH })
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger())
}
