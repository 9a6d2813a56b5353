import { monthIndex } from '../../../kernel/month.js'
import type { HolidayCalendar } from './holidays.js'
import { beforeStart, quoteBpu } from './quote-bpu.js'
import { quoteJakon } from './quote-jakon.js'
import { quotePmi } from './quote-pmi.js'
import { quotePu } from './quote-pu.js'
import { quoteStateWorker } from './quote-state-workers.js'
import type { Quote, QuoteInput } from './quote-types.js'
import type { RegulationSet } from './regulation-set.js'

/** Pure: the contributions owed for one contribution month, line by line, with citations and due dates. */
export function quote(input: QuoteInput, regs: RegulationSet, calendar: HolidayCalendar): Quote {
  if (monthIndex(input.month) < regs.firstMonthIndex) throw beforeStart(regs, input.month)
  const q = quoteBySegment(input, regs, calendar)
  const seen = new Set<string>()
  q.notes = q.notes.filter((n) => !seen.has(n.message) && seen.add(n.message))
  return q
}

function quoteBySegment(input: QuoteInput, regs: RegulationSet, calendar: HolidayCalendar): Quote {
  switch (input.segment) {
    case 'pu':
      return quotePu(input, regs, calendar)
    case 'bpu':
      return quoteBpu(input, regs, calendar)
    case 'pmi':
      return quotePmi(input, regs)
    case 'jakon':
      return quoteJakon(input, regs)
    case 'non_asn':
    case 'pemilu':
      return quoteStateWorker(input, regs, calendar)
  }
}
