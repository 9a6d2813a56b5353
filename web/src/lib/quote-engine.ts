import { parseHolidayCalendar, parseQuoteInput, parseRegulationSet, quote, type RegulationSet } from '../../../src/areas/programmes/domain/index'
import type { QuoteRequest } from '../pages/programmes/quote-form-state'
import type { QuoteView } from '../pages/programmes/quote-view'
import { regulationFilesByName } from './quote-engine-files'

/** The same regulation files the server reads (regulations/*.yaml, reference/holidays.yaml), bundled through the YAML plugin. */
const regulationModules = import.meta.glob<unknown>('@regulations/*.yaml', { eager: true, import: 'default' })
const holidayModules = import.meta.glob<unknown>('@reference/holidays.yaml', { eager: true, import: 'default' })

export interface QuoteFailure {
  ok: false
  code: string
  message: string
  field: string | undefined
  details: Record<string, unknown>
}

export type QuoteOutcome = { ok: true; view: QuoteView } | QuoteFailure

export interface QuoteEngine {
  quote(request: QuoteRequest): QuoteOutcome
  /** the parsed regulation data, for the benefit engine (the agent app's pitch) */
  regulations: RegulationSet
}

/** Parses the regulation data once; each quote then runs the server's pure engine on the request. */
export function createQuoteEngine(): QuoteEngine {
  const regulations = parseRegulationSet(regulationFilesByName(regulationModules))
  const calendar = parseHolidayCalendar(Object.values(holidayModules)[0] ?? {})
  return {
    regulations,
    quote(request) {
      try {
        return { ok: true, view: quote(parseQuoteInput(request), regulations, calendar) as QuoteView }
      } catch (error) {
        const { code, details } = error as { code?: unknown; details?: Record<string, unknown> }
        const field = typeof details?.field === 'string' ? details.field : undefined
        const message = error instanceof Error ? error.message : String(error)
        return { ok: false, code: typeof code === 'string' ? code : 'internal', message, field, details: details ?? {} }
      }
    },
  }
}
