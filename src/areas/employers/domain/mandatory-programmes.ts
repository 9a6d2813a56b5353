import { DomainError } from '../../../kernel/errors.js'
import { monthIndex, type Month } from '../../../kernel/month.js'
import type { Programme, RegulationSet, Scale } from '../../programmes/domain/index.js'

/**
 * The programmes an employer of a business scale must enrol its workers in for a month (Perpres 109/2013 Pasal 6),
 * read from the regulation set the quotes use (regulations/pu.yaml `mandatory_programmes_by_scale`): never a
 * second copy of the rule.
 */
export function mandatoryProgrammes(scale: Scale, month: Month, regs: RegulationSet): Programme[] {
  const period = regs.pu.programmesByScale.period(monthIndex(month))
  if (!period) throw new DomainError('no_rule_for_period', `Tidak ada aturan program wajib untuk bulan ${month}.`, { field: 'month' })
  return [...period.value[scale]]
}
