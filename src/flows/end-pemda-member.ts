import { DomainError } from '../kernel/errors.js'
import { addMonths, isMonth, type Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import { endActiveEnrolments, insertEnrolment, listEnrolments } from '../areas/participants/index.js'
import { endMember, findMember } from '../areas/pemda/index.js'
import { endParticipant } from './end-participant.js'
import { auditActor } from './participant-guard.js'
import { programmeFor } from './pemda-programmes.js'
import type { IdSource } from './register-participant.js'

export interface EndPemdaMemberCommand {
  programmeId: string
  participantId: string
  /** The last month the programme pays for. */
  lastMonth: Month
  /** `berhenti`: the membership ends; `self`: the worker goes on as a self-paying BPU from the next month. */
  choice: 'berhenti' | 'self'
  actor: Actor | null
  requestId: string | null
}

/**
 * A leaver (issue 8 item 2): the programme pays through `lastMonth` (no later month is invoiced, the place in the
 * quota is freed), then the worker either stops (`berhenti`, as `semesta participant end`) or, by choice, continues
 * paying themselves: the pemda enrolment ends and a self-paid BPU enrolment with the same income and programmes
 * starts (its first due month is the month of their first payment, DESIGN.md §7).
 */
export async function endPemdaMember(sql: Sql, cmd: EndPemdaMemberCommand, now: Date, ids: IdSource): Promise<{ participantId: string; lastMonth: Month; choice: 'berhenti' | 'self' }> {
  if (!isMonth(cmd.lastMonth)) throw new DomainError('invalid_month', 'Bulan terakhir harus YYYY-MM.', { field: 'lastMonth' })
  if (cmd.choice !== 'berhenti' && cmd.choice !== 'self') throw new DomainError('invalid_input', 'Pilihan: berhenti atau self (membayar sendiri).', { field: 'choice' })
  const programme = await programmeFor(sql, cmd.programmeId, cmd.actor, 'pemda.write', cmd.requestId)
  return sql.transaction(async (tx) => {
    const member = await findMember(tx, programme.id, cmd.participantId)
    if (!member) throw new DomainError('not_found', 'Peserta ini bukan anggota program.', { field: 'participantId' })
    if (cmd.choice === 'self' && programme.groups.find((g) => g.code === member.groupCode)?.category !== 'bpu') {
      throw new DomainError('not_eligible', 'Pegawai non-ASN tidak dapat melanjutkan sebagai peserta BPU mandiri.', { field: 'choice' })
    }
    if (member.endMonth !== null) throw new DomainError('invalid_state', `Keanggotaan sudah berakhir pada ${member.endMonth}.`, { field: 'participantId' })
    if (cmd.lastMonth < addMonths(member.firstMonth, -1)) throw new DomainError('out_of_range', `Bulan terakhir sebelum bulan pertama anggota (${member.firstMonth}).`, { field: 'lastMonth' })
    await endMember(tx, programme.id, member.participantId, cmd.lastMonth, cmd.choice)
    if (cmd.choice === 'berhenti') {
      // the programme already checked who may act; the registry's own end of membership does the rest
      await endParticipant(tx, { participantId: member.participantId, reason: 'other', month: cmd.lastMonth, actor: null, requestId: cmd.requestId }, now, ids)
    } else {
      const pemda = (await listEnrolments(tx, member.participantId)).find((e) => e.id === member.enrolmentId)
      await endActiveEnrolments(tx, member.participantId, { month: cmd.lastMonth, reason: 'moved_segment' }, now)
      if (pemda) {
        await insertEnrolment(tx, {
          id: ids.newId(), participantId: member.participantId, segment: 'bpu', programmes: pemda.programmes, declaredIncomeIdr: pemda.declaredIncomeIdr,
          incomeBaseIdr: pemda.incomeBaseIdr, wageIdr: null, employerId: null, sector: pemda.sector, payer: 'self', payerRef: null, sourceId: pemda.sourceId,
          startMonth: null, now,
        })
      }
    }
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: 'pemda.member.end', subjectType: 'pemda_programme', subjectId: programme.id, requestId: cmd.requestId,
      details: { participantId: member.participantId, lastMonth: cmd.lastMonth, choice: cmd.choice },
    })
    return { participantId: member.participantId, lastMonth: cmd.lastMonth, choice: cmd.choice }
  })
}
