import { addAgent } from '../../src/flows/add-agent.js'
import type { Sql } from '../../src/platform/db/sql.js'
import { newId } from '../../src/platform/ids.js'
import { JOURNEY_PASSWORD } from './test-server.js'

export const AGEN_USERNAME = 'agen.uji'

/** An Agen Perisai in Kota Denpasar for the phone app's journey, made as `semesta agent add` makes one. */
export async function addJourneyAgent(sql: Sql): Promise<{ username: string; password: string; sourceId: string }> {
  const added = await addAgent(sql, {
    name: 'Agen Uji', wadah: 'Koperasi Perisai Uji', targets: { registrations: 20, collectionsIdr: 2_000_000 },
    username: AGEN_USERNAME, password: JOURNEY_PASSWORD, regionCodes: ['51.71'], actor: null, requestId: null, via: 'cli',
  }, new Date(), { newId: () => newId() })
  return { username: AGEN_USERNAME, password: JOURNEY_PASSWORD, sourceId: added.agent.sourceId }
}
