import { describe, expect, it } from 'vitest'
import en from '../../locales/en.json'
import { quoteErrorText } from './quote-error-text'

/** A stand-in for i18next's t over the English file: nested keys, {{name}} interpolation, defaultValue. */
function t(key: string, options: Record<string, unknown> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en)
  const text = typeof found === 'string' ? found : String(options.defaultValue ?? key)
  return text.replace(/{{(\w+)}}/g, (_, name: string) => String(options[name] ?? ''))
}

describe("the calculator's words for an engine error", () => {
  it('names the lowest BPU income in rupiah', () => {
    const text = quoteErrorText({ code: 'not_eligible', field: 'income', message: 'income 500000 is below ...', details: { field: 'income', minimumIdr: 1_000_000 } }, t)
    expect(text).toBe('The lowest BPU income is Rp1.000.000 a month.')
  })

  it('explains a month before July 2015', () => {
    expect(quoteErrorText({ code: 'no_rule_for_period', field: 'month', message: 'month 2015-06 is before 2015-07', details: {} }, t)).toContain('July 2015')
  })

  it("shows the engine's message for an error it has no words for", () => {
    expect(quoteErrorText({ code: 'out_of_range', field: 'wage', message: 'wage must not be negative, got -5', details: {} }, t)).toBe(
      'Check the form: wage must not be negative, got -5',
    )
  })
})
