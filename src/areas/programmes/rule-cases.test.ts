import { describe, expect, it } from 'vitest'
import { loadHolidayCalendar, loadRegulationSet } from './regulation-files.js'
import { CASE_FILES, checkPartial, loadCases, runPure } from './rule-cases.test-support.js'

const regs = loadRegulationSet()
const calendar = loadHolidayCalendar()

for (const file of CASE_FILES) {
  describe(`regulations/tests/${file}.yaml through the pure functions`, () => {
    for (const c of loadCases(file)) {
      it(c.name, () => {
        const outcome = runPure(c, regs, calendar)
        if (c.error) {
          expect(outcome.error, outcome.error ? '' : `expected ${c.error.code}, got a result`).toMatchObject(c.error)
        } else {
          expect(outcome.error).toBeUndefined()
          expect(checkPartial('', outcome.result, c.expect ?? {})).toEqual([])
        }
      })
    }
  })
}
