import { DomainError } from '../kernel/index.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import {
  findParticipantById, findSource, listEnrolments, listEvents, listIdentityReviews, mayExportParticipant, participantView,
  type EnrolmentRecord, type IdentityReview, type ParticipantEvent, type ParticipantRecord, type SourceRecord,
} from '../areas/participants/index.js'
import { auditActor, participantNotFound } from './participant-guard.js'

export interface ParticipantExport {
  participant: ParticipantRecord
  source: SourceRecord | null
  enrolments: EnrolmentRecord[]
  events: ParticipantEvent[]
  identityReviews: IdentityReview[]
}

/**
 * UU PDP 27/2022 (Pasal 7, the subject's right of access): everything Semesta holds about one person, read in
 * one transaction and audited (ids only). Only office roles in scope may do it (policy.ts).
 */
export async function exportParticipant(sql: Sql, participantId: string, actor: Actor | null, requestId: string | null): Promise<ParticipantExport> {
  return sql.transaction(async (tx) => {
    const participant = await findParticipantById(tx, participantId)
    if (!participant || (actor && participantView(actor, participant) === 'none')) throw participantNotFound()
    if (actor && !mayExportParticipant(actor, participant)) {
      throw new DomainError('forbidden', 'Ekspor seluruh data pribadi hanya untuk petugas kantor yang berwenang.', { action: 'participant.export' })
    }
    // one connection: the reads run one after another
    const source = await findSource(tx, participant.sourceId)
    const enrolments = await listEnrolments(tx, participant.id)
    const events = await listEvents(tx, participant.id)
    const identityReviews = await listIdentityReviews(tx, participant.id)
    await writeAudit(tx, {
      actor: auditActor(actor), action: 'participant.export', subjectType: 'participant', subjectId: participant.id, requestId,
      details: { enrolments: enrolments.length, events: events.length, identityReviews: identityReviews.length },
    })
    return { participant, source, enrolments, events, identityReviews }
  })
}
