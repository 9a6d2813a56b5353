import { DomainError } from '../kernel/index.js'
import type { Sql } from '../platform/db/sql.js'
import { authorize, type Actor } from '../areas/access/index.js'
import { findParticipantById, participantView, subjectOf, type ParticipantRecord } from '../areas/participants/index.js'

export function participantNotFound(): DomainError {
  return new DomainError('not_found', 'Peserta tidak ditemukan (atau di luar wilayah/portofolio Anda).', { field: 'id' })
}

/**
 * Loads one participant for a change, locked for the rest of the transaction. A caller who may not even see it
 * gets `not_found` (existence is not revealed); one who sees it but may not change it gets `forbidden`. A null
 * actor is the system (an operator's CLI command).
 */
export async function participantForWrite(sql: Sql, id: string, actor: Actor | null): Promise<ParticipantRecord> {
  const participant = await findParticipantById(sql, id, { lock: true })
  if (!participant) throw participantNotFound()
  if (actor === null) return participant
  if (participantView(actor, participant) === 'none') throw participantNotFound()
  if (!authorize(actor, 'participant.write', subjectOf(participant))) {
    throw new DomainError('forbidden', 'Anda tidak berwenang mengubah data peserta ini.', { action: 'participant.write' })
  }
  return participant
}

export function auditActor(actor: Actor | null): { userId: string; role: Actor['role'] } | null {
  return actor ? { userId: actor.userId, role: actor.role } : null
}
