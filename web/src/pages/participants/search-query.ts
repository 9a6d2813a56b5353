/** What a person types in the one search box: 16 digits are an NIK, 11 a KPJ, letters the start of a name. */
export type SearchTerm = { nik: string } | { kpj: string } | { name: string } | { invalid: 'too-short' | 'digits' }

export function readSearchTerm(text: string): SearchTerm {
  const trimmed = text.trim()
  const digits = trimmed.replace(/[\s.-]/g, '')
  if (/^\d+$/.test(digits)) {
    if (digits.length === 16) return { nik: digits }
    if (digits.length === 11) return { kpj: digits }
    return { invalid: 'digits' }
  }
  if (trimmed.replace(/[^\p{L}]/gu, '').length < 2) return { invalid: 'too-short' }
  return { name: trimmed }
}
