import { DomainError, type DomainErrorCode } from '../kernel/errors.js'
import type { Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Role } from '../areas/access/index.js'
import { activePayers, assignPayer, findParticipantsByIds, listEnrolmentsOf, type Category } from '../areas/participants/index.js'
import {
  decideCohortRows, emptyCohortCounts, findProgramme, firstDueMonth, groupsOfMembers, insertMembers, memberCounts,
  type CohortCounts, type CohortDecision, type ProgrammeGroup, type ProgrammeRecord,
} from '../areas/pemda/index.js'
import { bpuIncomeBaseIdr } from './registration-context.js'

export function groupOf(programme: ProgrammeRecord, code: string): ProgrammeGroup {
  const group = programme.groups.find((g) => g.code === code.trim().toLowerCase().replaceAll('-', '_'))
  if (!group) throw new DomainError('unknown_code', `Kelompok ${code} tidak ada di program ini (${programme.groups.map((g) => g.code).join(', ')}).`, { field: 'group' })
  return group
}

/** The enrolment rows of the admitted members: the programme pays, decides the first month, the income and the programmes. */
export function assignment(programme: ProgrammeRecord, group: ProgrammeGroup, firstMonth: Month) {
  const bpu = group.category === 'bpu'
  const base = bpu ? bpuIncomeBaseIdr(group.incomeIdr, firstMonth) : null
  return (participantId: string, enrolmentId: string | null) => ({
    participantId, enrolmentId, startMonth: firstMonth, programmes: programme.programmes.map((p) => p.toUpperCase()),
    declaredIncomeIdr: bpu ? group.incomeIdr : null, incomeBaseIdr: base, wageIdr: bpu ? null : group.incomeIdr,
  })
}

export interface CohortMove {
  decisions: CohortDecision[]
  counts: CohortCounts
  /** participant id → the enrolment now paid by the programme. */
  moved: Map<string, string>
}

/**
 * The cohort rules over registry participants in the order given (line = position + 1), inside the caller's
 * transaction: region, category, already a member, already sponsored, quota; the admitted ones' enrolments get the
 * programme as payer and become members.
 */
export async function moveIntoCohortIn(tx: Sql, programme: ProgrammeRecord, group: ProgrammeGroup, firstMonth: Month, participantIds: readonly string[], now: Date): Promise<CohortMove> {
  const people = new Map((await findParticipantsByIds(tx, participantIds)).map((p) => [p.id, p]))
  const missing = participantIds.find((id) => !people.has(id))
  if (missing) throw new DomainError('not_found', `Peserta ${missing} tidak ditemukan.`, { field: 'participantIds' })
  const enrolments = await listEnrolmentsOf(tx, participantIds)
  const payers = await activePayers(tx, participantIds)
  const memberOf = await groupsOfMembers(tx, programme.id, participantIds)
  const counts = emptyCohortCounts()
  const decisions = decideCohortRows(programme, group, (await memberCounts(tx, programme.id)).get(group.code) ?? 0, participantIds.map((id, i) => {
    const p = people.get(id)!
    const e = enrolments.get(id)?.find((x) => x.status === 'active')
    return {
      line: i + 1, regencyCode: p.regencyCode, category: p.category as Category, declaredIncomeIdr: e?.declaredIncomeIdr ?? e?.wageIdr ?? null,
      programmes: e?.programmes ?? [], participantId: id, paidBy: payers.get(id) ?? null, memberOf: memberOf.get(id) ?? null,
    }
  }), counts)
  const assign = assignment(programme, group, firstMonth)
  const admitted = decisions.filter((d) => d.verdict === 'admit').map((d) => participantIds[d.line - 1]!)
  const moved = await assignPayer(tx, { payer: 'pemda', payerRef: programme.id }, admitted.map((id) => assign(id, null)), now)
  await insertMembers(tx, programme.id, admitted.filter((id) => moved.has(id)).map((id) => ({ participantId: id, groupCode: group.code, enrolmentId: moved.get(id)!, firstMonth })), null, now)
  return { decisions, counts, moved }
}

export interface RegistrationMembership {
  programme: string
  group: string
  firstMonth: Month
  verdict: CohortDecision['verdict']
}

/**
 * A person registered under a pemda programme's source (an agent or a clerk registering a worker for the programme):
 * the same cohort rules as the OPD's list. The group is the one named, else the programme's only group of the
 * person's category. A refusal (outside the region, another category, quota full) refuses the registration, so nobody
 * is left self-paying under a programme's source; already sponsored elsewhere or already a member are warnings.
 */
export async function joinProgrammeOnRegistration(
  tx: Sql, cmd: { programmeId: string; group?: string | undefined; from?: Month | undefined; participantId: string; category: Category },
  now: Date, actor: { userId: string; role: Role } | null, requestId: string | null,
): Promise<{ membership: RegistrationMembership; warnings: CohortDecision['issues'] }> {
  const programme = await findProgramme(tx, cmd.programmeId)
  if (!programme) throw new DomainError('not_found', `Program pemda ${cmd.programmeId} tidak ditemukan.`, { field: 'sourceId' })
  const candidates = programme.groups.filter((g) => g.category === cmd.category)
  const group = cmd.group ? groupOf(programme, cmd.group) : candidates.length === 1 ? candidates[0]! : null
  if (!group) throw new DomainError('missing_field', `Sebutkan kelompok program (${programme.groups.map((g) => g.code).join(', ')}).`, { field: 'pemdaGroup' })
  const firstMonth = firstDueMonth(programme, cmd.from)
  const { decisions, moved } = await moveIntoCohortIn(tx, programme, group, firstMonth, [cmd.participantId], now)
  const decision = decisions[0]!
  if (decision.verdict === 'rejected') {
    const issue = decision.issues[0]!
    throw new DomainError(issue.code as DomainErrorCode, issue.message, { field: issue.field, programme: programme.id, group: group.code })
  }
  await writeAudit(tx, {
    actor, action: 'pemda.cohort.move', subjectType: 'pemda_programme', subjectId: programme.id, requestId,
    details: { group: group.code, admitted: moved.size, participantId: cmd.participantId, verdict: decision.verdict, via: 'registration' },
  })
  return { membership: { programme: programme.id, group: group.code, firstMonth, verdict: decision.verdict }, warnings: decision.issues }
}
