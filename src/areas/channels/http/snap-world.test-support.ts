/** Shared set-up of the SNAP tests: an app with the channel routes on a movable clock, partners with RSA keys, the reference client. */
import { generateKeyPairSync } from 'node:crypto'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import { readConfig } from '../../../platform/config.js'
import type { Sql } from '../../../platform/db/sql.js'
import type { Logger } from '../../../platform/log.js'
import type { App } from '../../../platform/http/types.js'
import channelsRoutes from './routes.js'
import { SnapClient } from '../../../../tools/snap-client.js'
import { addChannelPartner, type AddedChannelPartner } from '../../../flows/add-channel-partner.js'
import { ids } from '../../../flows/contributions.test-support.js'

export const SECRET_KEY = Buffer.alloc(32, 42)

let keys: { publicKey: string; privateKey: string } | undefined
/** One RSA pair per test file (generating one takes a while). */
export function partnerKeys(): { publicKey: string; privateKey: string } {
  keys ??= generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
  return keys
}

export interface SnapWorld {
  app: App
  clock: { now: Date }
  addPartner(options?: { feeIdr?: number; code?: string; encoding?: 'base64' | 'hex' }): Promise<{ partner: AddedChannelPartner; client: SnapClient }>
  close(): Promise<void>
}

export async function snapWorld(sql: Sql, start: Date, logger?: Logger): Promise<SnapWorld> {
  const clock = { now: start }
  const app = await buildApp({
    ctx: testContext({ sql, now: () => clock.now, config: { ...readConfig({ NODE_ENV: 'test' }), secretKey: SECRET_KEY.toString('hex') } }),
    routes: [channelsRoutes],
    ...(logger ? { logger } : {}),
  })
  const clientFor = (partner: AddedChannelPartner) =>
    new SnapClient({
      baseUrl: '', partnerId: partner.partnerId, clientKey: partner.clientKey, clientSecret: partner.clientSecret, privateKeyPem: partnerKeys().privateKey,
      partnerServiceId: partner.partnerServiceId, signatureEncoding: partner.signatureEncoding, now: () => clock.now,
      fetch: async (url, init) => {
        const r = await app.inject({ method: 'POST', url, headers: init.headers, payload: init.body })
        return { status: r.statusCode, json: async () => r.json() }
      },
    })
  return {
    app,
    clock,
    async addPartner(options = {}) {
      const partner = await addChannelPartner(
        sql,
        { name: 'Kantor Pos Denpasar', code: options.code ?? 'POS', publicKeyPem: partnerKeys().publicKey, feeIdr: options.feeIdr, signatureEncoding: options.encoding, actor: null, requestId: null },
        SECRET_KEY, clock.now, ids,
      )
      const client = clientFor(partner)
      await client.token()
      return { partner, client }
    },
    close: () => app.close(),
  }
}
