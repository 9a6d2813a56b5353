import type { App } from '../../../platform/http/types.js'
import { benefitJkkDeath, benefitJkm, benefitJkp, parseQuoteInput, quote } from '../domain/index.js'
import { loadHolidayCalendar, loadRegulationSet } from '../regulation-files.js'
import { benefitResponse, jkkDeathBenefitBody, jkmBenefitBody, jkpBenefitBody, quoteBody, quoteResponse } from './schemas.js'

const tags = ['programmes']

/** Public contribution quotes and benefit calculators: the same engine and JSON as `semesta quote|benefit --json`. */
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
  app.post(
    '/api/v1/benefits/jkm',
    { schema: { tags, summary: 'Manfaat JKM (death not caused by work), with the scholarship', body: jkmBenefitBody, response: { 200: benefitResponse } } },
    async (request) => benefitJkm(request.body, regs),
  )
  app.post(
    '/api/v1/benefits/jkk-death',
    { schema: { tags, summary: 'Manfaat JKK meninggal (death from a work accident)', body: jkkDeathBenefitBody, response: { 200: benefitResponse } } },
    async (request) => benefitJkkDeath({ date: request.body.date, wageIdr: request.body.wage, children: request.body.children ?? [] }, regs),
  )
  app.post(
    '/api/v1/benefits/jkp',
    { schema: { tags, summary: 'Manfaat JKP (cash benefit after a PHK)', body: jkpBenefitBody, response: { 200: benefitResponse } } },
    async (request) => benefitJkp({ date: request.body.date, wageIdr: request.body.wage }, regs),
  )
}
