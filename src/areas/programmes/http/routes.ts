import type { App } from '../../../platform/http/types.js'
import { parseQuoteInput, quote } from '../domain/index.js'
import { loadHolidayCalendar, loadRegulationSet } from '../regulation-files.js'
import { quoteBody, quoteResponse } from './schemas.js'

const tags = ['programmes']

/** Public contribution quotes: the same engine and JSON as `semesta quote --json`. */
export default async function programmesRoutes(app: App): Promise<void> {
  const regs = loadRegulationSet()
  const calendar = loadHolidayCalendar()
  app.post(
    '/api/v1/quotes',
    {
      schema: {
        tags,
        summary: 'Hitung iuran (quote contributions) for one contribution month, line by line with citations',
        body: quoteBody,
        response: { 200: quoteResponse },
      },
    },
    async (request) => quote(parseQuoteInput(request.body), regs, calendar),
  )
}
