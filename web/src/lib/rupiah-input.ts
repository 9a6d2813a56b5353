/**
 * Reads what a person types for an amount in rupiah: `1000000`, `1.000.000`, `Rp 1.000.000`.
 * Returns null for an empty field and NaN for anything that is not a whole number of rupiah.
 */
export function parseRupiahInput(text: string): number | null {
  const trimmed = text.trim().replace(/^rp\.?\s*/i, '')
  if (trimmed === '') return null
  if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(trimmed)) return Number.NaN
  const value = Number(trimmed.replace(/\./g, ''))
  return Number.isSafeInteger(value) ? value : Number.NaN
}
