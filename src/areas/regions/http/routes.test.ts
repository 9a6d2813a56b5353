import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { App } from '../../../platform/http/types.js'
import regionsRoutes from './routes.js'

describeDb(
  'GET /api/v1/regions',
  (ctx) => {
    let app: App
    beforeAll(async () => {
      app = await buildApp({ ctx: testContext({ sql: ctx.sql }), routes: [regionsRoutes] })
    })
    afterAll(() => app.close())

    it('answers everyone with all 92 regions', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/regions' })
      expect(response.statusCode).toBe(200)
      expect(response.json().regions).toHaveLength(92)
    })

    it('filters by level and by parent province (5171-style codes accepted)', async () => {
      const provinces = await app.inject({ method: 'GET', url: '/api/v1/regions?level=province' })
      expect(provinces.json().regions).toHaveLength(9)
      const papuaSelatan = await app.inject({ method: 'GET', url: '/api/v1/regions?level=regency&parent=93' })
      expect(papuaSelatan.json().regions[0]).toEqual({
        code: '93.01',
        name: 'Kabupaten Merauke',
        shortName: 'Merauke',
        level: 'regency',
        parentCode: '93',
        codeBefore2022Split: '91.01',
        timeZone: 'WIT',
      })
    })

    it('answers 400 naming the parameter for a bad parent code or level', async () => {
      const badParent = await app.inject({ method: 'GET', url: '/api/v1/regions?parent=5x' })
      expect(badParent.statusCode).toBe(400)
      expect(badParent.json().error).toMatchObject({ code: 'invalid_input', field: 'parent' })
      const badLevel = await app.inject({ method: 'GET', url: '/api/v1/regions?level=kecamatan' })
      expect(badLevel.statusCode).toBe(400)
    })
  },
  { referenceData: true },
)
