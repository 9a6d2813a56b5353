/**
 * An XLSX cell as the text a clerk typed, so the CSV and XLSX paths feed the validators the same strings:
 * numbers without exponent or grouping (an NIK that Excel stored as a number comes back as its 16 digits, as
 * far as Excel kept them), dates as YYYY-MM-DD, rich text, formulas and hyperlinks as their shown text.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return numberText(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return dateText(value)
  if (typeof value === 'object') return objectText(value as Record<string, unknown>)
  return String(value)
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? BigInt(value).toString() : String(value)
  return String(value)
}

/** Excel dates have no zone; exceljs hands them over as UTC midnight of the day shown. */
function dateText(value: Date): string {
  return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)
}

function objectText(value: Record<string, unknown>): string {
  if (Array.isArray(value.richText)) return (value.richText as Array<{ text?: string }>).map((part) => part.text ?? '').join('')
  if ('result' in value) return cellText(value.result)
  if ('text' in value) return cellText(value.text)
  if ('error' in value) return ''
  return ''
}
