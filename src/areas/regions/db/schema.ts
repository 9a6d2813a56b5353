import { sql } from 'drizzle-orm'
import { type AnyPgColumn, bigint, check, date, doublePrecision, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'

/** The regions area's reference tables, loaded from reference/ by `semesta migrate` (loadReferenceData). */

/** Banuspa's 9 provinces and 83 kab/kota, Kemendagri codes in dotted form (`51`, `51.71`). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    level: text('level').notNull(),
    /** provinsi | kabupaten | kota */
    kind: text('kind').notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => regions.code),
    /** The code before the 2022 Papua split (91.01 for today's 93.01); the same code where nothing changed. */
    codeBefore2022Split: text('code_before_2022_split'),
    areaKm2: doublePrecision('area_km2'),
    timeZone: text('time_zone').notNull(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    check('regions_level_check', sql`${t.level} in ('province', 'regency')`),
    check('regions_kind_check', sql`${t.kind} in ('provinsi', 'kabupaten', 'kota')`),
    check('regions_time_zone_check', sql`${t.timeZone} in ('WIB', 'WITA', 'WIT')`),
  ],
)

/** Kecamatan (distrik in the Papua provinces) of Banuspa. */
export const kecamatan = pgTable(
  'kecamatan',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    regencyCode: text('regency_code')
      .notNull()
      .references(() => regions.code),
    provinceCode: text('province_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [index('kecamatan_regency_idx').on(t.regencyCode)],
)

/** Every Indonesian province and regency code an NIK may start with: current ones and superseded ones (DESIGN.md §7). */
export const nikPrefixes = pgTable(
  'nik_prefixes',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    provinceCode: text('province_code').notNull(),
    status: text('status').notNull(),
    /** For a historical code, today's code of the same area (91.01 → 93.01). */
    successorCode: text('successor_code'),
    source: text('source').notNull(),
  },
  (t) => [
    check('nik_prefixes_level_check', sql`${t.level} in ('province', 'regency')`),
    check('nik_prefixes_status_check', sql`${t.status} in ('current', 'historical')`),
    check('nik_prefixes_successor_check', sql`${t.status} = 'current' or ${t.successorCode} is not null`),
  ],
)

/**
 * Workforce denominators and context figures (BPS Sakernas, Dukcapil), one figure per row with its source.
 * `region_code` may be a pre-split aggregate such as `92+96`, so it has no foreign key. Percent figures are stored
 * as integer ppm (49.32 % → 493200, unit `ppm`), like every rate in Semesta; persons as persons.
 */
export const workforceFigures = pgTable(
  'workforce_figures',
  {
    regionCode: text('region_code').notNull(),
    regionLevel: text('region_level').notNull(),
    period: text('period').notNull(),
    metric: text('metric').notNull(),
    value: bigint('value', { mode: 'number' }),
    unit: text('unit').notNull(),
    status: text('status').notNull(),
    source: text('source').notNull(),
    sourceUrl: text('source_url'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.period, t.metric] }),
    check('workforce_figures_status_check', sql`${t.status} in ('reported', 'derived', 'not_found')`),
    check('workforce_figures_unit_check', sql`${t.unit} in ('persons', 'ppm')`),
    check('workforce_figures_value_check', sql`(${t.status} = 'not_found') = (${t.value} is null)`),
    check('workforce_figures_period_check', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
)

/** National holidays and cuti bersama (reference/holidays.yaml): a due date on one of these moves to the next working day. */
export const holidays = pgTable(
  'holidays',
  {
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    source: text('source').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.date, t.name] }),
    index('holidays_year_idx').on(t.year),
    check('holidays_kind_check', sql`${t.kind} in ('national', 'cuti_bersama')`),
  ],
)
