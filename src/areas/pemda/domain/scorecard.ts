/**
 * A regional government's scorecard (issue 8 item 5), modelled on the Paritrana award (Inpres 2/2021: regional
 * regulation, APBD budget, registration of non-ASN and vulnerable workers; regulations.md §6) and the UCJ indicator
 * (coverage of the working population; regulations.md §8). Each criterion carries the data it was judged on.
 */
export interface SourcedFigure {
  value: number
  period: string
  source: string
  status: 'reported' | 'derived' | 'counted'
}

export interface ScorecardInput {
  regionCode: string
  year: number
  programmes: ReadonlyArray<{ id: string; name: string; year: number; legalBasis: string | null; budgetIdr: number; quota: number; members: number }>
  /** terlindungi (aktif + menunggak) counts in the region, from the registry. */
  protected: { informal: number; nonAsn: number; pemdaPaid: number }
  informalWorkforce: SourcedFigure | null
  /** The government's own non-ASN headcount (reference/non-asn-headcount.csv), the non-ASN criterion's denominator. */
  nonAsnHeadcount: SourcedFigure | null
  /** The UCJ coverage target (percent) for the region or its province. */
  targetPct: SourcedFigure | null
  /** Pemda-paid members of the year before (the trend criterion). */
  previousYearMembers: number | null
}

export type CriterionCode = 'regional_regulation' | 'apbd_budget' | 'non_asn_coverage' | 'vulnerable_coverage' | 'informal_coverage_vs_target' | 'trend'

export interface Criterion {
  code: CriterionCode
  label: string
  /** null: not judged (data missing), shown as such. */
  met: boolean | null
  value: number | string | null
  target: number | string | null
  /** How value and target read: rupiah, a percentage, a count of people, or text. */
  unit: 'idr' | 'pct' | 'count' | 'text'
  /** Where the figures come from, as a reader would cite them (regulations, data sources, Semesta's own registers). */
  sources: string[]
}

export interface Scorecard {
  regionCode: string
  year: number
  met: number
  judged: number
  criteria: Criterion[]
}

const pct = (part: number, whole: number) => Math.round((part / whole) * 10_000) / 100

/** Non-ASN protected against the government's headcount when one is known (met: all of them); else judged on any at all. */
function nonAsnCriterion(protectedNonAsn: number, headcount: SourcedFigure | null): Criterion {
  const label = 'Pegawai non-ASN terlindungi'
  const sources = ['Peserta non-ASN di Semesta, status aktif atau menunggak', 'SE Mendagri 842.2/5193/SJ (regulations.md §6)']
  if (!headcount || headcount.value <= 0) {
    return { code: 'non_asn_coverage', label, met: protectedNonAsn > 0, value: protectedNonAsn, target: 'semua non-ASN (penyebut belum tersedia)', unit: 'count', sources }
  }
  return {
    code: 'non_asn_coverage', label, met: protectedNonAsn >= headcount.value, value: pct(protectedNonAsn, headcount.value), target: 100, unit: 'pct',
    sources: [...sources, `${protectedNonAsn} dari ${headcount.value} non-ASN: ${headcount.source} (${headcount.period}, ${headcount.status})`],
  }
}

export function scorecard(input: ScorecardInput): Scorecard {
  const ofYear = input.programmes.filter((p) => p.year === input.year)
  const bases = [...new Set(input.programmes.map((p) => p.legalBasis).filter((b): b is string => b !== null))]
  const budgetIdr = ofYear.reduce((t, p) => t + p.budgetIdr, 0)
  const quota = ofYear.reduce((t, p) => t + p.quota, 0)
  const members = ofYear.reduce((t, p) => t + p.members, 0)
  const programmeSources = ofYear.map((p) => `Program pemda: ${p.name}`)
  const criteria: Criterion[] = [
    {
      code: 'regional_regulation', label: 'Regulasi daerah (Perda/Pergub/Perbup/Perwali) jaminan sosial ketenagakerjaan', met: bases.length > 0,
      value: bases.join('; ') || null, target: 'ada', unit: 'text', sources: ['Dasar hukum program pemda di Semesta', 'Inpres 2/2021 (regulations.md §6)'],
    },
    {
      code: 'apbd_budget', label: `Anggaran APBD ${input.year} untuk iuran pekerja`, met: budgetIdr > 0, value: budgetIdr, target: '> 0', unit: 'idr',
      sources: [...programmeSources, 'Inpres 2/2021; Permendagri 27/2021 (regulations.md §6)'],
    },
    nonAsnCriterion(input.protected.nonAsn, input.nonAsnHeadcount),
    {
      code: 'vulnerable_coverage', label: 'Pekerja rentan dibiayai APBD terhadap kuota program', met: quota > 0 ? members >= quota : null,
      value: input.protected.pemdaPaid, target: quota, unit: 'count', sources: [...programmeSources, 'Anggota program pemda di Semesta'],
    },
  ]
  const workforce = input.informalWorkforce
  const target = input.targetPct
  criteria.push({
    code: 'informal_coverage_vs_target', label: 'Cakupan pekerja informal (BPU) terhadap target UCJ',
    met: workforce && target && workforce.value > 0 ? pct(input.protected.informal, workforce.value) >= target.value : null,
    value: workforce && workforce.value > 0 ? pct(input.protected.informal, workforce.value) : null, target: target?.value ?? null, unit: 'pct',
    sources: [
      'Peserta BPU di Semesta, status aktif atau menunggak',
      ...(workforce ? [`${workforce.source} (${workforce.period}, ${workforce.status})`] : ['penyebut pekerja informal belum tersedia']),
      ...(target ? [`${target.source} (${target.period})`] : ['target UCJ wilayah belum tersedia']),
    ],
  })
  criteria.push({
    code: 'trend', label: 'Pekerja dibiayai APBD dibanding tahun sebelumnya', met: input.previousYearMembers === null ? null : members > input.previousYearMembers,
    value: members, target: input.previousYearMembers, unit: 'count', sources: ['Anggota program pemda di Semesta, per tahun program'],
  })
  const judged = criteria.filter((c) => c.met !== null)
  return { regionCode: input.regionCode, year: input.year, met: judged.filter((c) => c.met).length, judged: judged.length, criteria }
}
