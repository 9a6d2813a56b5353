import { createUser } from '../../src/areas/access/index.js'
import { addSource } from '../../src/flows/add-source.js'
import type { Sql } from '../../src/platform/db/sql.js'
import { newId } from '../../src/platform/ids.js'
import { JOURNEY_PASSWORD } from './test-server.js'

export const AGEN_USERNAME = 'agen.uji'

/** An Agen Perisai in Kota Denpasar for the phone app's journey: its registry source and its user (role agent). */
export async function addJourneyAgent(sql: Sql): Promise<{ username: string; password: string; sourceId: string }> {
  const source = await addSource(sql, { kind: 'agent', name: 'Agen Perisai Uji', refId: 'agen-uji', actor: null, requestId: null }, new Date(), { newId: () => newId() })
  await createUser(sql, {
    actor: null, password: JOURNEY_PASSWORD, requestId: null, via: 'cli',
    input: { username: AGEN_USERNAME, displayName: 'Agen Uji', role: 'agent', sourceIds: [source.id] },
  }, new Date())
  return { username: AGEN_USERNAME, password: JOURNEY_PASSWORD, sourceId: source.id }
}
