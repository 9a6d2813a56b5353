import { localDateAt, timeZoneOfRegion, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import {
  claimFor, endScholarshipYear, insertClaimStep, insertScholarships, listScholarships, nextScholarshipYear, payScholarships, payScholarshipYear,
  scholarshipYearAmount, schoolYearOf, staleClaim, updateClaim, type ClaimRecord, type ScholarshipEndReason, type StoredScholarship,
} from '../areas/claims/index.js'
import { loadRegulationSet, type SchoolLevel } from '../areas/programmes/index.js'
import { postClaimPayment } from './claim-ledger.js'
import { auditActor } from './participant-guard.js'

/**
 * Pays the claim's scheduled scholarship years up to the current school year (with the claim's pay or release
 * step) and schedules each child's next year; returns the total paid. The caller posts it with the step.
 */
export async function payDueScholarships(tx: Sql, claim: ClaimRecord, today: LocalDate): Promise<number> {
  const paid = await payScholarships(tx, claim.id, schoolYearOf(today), today)
  if (paid.length > 0) await scheduleFollowingYears(tx, claim)
  return paid.reduce((t, r) => t + r.amountIdr, 0)
}

export interface ScholarshipStepCommand {
  claimId: string
  action: 'pay' | 'end'
  /** The claim's version the clerk saw. */
  version: number
  child: number
  schoolYear: string
  /** pay: the level on that year's school certificate (default: the level scheduled). */
  level?: SchoolLevel | undefined
  /** end: why the child's scholarship stops. */
  reason?: ScholarshipEndReason | undefined
  actor: Actor | null
  requestId: string | null
}

/**
 * A later scholarship year of a paid claim (issue 11 item 3: "scheduled per child and school year"): `pay` pays one
 * scheduled year whose school year has begun, at the level of that year's certificate, adds it to the claim's
 * amount paid, posts it to the ledger and schedules the child's next year while the bands last; `end` stops a
 * child's scholarship (23, married, working, left school). Version-checked on the claim, one claim_steps row and one
 * audit event, in one transaction.
 */
export async function moveScholarship(sql: Sql, cmd: ScholarshipStepCommand, now: Date, ids: { newId(): string }): Promise<ClaimRecord> {
  return sql.transaction(async (tx) => {
    const claim = await claimFor(tx, cmd.claimId, cmd.actor, 'claim.write', true)
    if (claim.version !== cmd.version) throw staleClaim(claim.version)
    if (claim.status !== 'paid') throw new DomainError('invalid_state', `the claim is ${claim.status}: its first scholarship year is paid with the claim`, { field: 'status' })
    if ((claim.withheldIdr ?? 0) > 0) throw new DomainError('invalid_state', 'part of this claim is withheld for arrears: release it first', { field: 'withheldIdr' })
    const today = localDateAt(now, timeZoneOfRegion(claim.regionCode))
    const rows = await listScholarships(tx, claim.id)
    const row = rows.find((r) => r.child === cmd.child && r.schoolYear === cmd.schoolYear)
    if (!row) throw new DomainError('not_found', `no scholarship year ${cmd.schoolYear} for child ${cmd.child} on this claim`, { field: 'schoolYear' })
    if (row.status !== 'scheduled') throw new DomainError('invalid_state', `the scholarship year is ${row.status}`, { field: 'schoolYear' })
    let paidIdr = 0
    let note: string
    if (cmd.action === 'pay') {
      if (cmd.schoolYear > schoolYearOf(today)) throw new DomainError('invalid_state', `the school year ${cmd.schoolYear} has not begun`, { field: 'schoolYear' })
      const level = cmd.level ?? row.level
      const scholarship = loadRegulationSet().benefits.scholarship.require(claim.eventDate).value
      const amountIdr = scholarshipYearAmount(scholarship, paidOf(rows, cmd.child), { schoolYear: cmd.schoolYear, level })
      if (!(await payScholarshipYear(tx, claim.id, { child: cmd.child, schoolYear: cmd.schoolYear, level, amountIdr }, today))) throw staleClaim(claim.version)
      await scheduleFollowingYears(tx, claim)
      paidIdr = amountIdr
      note = `anak ${cmd.child}, ${cmd.schoolYear}, ${level}`
    } else {
      if (!cmd.reason) throw new DomainError('missing_field', 'reason: why the scholarship of this child ends', { field: 'reason' })
      if (!(await endScholarshipYear(tx, claim.id, row, cmd.reason))) throw staleClaim(claim.version)
      note = `anak ${cmd.child}, ${cmd.schoolYear}: ${cmd.reason}`
    }
    const updated = await updateClaim(tx, claim.id, claim.version, { status: 'paid', ...(paidIdr > 0 ? { paidIdr: (claim.paidIdr ?? 0) + paidIdr } : {}) }, now)
    if (!updated) throw staleClaim(claim.version)
    const action = `scholarship_${cmd.action}`
    await postClaimPayment(tx, claim, paidIdr, action, now, ids, cmd.requestId)
    await insertClaimStep(tx, claim.id, {
      id: ids.newId(), action, fromStatus: 'paid', toStatus: 'paid', reason: note, actorId: cmd.actor?.userId ?? null, requestId: cmd.requestId, occurredOn: today, occurredAt: now,
    })
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: `claim.${action}`, subjectType: 'claim', subjectId: claim.id, requestId: cmd.requestId,
      details: { child: cmd.child, schoolYearStart: Number(cmd.schoolYear.slice(0, 4)), version: updated.version, ...(paidIdr > 0 ? { paidIdr } : { reason: cmd.reason ?? null }) },
    })
    return updated
  })
}

/** For each child whose latest year is paid, the next school year while the regulation's bands last. */
async function scheduleFollowingYears(tx: Sql, claim: ClaimRecord): Promise<void> {
  const benefits = loadRegulationSet().benefits
  const scholarship = benefits.scholarship.require(claim.eventDate).value
  const maxAge = benefits.scholarshipMaxChildAge.require(claim.eventDate).value
  const birthDates = (claim.details as { childBirthDates?: readonly LocalDate[] }).childBirthDates ?? []
  const rows = await listScholarships(tx, claim.id)
  for (const child of new Set(rows.map((r) => r.child))) {
    const mine = rows.filter((r) => r.child === child)
    const last = mine[mine.length - 1]!
    if (last.status !== 'paid') continue
    // a child who reaches the age limit before the next school year starts gets no further year (none known: the clerk ends it)
    const next = nextScholarshipYear(scholarship, child, paidOf(rows, child), last, { birthDate: birthDates[child - 1] ?? null, maxAge })
    if (next) await insertScholarships(tx, claim.id, [next])
  }
}

function paidOf(rows: readonly StoredScholarship[], child: number): StoredScholarship[] {
  return rows.filter((r) => r.child === child && r.status === 'paid')
}

