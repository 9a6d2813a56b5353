/**
 * Coverage measures (issue 7, DESIGN.md §7): people, not enrolments. Stocks are counted at the month's end:
 * `registered` = registered and not `berhenti`; one of the four statuses. Flows count what happened in the month:
 * `new` = registered in the month, `lapsed` = became `nonaktif`, `reactivated` = `nonaktif` → aktif/menunggak.
 * The numerator of coverage is terlindungi = aktif + menunggak.
 */
export const STOCK_MEASURES = ['registered', 'terdaftar', 'aktif', 'menunggak', 'nonaktif'] as const
export const FLOW_MEASURES = ['new', 'lapsed', 'reactivated'] as const
export const MEASURES = [...STOCK_MEASURES, ...FLOW_MEASURES] as const
export type StockMeasure = (typeof STOCK_MEASURES)[number]
export type FlowMeasure = (typeof FLOW_MEASURES)[number]
export type Measure = (typeof MEASURES)[number]

/** Breakdowns: `all` is the region as a whole. Source = the kind of the source that brought the person in. */
export const BREAKDOWNS = ['segment', 'category', 'source', 'occupation'] as const
export type Breakdown = (typeof BREAKDOWNS)[number]
export type Dim = 'all' | Breakdown

export type Counts = Record<Measure, number>

export function isStockMeasure(m: string): m is StockMeasure {
  return (STOCK_MEASURES as readonly string[]).includes(m)
}

export function isMeasure(m: string): m is Measure {
  return (MEASURES as readonly string[]).includes(m)
}

export function isBreakdown(b: string): b is Breakdown {
  return (BREAKDOWNS as readonly string[]).includes(b)
}

export function emptyCounts(): Counts {
  return { registered: 0, terdaftar: 0, aktif: 0, menunggak: 0, nonaktif: 0, new: 0, lapsed: 0, reactivated: 0 }
}

export function addInto(target: Counts, source: Readonly<Counts>): Counts {
  for (const m of MEASURES) target[m] += source[m]
  return target
}

export function terlindungi(c: Readonly<Counts>): number {
  return c.aktif + c.menunggak
}

/** Coverage in percent with two decimals (42.47), or null without a denominator. */
export function coveragePct(protectedPeople: number, workforce: number | null): number | null {
  if (workforce === null || workforce <= 0) return null
  return Math.round((protectedPeople * 10_000) / workforce) / 100
}

/** Segment of a participant category (BPJS reporting: PU includes non-ASN and election organisers). */
export function segmentOf(category: string): 'bpu' | 'pu' | 'pmi' | 'jakon' {
  return category === 'bpu' || category === 'pmi' || category === 'jakon' ? category : 'pu'
}
