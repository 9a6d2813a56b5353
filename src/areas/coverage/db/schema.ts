import { sql } from 'drizzle-orm'
import { bigint, check, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Coverage rollups (issue 7, docs/coverage.md). Statement-level triggers on `participants` (migration
 * coverage_triggers) append one row per changed (month, regency, segment, category, source kind, occupation,
 * measure) to `coverage_deltas`: appends only, so payments and registrations never wait on a shared counter row.
 * `foldCoverage` moves the pending deltas into `coverage_months` (net change per month) and `coverage_current`
 * (the stock now), expanded per breakdown (`dim`: all, segment, category, source, occupation). A closed month is
 * copied into `coverage_snapshots` and never changes; a delta dated in a closed month is booked in the first open one.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const count = (name: string) => bigint(name, { mode: 'number' })

export const coverageDeltas = pgTable('coverage_deltas', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  /** The month the change takes effect (status_since, registered_on, ended_on, or the day of a correction). */
  month: text('month').notNull(),
  regencyCode: text('regency_code').notNull(),
  segment: text('segment').notNull(),
  category: text('category').notNull(),
  sourceKind: text('source_kind').notNull(),
  occupation: text('occupation').notNull(),
  measure: text('measure').notNull(),
  n: integer('n').notNull(),
})

const measureCheck = (column: unknown) =>
  sql`${column} in ('registered', 'terdaftar', 'aktif', 'menunggak', 'nonaktif', 'new', 'lapsed', 'reactivated')`
const dimCheck = (column: unknown) => sql`${column} in ('all', 'segment', 'category', 'source', 'occupation')`

/** One rollup cell: a regency × breakdown value ('' for dim 'all') × measure, and its count. */
const cell = () => ({
  regencyCode: text('regency_code').notNull(),
  dim: text('dim').notNull(),
  value: text('value').notNull(),
  measure: text('measure').notNull(),
  n: count('n').notNull(),
})

/** Net change of each measure per month (stocks) or the month's count (flows: new, lapsed, reactivated). */
export const coverageMonths = pgTable(
  'coverage_months',
  { month: text('month').notNull(), ...cell() },
  (t) => [
    primaryKey({ name: 'coverage_months_pkey', columns: [t.dim, t.month, t.regencyCode, t.value, t.measure] }),
    check('coverage_months_measure_check', measureCheck(t.measure)),
    check('coverage_months_dim_check', dimCheck(t.dim)),
  ],
)

/** The stock of every stock measure now (registered and the four statuses), per regency and breakdown value. */
export const coverageCurrent = pgTable(
  'coverage_current',
  cell(),
  (t) => [
    primaryKey({ name: 'coverage_current_pkey', columns: [t.dim, t.regencyCode, t.value, t.measure] }),
    check('coverage_current_measure_check', measureCheck(t.measure)),
    check('coverage_current_dim_check', dimCheck(t.dim)),
  ],
)

/** Every measure of a closed month as it was when closed: never updated. */
export const coverageSnapshots = pgTable(
  'coverage_snapshots',
  { month: text('month').notNull(), ...cell() },
  (t) => [
    primaryKey({ name: 'coverage_snapshots_pkey', columns: [t.month, t.dim, t.regencyCode, t.value, t.measure] }),
    check('coverage_snapshots_measure_check', measureCheck(t.measure)),
  ],
)

export const coverageClosedMonths = pgTable(
  'coverage_closed_months',
  {
    month: text('month').primaryKey(),
    closedAt: at('closed_at').notNull(),
    actorId: uuid('actor_id'),
  },
  (t) => [check('coverage_closed_months_month_check', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)],
)

/** A coverage target per region (province or regency) and year: a share of the workforce (ppm) or a head count. */
export const coverageTargets = pgTable(
  'coverage_targets',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    /** kind 'pct': the share of the workforce in ppm (62.22 % → 622200); kind 'count': people. */
    value: bigint('value', { mode: 'number' }).notNull(),
    source: text('source').notNull(),
    enteredOn: date('entered_on', { mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'coverage_targets_pkey', columns: [t.regionCode, t.year] }),
    check('coverage_targets_kind_check', sql`${t.kind} in ('pct', 'count')`),
    check('coverage_targets_value_check', sql`${t.value} >= 0 and (${t.kind} = 'count' or ${t.value} <= 1000000)`),
  ],
)
