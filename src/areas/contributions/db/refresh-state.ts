import type { LocalDate } from '../../../kernel/dates.js'
import type { Sql } from '../../../platform/db/sql.js'
import { CATEGORY_RULES, findParticipantsByIds, listEnrolmentsOf, type ParticipantRecord } from '../../participants/index.js'
import { loadHolidayCalendar, loadRegulationSet } from '../../programmes/index.js'
import type { ContributionStatus } from '../domain/types.js'
import { accountInputOf, employerDuesOf, loadAccountInput } from './account-input.js'
import { listDuesOf } from './dues.js'
import { saveContributionState, saveContributionStates, statusWithSince } from './states.js'

/**
 * Re-evaluates one participant at `asOf` and stores the result (contribution_states + participants.status): what the
 * daily job calls for every row whose next_change_on has come (`statesDueForChange`), and what a payment does.
 * The status_since date is found by walking the engine's next-change dates from the last evaluation.
 */
export async function refreshContributionState(sql: Sql, participant: ParticipantRecord, asOf: LocalDate, now: Date): Promise<ContributionStatus> {
  const { rows } = await sql.query<{ evaluated_on: string }>(
    `select to_char(evaluated_on, 'YYYY-MM-DD') as evaluated_on from contribution_states where participant_id = $1`, [participant.id])
  const last = rows[0]?.evaluated_on
  const from = last !== undefined && last <= asOf ? last : asOf
  const { input } = await loadAccountInput(sql, participant, asOf)
  const { status, since } = statusWithSince(input, from, asOf)
  await saveContributionState(sql, participant.id, status, since, now)
  return status
}

const BULK_CHUNK = 2_000

/**
 * refreshContributionState for many participants, in chunks of a few statements each (a payer's invoice settles
 * thousands at once). Credit held in the ledger is not read: it changes the account shown, never the status.
 */
export async function refreshContributionStates(sql: Sql, participantIds: readonly string[], asOf: LocalDate, now: Date): Promise<Map<string, ContributionStatus>> {
  const out = new Map<string, ContributionStatus>()
  const regs = loadRegulationSet()
  const calendar = loadHolidayCalendar()
  const schedules = new Map()
  for (let i = 0; i < participantIds.length; i += BULK_CHUNK) {
    const ids = participantIds.slice(i, i + BULK_CHUNK)
    const people = await findParticipantsByIds(sql, ids)
    const enrolments = await listEnrolmentsOf(sql, ids)
    const dues = await listDuesOf(sql, ids)
    const { rows } = await sql.query<{ participantId: string; evaluatedOn: string }>(
      `select participant_id as "participantId", to_char(evaluated_on, 'YYYY-MM-DD') as "evaluatedOn" from contribution_states where participant_id = any($1::uuid[])`,
      [ids],
    )
    const evaluated = new Map(rows.map((r) => [r.participantId, r.evaluatedOn]))
    const states = []
    for (const p of people) {
      const last = evaluated.get(p.id)
      const from = last !== undefined && last <= asOf ? last : asOf
      const own = enrolments.get(p.id) ?? []
      // employer invoice lines exist only for workers with an employer (one query each; pemda cohorts have none)
      const employerDues = CATEGORY_RULES[p.category].statusRule === 'employer_carries' && own.some((e) => e.employerId !== null) ? await employerDuesOf(sql, p.id) : []
      const { input } = accountInputOf(p, own, dues.get(p.id) ?? [], employerDues, 0, regs, calendar, schedules)
      const { status, since } = statusWithSince(input, from, asOf)
      out.set(p.id, status)
      states.push({ participantId: p.id, status, since })
    }
    await saveContributionStates(sql, states, now)
  }
  return out
}
