import { DomainError } from '../kernel/errors.js'
import type { Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import { insertSource } from '../areas/participants/index.js'
import {
  assertProgrammeAccess, budgetView, chargeTable, findProgramme, insertProgramme, invoicedByMonth, linkedPayerRegions, listProgrammes, memberCounts,
  parseProgramme, type BudgetView, type ProgrammeInput, type ProgrammeRecord,
} from '../areas/pemda/index.js'
import { loadHolidayCalendar, loadRegulationSet, type HolidayCalendar, type RegulationSet } from '../areas/programmes/index.js'
import { listRegions } from '../areas/regions/index.js'
import { auditActor } from './participant-guard.js'
import type { IdSource } from './register-participant.js'

export interface EngineOptions {
  regs?: RegulationSet
  calendar?: HolidayCalendar
}

export interface AddProgrammeCommand {
  input: ProgrammeInput
  actor: Actor | null
  requestId: string | null
}

/**
 * `semesta pemda add` / POST /api/v1/pemda/programmes: a programme with its groups and the registration source its
 * cohorts are imported under (kind `pemda`, ref the programme id), in one transaction with its audit event.
 */
export async function addPemdaProgramme(sql: Sql, cmd: AddProgrammeCommand, now: Date, ids: IdSource): Promise<ProgrammeRecord> {
  const spec = parseProgramme(cmd.input)
  const regions = await listRegions(sql)
  if (!regions.some((r) => r.code === spec.regionCode)) throw new DomainError('unknown_code', `Kode wilayah ${spec.regionCode} bukan provinsi atau kabupaten/kota Banuspa.`, { field: 'regionCode' })
  await assertProgrammeAccess(sql, cmd.actor, 'pemda.write', { id: null, regionCode: spec.regionCode }, cmd.requestId)
  const id = ids.newId()
  return sql.transaction(async (tx) => {
    const source = await insertSource(tx, { id: ids.newId(), kind: 'pemda', name: spec.name.slice(0, 200), refId: id, createdAt: now })
    const record = { ...spec, id, sourceId: source.id }
    await insertProgramme(tx, record, now)
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: 'pemda.programme.create', subjectType: 'pemda_programme', subjectId: id, requestId: cmd.requestId,
      details: { regionCode: spec.regionCode, year: spec.year, budgetIdr: spec.budgetIdr, groups: spec.groups.length, quota: spec.groups.reduce((t, g) => t + g.quota, 0) },
    })
    return { ...record, createdAt: now }
  })
}

/** A programme the actor may use (refusals audited), or not_found. */
export async function programmeFor(sql: Sql, id: string, actor: Actor | null, action: 'pemda.read' | 'pemda.write', requestId: string | null): Promise<ProgrammeRecord> {
  const programme = await findProgramme(sql, id)
  if (!programme) throw new DomainError('not_found', `Program pemda ${id} tidak ditemukan.`, { field: 'programme' })
  await assertProgrammeAccess(sql, actor, action, programme, requestId)
  return programme
}

/** The programmes an actor sees: every one for Banuspa-wide roles, their own government's for a pemda user. */
export async function programmesVisibleTo(sql: Sql, actor: Actor | null, filter: { year?: number } = {}): Promise<ProgrammeRecord[]> {
  const regions = actor === null ? 'all' : await linkedPayerRegions(sql, actor)
  return listProgrammes(sql, { regionCodes: regions, ...filter })
}

export interface ProgrammeStatus extends BudgetView {
  programme: string
  /** Current members per group (every group of the programme, 0 when empty). */
  workers: Record<string, number>
  quota: Record<string, number>
  monthlyCostIdr: number
}

/** `semesta pemda status`: cohort sizes and the budget (used, committed, run-out month, room for more workers). */
export async function pemdaProgrammeStatus(sql: Sql, programme: ProgrammeRecord, engine: EngineOptions = {}): Promise<ProgrammeStatus> {
  const chargeOf = chargeTable(programme.programmes, engine.regs ?? loadRegulationSet(), engine.calendar ?? loadHolidayCalendar())
  const counts = await memberCounts(sql, programme.id)
  const workers = Object.fromEntries(programme.groups.map((g) => [g.code, counts.get(g.code) ?? 0]))
  const bpu = { code: '_', quota: 0, category: 'bpu' as const, incomeIdr: programme.incomeIdr }
  const monthlyCostIdr = (month: Month) => programme.groups.reduce((t, g) => t + (counts.get(g.code) ?? 0) * chargeOf(g, month).totalIdr, 0)
  const view = budgetView({
    budgetIdr: programme.budgetIdr, startMonth: programme.startMonth, endMonth: programme.endMonth, invoiced: await invoicedByMonth(sql, programme.id),
    monthlyCostIdr, perWorkerIdr: (month) => chargeOf(bpu, month).totalIdr,
  })
  return {
    programme: programme.id, ...view, workers, quota: Object.fromEntries(programme.groups.map((g) => [g.code, g.quota])),
    monthlyCostIdr: monthlyCostIdr(view.projectedMonths[0] ?? programme.endMonth),
  }
}
