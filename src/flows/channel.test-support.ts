/** Shared pieces of the SNAP tests that flows, the CLI and the channels routes all use: RSA keys, the reference client on an app. */
import { generateKeyPairSync } from 'node:crypto'
import type { App } from '../platform/http/types.js'
import { SnapClient } from '../../tools/snap-client.js'
import type { AddedChannelPartner } from './add-channel-partner.js'

export { testPerson } from '../areas/participants/testing/factories.js'

let keys: { publicKey: string; privateKey: string } | undefined
/** One RSA pair per test file (generating one takes a while). */
export function partnerKeys(): { publicKey: string; privateKey: string } {
  keys ??= generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
  return keys
}

/** The reference client of a partner, talking to `app` without a socket, on the given clock. */
export function injectedClient(app: App, partner: AddedChannelPartner, now: () => Date): SnapClient {
  return new SnapClient({
    baseUrl: '', partnerId: partner.partnerId, clientKey: partner.clientKey, clientSecret: partner.clientSecret, privateKeyPem: partnerKeys().privateKey,
    partnerServiceId: partner.partnerServiceId, signatureEncoding: partner.signatureEncoding, now,
    fetch: async (url, init) => {
      const r = await app.inject({ method: 'POST', url, headers: init.headers, payload: init.body })
      return { status: r.statusCode, json: async () => r.json() }
    },
  })
}
