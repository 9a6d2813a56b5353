import type { App } from '../../../platform/http/types.js'
import { listRegions, type RegionRecord } from '../db/regions.js'
import { normaliseRegionCode } from '../domain/region-code.js'
import { regionsQuery, regionsResponse, type RegionsResponse } from './schemas.js'

const present = (r: RegionRecord): RegionsResponse['regions'][number] => ({
  code: r.code,
  name: r.name,
  shortName: r.shortName,
  level: r.level,
  parentCode: r.parentCode,
  codeBefore2022Split: r.codeBefore2022Split,
  timeZone: r.timeZone,
})

/** Public: Banuspa's provinces and kab/kota (the kalkulator and the map need them before anyone signs in). */
export default async function regionsRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'Daftar provinsi dan kabupaten/kota Banuspa (list regions)',
        querystring: regionsQuery,
        response: { 200: regionsResponse },
      },
    },
    async (request) => {
      const parentCode = request.query.parent === undefined ? undefined : normaliseRegionCode(request.query.parent, 'parent')
      const regions = await listRegions(app.ctx.sql, { level: request.query.level, parentCode })
      return { regions: regions.map(present) }
    },
  )
}

export { regionsRoutes }
