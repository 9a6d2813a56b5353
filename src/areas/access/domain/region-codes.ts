/**
 * Region codes for scoping users. Interfaces use Kemendagri's dotted form (`51.71`); input may also give `5171`
 * (DESIGN.md §7). A province code (`53`) stands for all of its regencies.
 */
const DOTTED = /^\d{2}(\.\d{2})?$/
const COMPACT = /^(\d{2})(\d{2})$/

/** `5171` → `51.71`, `51.71` → `51.71`, `53` → `53`; anything else → null. */
export function normalizeRegionCode(input: string): string | null {
  const value = input.trim()
  if (DOTTED.test(value)) return value
  const m = COMPACT.exec(value)
  return m ? `${m[1]}.${m[2]}` : null
}

export function isProvinceCode(code: string): boolean {
  return /^\d{2}$/.test(code)
}

export interface ExpandedRegions {
  regencyCodes: string[]
  /** Inputs that are not region codes, or codes that name no known regency or province. */
  unknown: string[]
}

/**
 * Turns `--regions` input into the sorted, de-duplicated regency codes it covers, given the known regencies.
 * A province code expands to every known regency of that province.
 */
export function expandRegionCodes(inputs: readonly string[], knownRegencyCodes: readonly string[]): ExpandedRegions {
  const known = new Set(knownRegencyCodes)
  const out = new Set<string>()
  const unknown: string[] = []
  for (const input of inputs) {
    const code = normalizeRegionCode(input)
    if (code && isProvinceCode(code)) {
      const inProvince = knownRegencyCodes.filter((regency) => regency.startsWith(`${code}.`))
      if (inProvince.length === 0) unknown.push(input)
      for (const regency of inProvince) out.add(regency)
    } else if (code && known.has(code)) {
      out.add(code)
    } else {
      unknown.push(input)
    }
  }
  return { regencyCodes: [...out].sort(), unknown }
}
