/** The contract of a bench module (`bench/*.bench.ts`): `export default { name, tiers, run }`. */
export type Tier = 'quick' | 'full'

export interface BenchContext {
  tier: Tier
  /** How long one timed measurement should run, by tier. */
  durationMs: number
  /** How many times a measurement is repeated (the median is reported). */
  repeats: number
  log(message: string): void
}

/** One figure beside the ceiling measured in the same run with the same tools (DESIGN.md §6). */
export interface BenchRow {
  measure: string
  value: number
  unit: string
  ceiling: number | null
  ceilingUnit: string | null
  /** value / ceiling (both in the same unit), or null without a ceiling */
  ratio: number | null
  /** The goal from DESIGN.md §6, as text */
  goal: string
}

export interface BenchModule {
  name: string
  tiers: readonly Tier[]
  run(ctx: BenchContext): Promise<BenchRow[]>
}
