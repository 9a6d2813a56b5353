import type { Actor } from '../../access/index.js'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { Sql } from '../../../platform/db/sql.js'
import type { App } from '../../../platform/http/types.js'
import type { Logger } from '../../../platform/log.js'
import participantsRoutes from './routes.js'

import { ACTOR_HEADER } from '../../../platform/http/test-actors.js'
export { actor, ACTOR_HEADER } from '../../../platform/http/test-actors.js'

export async function registryApp(sql: Sql, actors: Record<string, Actor>, logger?: Logger): Promise<App> {
  const ctx = testContext({ sql })
  return buildApp({
    ctx,
    routes: [participantsRoutes],
    authenticate: async (request) => actors[String(request.headers[ACTOR_HEADER] ?? '')] ?? null,
    ...(logger ? { logger } : {}),
  })
}

export function registration(row: Record<string, string>, sourceId: string) {
  return {
    nik: row.nik, name: row.nama, birthDate: row.tanggal_lahir, sex: row.jenis_kelamin, phone: row.no_hp, regencyCode: row.kode_wilayah,
    occupations: [row.pekerjaan], category: row.kategori, declaredIncomeIdr: Number(row.penghasilan), programmes: ['JKK', 'JKM'],
    sourceId, consent: { given: true, purpose: 'kepesertaan BPJS Ketenagakerjaan' },
  }
}
