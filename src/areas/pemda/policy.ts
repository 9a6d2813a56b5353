import { DomainError } from '../../kernel/errors.js'
import type { Sql } from '../../platform/db/sql.js'
import { authorize, seesAllBanuspa, writeAudit, type Actor } from '../access/index.js'
import { listRegions } from '../regions/index.js'

/**
 * Who may use a programme (issue 8 item 6). Office roles by their region scope (kanwil everywhere, a cabang when one
 * of the payer's regencies is in its branch). A `pemda` user is linked to a payer by its regions: its regencies are
 * exactly the payer's (Pemkot Denpasar: 51.71; Pemprov Bali: every kab/kota of 51), so it sees only its own
 * government's programmes, never a neighbour's nor the province's. Pure; `payerRegencies` comes from the regions area.
 */
export function mayUseProgramme(actor: Actor, action: 'pemda.read' | 'pemda.write', payerRegencies: readonly string[]): boolean {
  if (!authorize(actor, action, { collection: true })) return false
  if (seesAllBanuspa(actor.role)) return true
  if (actor.role === 'pemda') {
    const own = new Set(actor.regionCodes)
    return payerRegencies.length > 0 && own.size === payerRegencies.length && payerRegencies.every((code) => own.has(code))
  }
  return payerRegencies.some((regionCode) => authorize(actor, action, { regionCode }))
}

/** The kab/kota a payer governs: itself for a Pemkab/Pemkot, every kab/kota of the province for a Pemprov. */
export async function payerRegencies(sql: Sql, regionCode: string): Promise<string[]> {
  if (regionCode.includes('.')) return [regionCode]
  return (await listRegions(sql, { level: 'regency', parentCode: regionCode })).map((r) => r.code)
}

/** Regions whose programmes a pemda user may list: the payers it is linked to (its kab/kota, or its province). */
export async function linkedPayerRegions(sql: Sql, actor: Actor): Promise<'all' | string[]> {
  if (actor.role !== 'pemda') return seesAllBanuspa(actor.role) ? 'all' : [...new Set(actor.regionCodes.flatMap((c) => [c, c.slice(0, 2)]))]
  const provinces = [...new Set(actor.regionCodes.map((c) => c.slice(0, 2)))]
  const linked: string[] = actor.regionCodes.length === 1 ? [...actor.regionCodes] : []
  for (const province of provinces) {
    if (mayUseProgramme(actor, 'pemda.read', await payerRegencies(sql, province))) linked.push(province)
  }
  return linked
}

/**
 * The guard flows and routes use: an actor the policy refuses gets `forbidden`, and the refusal is audited in its own
 * statement (not in the caller's transaction, which the refusal rolls back). Null actor: the operator's CLI.
 */
export async function assertProgrammeAccess(
  sql: Sql, actor: Actor | null, action: 'pemda.read' | 'pemda.write', programme: { id: string | null; regionCode: string }, requestId: string | null,
): Promise<void> {
  if (actor === null) return
  if (mayUseProgramme(actor, action, await payerRegencies(sql, programme.regionCode))) return
  await writeAudit(sql, {
    actor: { userId: actor.userId, role: actor.role }, action: `${action}_refused`, subjectType: 'pemda_programme', subjectId: programme.id, requestId,
    details: { payerRegion: programme.regionCode },
  })
  throw new DomainError('forbidden', 'Program ini milik pemda lain; Anda hanya dapat melihat program pemda Anda sendiri.', { field: 'programme' })
}
