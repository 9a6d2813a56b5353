import { addDays, addMonths, DomainError, isMonth, monthOfDate, type Month } from '../kernel/index.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import { markContributionStateEnded } from '../areas/contributions/index.js'
import { appendEvents, endActiveEnrolments, markParticipantEnded, type ParticipantRecord } from '../areas/participants/index.js'
import { auditActor, participantForWrite } from './participant-guard.js'
import type { IdSource } from './register-participant.js'

/** Why a membership ends (DESIGN.md §7 `berhenti`: stopped, died, moved segment), plus the person's own request. */
export const END_REASONS = ['stopped_working', 'died', 'moved_segment', 'own_request', 'other'] as const
export type EndReason = (typeof END_REASONS)[number]

export interface EndParticipantCommand {
  participantId: string
  reason: EndReason
  /** The last month of membership (`YYYY-MM`). */
  month: Month
  /** The version the clerk saw; when absent, the current one. */
  version?: number | undefined
  actor: Actor | null
  requestId: string | null
}

/** Ends a membership: status `berhenti` from the end of `month`, every active enrolment ended, an `ended` event. */
export async function endParticipant(sql: Sql, cmd: EndParticipantCommand, now: Date, ids: IdSource): Promise<ParticipantRecord> {
  if (!isMonth(cmd.month)) throw new DomainError('invalid_month', 'Bulan berhenti harus berbentuk YYYY-MM.', { field: 'month' })
  return sql.transaction(async (tx) => {
    const current = await participantForWrite(tx, cmd.participantId, cmd.actor)
    if (current.status === 'berhenti') throw new DomainError('invalid_state', 'Kepesertaan ini sudah berhenti.', { field: 'status' })
    if (cmd.month < monthOfDate(current.registeredOn)) {
      throw new DomainError('out_of_range', 'Bulan berhenti tidak boleh sebelum bulan pendaftaran.', { field: 'month' })
    }
    const version = cmd.version ?? current.version
    const endedOn = addDays(`${addMonths(cmd.month, 1)}-01`, -1)
    const ended = await markParticipantEnded(tx, current.id, version, { endedOn, reason: cmd.reason }, now)
    if (!ended) throw new DomainError('conflict', 'Data peserta sudah diubah orang lain; muat ulang lalu ulangi.', { field: 'version', currentVersion: current.version })
    const enrolmentIds = await endActiveEnrolments(tx, current.id, { month: cmd.month, reason: cmd.reason }, now)
    await markContributionStateEnded(tx, current.id, endedOn, now)
    await appendEvents(tx, [{
      id: ids.newId(), participantId: current.id, occurredAt: now, kind: 'ended', actorId: cmd.actor?.userId ?? null, requestId: cmd.requestId,
      data: { reason: cmd.reason, month: cmd.month, endedOn, previousStatus: current.status, enrolmentIds },
    }])
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: 'participant.end', subjectType: 'participant', subjectId: current.id, requestId: cmd.requestId,
      details: { reason: cmd.reason, month: cmd.month, enrolments: enrolmentIds.length },
    })
    return ended
  })
}
