import { CATEGORY_RULES, PROGRAMMES, type Category, type Programme } from './categories.js'
import { fieldIssue, type FieldIssue } from './field-issue.js'

export type ProgrammesParse = { ok: readonly Programme[]; error?: never } | { ok?: never; error: FieldIssue }

const PROGRAMME_SEPARATOR = /[+,;/\s]+/
const BIT = new Map<string, number>(PROGRAMMES.map((p, i) => [p, 1 << i]))

/** One frozen list per combination, in the canonical order JKK, JKM, JHT, JP, JKP. */
const LISTS: readonly (readonly Programme[])[] = Array.from({ length: 1 << PROGRAMMES.length }, (_, mask) =>
  Object.freeze(PROGRAMMES.filter((_, i) => (mask & (1 << i)) !== 0)),
)

function maskOf(programmes: readonly Programme[]): number {
  let mask = 0
  for (const p of programmes) mask |= BIT.get(p) ?? 0
  return mask
}

const REQUIRED_MASK = new Map<Category, number>()
const ALLOWED_MASK = new Map<Category, number>()
for (const rules of Object.values(CATEGORY_RULES)) {
  REQUIRED_MASK.set(rules.code, maskOf(rules.requiredProgrammes))
  ALLOWED_MASK.set(rules.code, maskOf(rules.requiredProgrammes) | maskOf(rules.optionalProgrammes))
}

/** Files repeat the same few spellings (`JKK+JKM`), so each spelling is split once. */
const seenMasks = new Map<string, number>()
const SEEN_LIMIT = 1_000

function programmeMask(input: string): number | FieldIssue {
  const seen = seenMasks.get(input)
  if (seen !== undefined) return seen
  const mask = splitProgrammes(input)
  if (typeof mask === 'number' && seenMasks.size < SEEN_LIMIT) seenMasks.set(input, mask)
  return mask
}

function splitProgrammes(input: string): number | FieldIssue {
  let mask = 0
  for (const part of input.toUpperCase().split(PROGRAMME_SEPARATOR)) {
    if (part === '') continue
    const bit = BIT.get(part)
    if (bit === undefined) {
      return fieldIssue('program', 'unknown_code', `Program "${part}" tidak dikenal; tulis JKK+JKM atau JKK+JKM+JHT.`)
    }
    mask |= bit
  }
  return mask
}

/**
 * `program` as typed (`JKK+JKM`, `jkk+jkm+jht`, any case) for a category: JKK and JKM are always taken;
 * anything else must be open to the category (a BPU cannot take JP or JKP).
 */
export function parseProgrammes(input: string, category: Category): ProgrammesParse {
  const mask = programmeMask(input)
  if (typeof mask !== 'number') return { error: mask }
  if (mask === 0) return { error: fieldIssue('program', 'missing_field', 'Program wajib diisi (JKK+JKM atau JKK+JKM+JHT).') }
  const required = REQUIRED_MASK.get(category) ?? 0
  if ((mask & required) !== required) {
    return { error: fieldIssue('program', 'invalid_input', 'Program harus memuat JKK dan JKM (mis. JKK+JKM atau JKK+JKM+JHT).') }
  }
  const notAllowed = mask & ~(ALLOWED_MASK.get(category) ?? 0)
  if (notAllowed !== 0) {
    const names = LISTS[notAllowed]?.join(', ') ?? ''
    return { error: fieldIssue('program', 'not_eligible', `Program ${names} tidak terbuka untuk kategori ${category.toUpperCase()}.`) }
  }
  return { ok: LISTS[mask] ?? [] }
}
