/** Test helpers for the contributions API and worklists: sources and BPUs registered through the registry flow. */
import type { Sql } from '../platform/db/sql.js'
import { newId } from '../platform/ids.js'
import { makeSource, testPerson } from '../areas/participants/testing/factories.js'
import { registerParticipant } from './register-participant.js'

export { makeSource }

/** A BPU registered through the registry flow (JKK + JKM, Rp2.000.000 declared), in the given regency and source. */
export async function registerBpuIn(sql: Sql, sourceId: string, options: { regency?: string; name?: string; on?: Date } = {}) {
  const person = testPerson({ regency: options.regency ?? '53.71', name: options.name ?? 'Yohanes Benu' })
  const outcome = await registerParticipant(
    sql,
    { row: person.row, sourceId, consent: { purpose: 'kepesertaan BPJS Ketenagakerjaan' }, actor: null, requestId: 'req-test' },
    options.on ?? new Date('2025-01-05T02:00:00Z'),
    { newId },
  )
  return { id: outcome.participant.id, kpj: outcome.participant.kpj, nik: person.nik }
}
