/** One region as GET /api/v1/regions lists it (Kemendagri dotted codes: `51` province, `51.71` regency). */
export interface RegionItem {
  code: string
  name: string
  /** WITA or WIT (the API says; DESIGN.md §7: a date is the local date of the participant's regency) */
  timeZone?: string
}

export interface ProvinceNode extends RegionItem {
  regencies: RegionItem[]
}

/** The answer may be a bare list or `{ regions: [...] }`; each item needs a code and a name. */
export function readRegionList(body: unknown): RegionItem[] {
  const list = Array.isArray(body) ? body : typeof body === 'object' && body !== null && 'regions' in body ? (body as { regions: unknown }).regions : []
  if (!Array.isArray(list)) return []
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return []
    const { code, name, timeZone } = item as { code?: unknown; name?: unknown; timeZone?: unknown }
    if (typeof code !== 'string' || typeof name !== 'string') return []
    return [typeof timeZone === 'string' ? { code, name, timeZone } : { code, name }]
  })
}

/** Provinces in code order, each with its regencies in code order; the parent follows from the code itself. */
export function buildRegionTree(items: readonly RegionItem[]): ProvinceNode[] {
  const provinces = new Map<string, ProvinceNode>()
  for (const item of items) {
    if (!item.code.includes('.')) provinces.set(item.code, { ...item, regencies: [] })
  }
  for (const item of items) {
    const parts = item.code.split('.')
    if (parts.length !== 2) continue
    provinces.get(parts[0] ?? '')?.regencies.push(item)
  }
  const byCode = (a: RegionItem, b: RegionItem) => a.code.localeCompare(b.code)
  const tree = [...provinces.values()].sort(byCode)
  for (const province of tree) province.regencies.sort(byCode)
  return tree
}
