import { fieldIssue, type FieldIssue } from './field-issue.js'

/** PP 50/2025 sector of an occupation: flagged data (reference/occupations.yaml, DESIGN.md §7). */
export type Sector = 'transport' | 'other'

export interface Occupation {
  code: string
  nameId: string
  nameEn: string
  sector: Sector
  aliases: readonly string[]
}

export interface SectorMappingFlag {
  flagged: boolean
  evidence: string
  source: string
  note: string
}

export interface OccupationCatalogue {
  occupations: readonly Occupation[]
  sectorMapping: SectorMappingFlag
  /** Normalised code, name or alias → occupation. */
  byKey: ReadonlyMap<string, Occupation>
}

const KEY_NOISE = /[\s_-]+/g
const CODE_SHAPE = /^[a-z][a-z0-9_]*$/

/** Case, spaces, `_` and `-` do not matter when matching an occupation. */
export function occupationKey(input: string): string {
  return input.trim().toLowerCase().replace(KEY_NOISE, ' ')
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`occupations: ${what} must be a non-empty string`)
  return value.trim()
}

function parseOccupation(raw: unknown, index: number): Occupation {
  if (typeof raw !== 'object' || raw === null) throw new Error(`occupations[${index}] must be a mapping`)
  const entry = raw as Record<string, unknown>
  const code = text(entry.code, `occupations[${index}].code`)
  if (!CODE_SHAPE.test(code)) throw new Error(`occupations: code ${code} must be snake_case`)
  const sector = entry.sector
  if (sector !== 'transport' && sector !== 'other') throw new Error(`occupations: ${code} sector must be transport or other`)
  const aliases = entry.aliases ?? []
  if (!Array.isArray(aliases)) throw new Error(`occupations: ${code} aliases must be a list`)
  return {
    code,
    nameId: text(entry.name_id, `${code}.name_id`),
    nameEn: text(entry.name_en, `${code}.name_en`),
    sector,
    aliases: aliases.map((alias, i) => text(alias, `${code}.aliases[${i}]`)),
  }
}

function parseSectorMapping(raw: unknown): SectorMappingFlag {
  const m = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  return {
    flagged: m.flagged !== false,
    evidence: text(m.evidence, 'sector_mapping.evidence'),
    source: text(m.source, 'sector_mapping.source'),
    note: text(m.note, 'sector_mapping.note'),
  }
}

/** Builds the catalogue from the parsed `reference/occupations.yaml`; a key claimed by two occupations is an error. */
export function parseOccupationCatalogue(raw: unknown): OccupationCatalogue {
  const root = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  if (!Array.isArray(root.occupations)) throw new Error('occupations: `occupations` must be a list')
  const occupations = root.occupations.map(parseOccupation)
  const byKey = new Map<string, Occupation>()
  for (const occupation of occupations) {
    for (const name of [occupation.code, occupation.nameId, occupation.nameEn, ...occupation.aliases]) {
      const key = occupationKey(name)
      const other = byKey.get(key)
      if (other && other !== occupation) throw new Error(`occupations: "${name}" names both ${other.code} and ${occupation.code}`)
      byKey.set(key, occupation)
    }
    byKey.set(occupation.code, occupation) // the code as written (`guru_honorer`) hits without normalising
  }
  return { occupations, sectorMapping: parseSectorMapping(root.sector_mapping), byKey }
}

export function findOccupation(catalogue: OccupationCatalogue, input: string): Occupation | undefined {
  return catalogue.byKey.get(input) ?? catalogue.byKey.get(occupationKey(input))
}

const LIST_SEPARATOR = /[;,|+]/

/** One shared answer per occupation for the common one-occupation row (no allocation per row). */
const singleAnswers = new WeakMap<Occupation, OccupationsParse>()

function singleAnswer(occupation: Occupation): OccupationsParse {
  let answer = singleAnswers.get(occupation)
  if (!answer) {
    answer = { ok: Object.freeze([occupation]) }
    singleAnswers.set(occupation, answer)
  }
  return answer
}

export type OccupationsParse = { ok: readonly Occupation[]; error?: never } | { ok?: never; error: FieldIssue }

/**
 * One or more occupations as typed in `pekerjaan` (codes or names, separated by `;`, `,`, `|` or `+`),
 * without repeats, at most `maxCount` (PP 44/2015 Pasal 11(2): a BPU lists at most 2).
 */
export function parseOccupations(catalogue: OccupationCatalogue, input: string, maxCount: number): OccupationsParse {
  const single = findOccupation(catalogue, input)
  if (single) return singleAnswer(single)
  const parts = input.split(LIST_SEPARATOR).map((part) => part.trim()).filter((part) => part.length > 0)
  if (parts.length === 0) return { error: fieldIssue('pekerjaan', 'missing_field', 'Pekerjaan wajib diisi.') }
  const found: Occupation[] = []
  for (const part of parts) {
    const occupation = findOccupation(catalogue, part)
    if (!occupation) {
      return { error: fieldIssue('pekerjaan', 'unknown_code', `Pekerjaan "${part}" tidak ada dalam daftar pekerjaan; gunakan kode atau nama dari daftar.`) }
    }
    if (!found.includes(occupation)) found.push(occupation)
  }
  if (found.length > maxCount) {
    return { error: fieldIssue('pekerjaan', 'out_of_range', `Paling banyak ${maxCount} pekerjaan yang boleh dicatat (tertulis ${found.length}).`) }
  }
  return { ok: found }
}

/** The PP 50/2025 sector of a participant: that of the first-listed (main) occupation (flagged Semesta rule). */
export function sectorOf(occupations: readonly Occupation[]): Sector {
  return occupations[0]?.sector ?? 'other'
}
