import { formatRupiah } from '../../lib/format'

type Translate = (key: string, options?: Record<string, unknown>) => string

export interface QuoteErrorLike {
  code: string
  message: string
  field: string | undefined
  details: Record<string, unknown>
}

/**
 * The engine's errors are stable codes with English messages (the CLI's words). The calculator says the common
 * ones in the reader's language, with their figures; any other shows the engine's message after "check the form".
 */
export function quoteErrorText(error: QuoteErrorLike, t: Translate): string {
  const fallback = t('calculator.invalid', { message: error.message })
  const minimum = typeof error.details.minimumIdr === 'number' ? formatRupiah(error.details.minimumIdr) : ''
  const options = { minimum, message: error.message }
  for (const key of [`calculator.errors.${error.code}.${error.field ?? 'any'}`, `calculator.errors.${error.code}.any`]) {
    const text = t(key, { ...options, defaultValue: '' })
    if (text) return text
  }
  return fallback
}
