import type { Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import { activePayers, assignPayer } from '../areas/participants/index.js'
import {
  decideCohortRows, emptyCohortCounts, firstDueMonth, groupsOfMembers, insertMembers, memberCounts, membersOfImport,
  type CohortCounts, type ProgrammeGroup, type ProgrammeRecord,
} from '../areas/pemda/index.js'
import { importParticipants, type ImportAdmission, type ImportResult, type RunOptions } from './import-participants.js'
import { auditActor } from './participant-guard.js'
import { programmeFor } from './pemda-programmes.js'
import { assignment, groupOf, moveIntoCohortIn } from './pemda-membership.js'

/** The import kind of cohort enrolments: never resumed by the plain import runner (it would lack the cohort rules). */
export const COHORT_IMPORT_KIND = 'pemda_cohort'

export interface EnrolCohortCommand {
  programmeId: string
  group: string
  /** The members' first due month: the later of the programme's start and this (default the start). */
  from?: Month | null | undefined
  file: string
  fileName?: string
  actor: Actor | null
  requestId: string | null
}

/** The cohort's counts (the rows the programme's values overrode are warnings in the import result, not a count here). */
export interface CohortSummary extends Omit<CohortCounts, 'overridden'> {
  programme: string
  group: string
  firstMonth: Month
  /** The group's members after the enrolment, and its quota. */
  members: number
  quota: number
}

/** The registry import's result with the cohort's counts beside it (the rows' cohort errors and warnings are in errors/warnings). */
export type EnrolCohortResult = ImportResult & { cohort: CohortSummary }

/** The cohort rules over the registry's import, chunk by chunk in its transactions (see ImportAdmission). */
function cohortAdmission(programme: ProgrammeRecord, group: ProgrammeGroup, firstMonth: Month, counts: CohortCounts): ImportAdmission {
  const assign = assignment(programme, group, firstMonth)
  return {
    async screen(tx, rows) {
      const known = rows.flatMap((r) => (r.participantId ? [r.participantId] : []))
      const payers = await activePayers(tx, known)
      const memberOf = await groupsOfMembers(tx, programme.id, known)
      const size = (await memberCounts(tx, programme.id)).get(group.code) ?? 0
      const decisions = decideCohortRows(programme, group, size, rows.map((r) => ({
        line: r.line, regencyCode: r.reg.regencyCode, category: r.reg.category, declaredIncomeIdr: r.reg.declaredIncomeIdr, programmes: r.reg.programmes,
        participantId: r.participantId, paidBy: r.participantId ? (payers.get(r.participantId) ?? null) : null,
        memberOf: r.participantId ? (memberOf.get(r.participantId) ?? null) : null,
      })), counts)
      return decisions.map((d) => ({ line: d.line, admit: d.verdict === 'admit', issues: d.issues }))
    },
    async admit(tx, rows, now, jobId) {
      const moved = await assignPayer(tx, { payer: 'pemda', payerRef: programme.id }, rows.map((r) => assign(r.participantId, r.enrolmentId)), now)
      const members = rows.filter((r) => moved.has(r.participantId)).map((r) => ({ participantId: r.participantId, groupCode: group.code, enrolmentId: moved.get(r.participantId)!, firstMonth }))
      await insertMembers(tx, programme.id, members, jobId, now)
    },
  }
}

function summary(programme: ProgrammeRecord, group: ProgrammeGroup, firstMonth: Month, result: ImportResult, admitted: number, members: number): CohortSummary {
  const issues = [...result.errors, ...result.warnings]
  const count = (code: string) => issues.filter((i) => i.code === code).length
  return {
    programme: programme.id, group: group.code, firstMonth, admitted, alreadyMember: count('already_member'), outsideRegion: count('outside_region'),
    quotaExceeded: count('quota_exceeded'), alreadySponsored: count('already_sponsored'), notEligible: count('not_eligible'), members, quota: group.quota,
  }
}

/**
 * `semesta pemda enrol` / the portal's upload: the OPD's list through the registry's own import (the programme's
 * source, so its new BPU people are registered with payer `pemda`), with the cohort rules over every chunk.
 */
export async function enrolPemdaCohort(sql: Sql, cmd: EnrolCohortCommand, now: () => Date, run: Omit<RunOptions, 'admission'> = {}): Promise<EnrolCohortResult> {
  const programme = await programmeFor(sql, cmd.programmeId, cmd.actor, 'pemda.write', cmd.requestId)
  const group = groupOf(programme, cmd.group)
  const firstMonth = firstDueMonth(programme, cmd.from)
  const result = await importParticipants(sql, {
    file: cmd.file, ...(cmd.fileName ? { fileName: cmd.fileName } : {}), sourceId: programme.sourceId, actor: cmd.actor, requestId: cmd.requestId,
    kind: COHORT_IMPORT_KIND, context: { programmeId: programme.id, group: group.code, firstMonth },
  }, now, { ...run, admission: cohortAdmission(programme, group, firstMonth, emptyCohortCounts()) })
  const admitted = await membersOfImport(sql, programme.id, result.jobId)
  const members = (await memberCounts(sql, programme.id)).get(group.code) ?? 0
  const cohort = summary(programme, group, firstMonth, result, admitted, members)
  await writeAudit(sql, {
    actor: auditActor(cmd.actor), action: 'pemda.cohort.enrol', subjectType: 'pemda_programme', subjectId: programme.id, requestId: cmd.requestId,
    details: { jobId: result.jobId, group: group.code, admitted, quotaExceeded: cohort.quotaExceeded, outsideRegion: cohort.outsideRegion, alreadySponsored: cohort.alreadySponsored },
  })
  return { ...result, cohort }
}

/**
 * Moves people already in the registry into a cohort (an agent or the office picks them): the same rules, row by
 * row in the order given (`line` = position + 1), all in one transaction.
 */
export async function moveIntoPemdaCohort(
  sql: Sql, cmd: { programmeId: string; group: string; from?: Month | null; participantIds: readonly string[]; actor: Actor | null; requestId: string | null }, now: Date,
): Promise<{ cohort: CohortSummary; decisions: Array<{ participantId: string; verdict: string; issues: ReadonlyArray<{ code: string; message: string }> }> }> {
  const programme = await programmeFor(sql, cmd.programmeId, cmd.actor, 'pemda.write', cmd.requestId)
  const group = groupOf(programme, cmd.group)
  const firstMonth = firstDueMonth(programme, cmd.from)
  return sql.transaction(async (tx) => {
    const { decisions, counts, moved } = await moveIntoCohortIn(tx, programme, group, firstMonth, cmd.participantIds, now)
    const members = (await memberCounts(tx, programme.id)).get(group.code) ?? 0
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: 'pemda.cohort.move', subjectType: 'pemda_programme', subjectId: programme.id, requestId: cmd.requestId,
      details: { group: group.code, admitted: moved.size, quotaExceeded: counts.quotaExceeded, outsideRegion: counts.outsideRegion, alreadySponsored: counts.alreadySponsored },
    })
    return {
      cohort: {
        programme: programme.id, group: group.code, firstMonth, admitted: moved.size, alreadyMember: counts.alreadyMember, outsideRegion: counts.outsideRegion,
        quotaExceeded: counts.quotaExceeded, alreadySponsored: counts.alreadySponsored, notEligible: counts.notEligible, members, quota: group.quota,
      },
      decisions: decisions.map((d) => ({ participantId: cmd.participantIds[d.line - 1]!, verdict: d.verdict, issues: d.issues.map(({ code, message }) => ({ code, message })) })),
    }
  })
}
