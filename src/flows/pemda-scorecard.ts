import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import { countByCategoryAndStatus } from '../areas/participants/index.js'
import { listProgrammes, mayUseProgramme, membersPerProgramme, payerMembers, payerRegencies, scorecard, type Scorecard, type SourcedFigure } from '../areas/pemda/index.js'
import { latestWorkforceFigure, listRegions, normaliseRegionCode, provinceOf } from '../areas/regions/index.js'
import { BANUSPA_FACTS_CSV } from './seed-demo/pemda-programmes.js'

const PROTECTED = new Set(['aktif', 'menunggak'])

/** The UCJ coverage target (percent) of the region, else of its province, from the public figures (reference/banuspa-facts.csv). */
export function coverageTarget(regionCode: string, year: number, file = BANUSPA_FACTS_CSV): SourcedFigure | null {
  const rows = Papa.parse<{ region_code: string; period: string; metric: string; value: string; source_url: string }>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data
  for (const code of [regionCode, provinceOf(regionCode)]) {
    const found = rows
      .filter((r) => r.region_code === code && r.metric === 'coverage_target_pct' && r.period.slice(0, 4) <= String(year))
      .sort((a, b) => b.period.localeCompare(a.period))[0]
    if (found) return { value: Number(found.value), period: found.period, source: found.source_url.split(' ')[0] ?? 'banuspa-facts.csv', status: 'reported' }
  }
  return null
}

export const NON_ASN_HEADCOUNT_CSV = fileURLToPath(new URL('../../reference/non-asn-headcount.csv', import.meta.url))

/** A government's own count of its non-ASN staff, latest period up to the year (flagged data with its evidence label). */
export function nonAsnHeadcount(regionCode: string, year: number, file = NON_ASN_HEADCOUNT_CSV): SourcedFigure | null {
  const rows = Papa.parse<{ region_code: string; period: string; headcount: string; evidence: string; source_url: string }>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data
  const found = rows.filter((r) => r.region_code === regionCode && r.period.slice(0, 4) <= String(year)).sort((a, b) => b.period.localeCompare(a.period))[0]
  return found ? { value: Number(found.headcount), period: found.period, source: `${found.source_url} [${found.evidence}]`, status: 'reported' } : null
}

/**
 * Informal workers of the region: the province's latest `informal_workers` figure; for a kab/kota, that figure times the
 * kab/kota's share of the province's population (DESIGN.md §7, status `derived`). Null when the province has none.
 */
async function informalWorkforce(sql: Sql, regionCode: string): Promise<SourcedFigure | null> {
  const province = provinceOf(regionCode)
  const base = await latestWorkforceFigure(sql, province, 'informal_workers')
  if (!base) return null
  if (regionCode === province) return { value: base.value, period: base.period, source: base.source, status: base.status }
  const [own, all] = [await latestWorkforceFigure(sql, regionCode, 'population'), await latestWorkforceFigure(sql, province, 'population')]
  if (!own || !all || all.value === 0) return null
  return { value: Math.round((base.value * own.value) / all.value), period: base.period, source: `${base.source} × population share (${own.period})`, status: 'derived' }
}

/**
 * `semesta pemda scorecard` / GET /api/v1/pemda/scorecards/:region: the Paritrana/UCJ-style criteria of one regional
 * government (a province or a kab/kota), each with the data it was judged on. A pemda user sees only its own.
 */
export async function pemdaScorecard(sql: Sql, cmd: { regionCode: string; year: number; actor: Actor | null; requestId: string | null }): Promise<Scorecard> {
  const regionCode = normaliseRegionCode(cmd.regionCode)
  if (!(await listRegions(sql)).some((r) => r.code === regionCode)) throw new DomainError('unknown_code', `Kode wilayah ${regionCode} bukan provinsi atau kabupaten/kota Banuspa.`, { field: 'region' })
  if (cmd.actor && !mayUseProgramme(cmd.actor, 'pemda.read', await payerRegencies(sql, regionCode))) {
    await writeAudit(sql, { actor: { userId: cmd.actor.userId, role: cmd.actor.role }, action: 'pemda.read_refused', subjectType: 'region', subjectId: regionCode, requestId: cmd.requestId })
    throw new DomainError('forbidden', 'Kartu skor ini milik pemda lain; Anda hanya dapat melihat pemda Anda sendiri.', { field: 'region' })
  }
  const programmes = (await listProgrammes(sql, { regionCodes: [regionCode] })).filter((p) => p.year <= cmd.year)
  const members = await membersPerProgramme(sql, programmes.map((p) => p.id))
  const counts = await countByCategoryAndStatus(sql, regionCode)
  const protectedOf = (category: string) => counts.filter((c) => c.category === category && PROTECTED.has(c.status)).reduce((t, c) => t + c.n, 0)
  const previous = await payerMembers(sql, regionCode, cmd.year - 1)
  return scorecard({
    regionCode, year: cmd.year,
    programmes: programmes.map((p) => ({
      id: p.id, name: p.name, year: p.year, legalBasis: p.legalBasis, budgetIdr: p.budgetIdr, quota: p.groups.reduce((t, g) => t + g.quota, 0), members: members.get(p.id) ?? 0,
    })),
    protected: { informal: protectedOf('bpu'), nonAsn: protectedOf('non_asn'), pemdaPaid: (await payerMembers(sql, regionCode, cmd.year)).protected },
    informalWorkforce: await informalWorkforce(sql, regionCode),
    nonAsnHeadcount: nonAsnHeadcount(regionCode, cmd.year),
    targetPct: coverageTarget(regionCode, cmd.year),
    previousYearMembers: programmes.some((p) => p.year === cmd.year - 1) ? previous.members : null,
  })
}
