/** Shared set-up of the SNAP tests: an app with the channel routes on a movable clock, partners with RSA keys, the reference client. */
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import { readConfig } from '../../../platform/config.js'
import type { Sql } from '../../../platform/db/sql.js'
import type { Logger } from '../../../platform/log.js'
import type { App } from '../../../platform/http/types.js'
import channelsRoutes from './routes.js'
import type { SnapClient } from '../../../../tools/snap-client.js'
import { injectedClient, partnerKeys } from '../../../flows/channel.test-support.js'
import { addChannelPartner, type AddedChannelPartner } from '../../../flows/add-channel-partner.js'
import { ids } from '../../../flows/contributions.test-support.js'

export { partnerKeys }

export const SECRET_KEY = Buffer.alloc(32, 42)

export interface SnapWorld {
  app: App
  clock: { now: Date }
  clientFor(partner: AddedChannelPartner): SnapClient
  addPartner(options?: { feeIdr?: number; code?: string; encoding?: 'base64' | 'hex' }): Promise<{ partner: AddedChannelPartner; client: SnapClient }>
  close(): Promise<void>
}

export async function snapWorld(sql: Sql, start: Date, logger?: Logger, secretKeyHex = SECRET_KEY.toString('hex')): Promise<SnapWorld> {
  const clock = { now: start }
  const app = await buildApp({
    ctx: testContext({ sql, now: () => clock.now, config: { ...readConfig({ NODE_ENV: 'test' }), secretKey: secretKeyHex } }),
    routes: [channelsRoutes],
    ...(logger ? { logger } : {}),
  })
  const clientFor = (partner: AddedChannelPartner) => injectedClient(app, partner, () => clock.now)
  return {
    app,
    clock,
    clientFor,
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
