import type { Command } from 'commander'
import { localDateAt } from '../../kernel/dates.js'
import { DomainError } from '../../kernel/errors.js'
import { isLocalDate } from '../../kernel/dates.js'
import { formatRupiah } from '../../kernel/money.js'
import {
  benefitJkkDeath,
  benefitJkm,
  benefitJkp,
  loadRegulationSet,
  readWhole,
  SCHOOL_LEVELS,
  type Benefit,
  type SchoolLevel,
} from '../../areas/programmes/index.js'
import { action, output } from '../run-command.js'
import { withFlagNames } from './quote.js'

function readDate(value: unknown): string {
  if (value === undefined) return localDateAt(new Date(), 'Asia/Makassar')
  const v = String(value)
  if (!isLocalDate(v)) throw new DomainError('invalid_date', `date must be YYYY-MM-DD, got '${v}'`, { field: 'date' })
  return v
}

function readChildren(value: unknown): SchoolLevel[] {
  if (value === undefined || value === '') return []
  return String(value).split(',').map((c) => {
    const level = c.trim().toLowerCase() as SchoolLevel
    if (!SCHOOL_LEVELS.includes(level)) throw new DomainError('unknown_code', `children must be school levels ${SCHOOL_LEVELS.join(',')}, got '${c}'`, { field: 'children' })
    return level
  })
}

function need(value: unknown, field: string): unknown {
  if (value === undefined) throw new DomainError('missing_field', `${field} is required`, { field })
  return value
}

function benefitText(b: Benefit): string {
  const rows = b.lines.map((l) => `  ${l.item.padEnd(26)} ${formatRupiah(l.amountIdr).padStart(16)}  ${l.citation} [${l.evidence}]`)
  const out = [`${b.benefit.toUpperCase()} ${b.date}`, ...rows, `  ${'total'.padEnd(26)} ${formatRupiah(b.totalIdr).padStart(16)}`]
  const s = b.scholarship as { eligible: boolean; reason: string; firstYearIdr: number; maxIdr: number } | undefined
  if (s) out.push(`  beasiswa: ${s.eligible ? `yes, first year ${formatRupiah(s.firstYearIdr)}, up to ${formatRupiah(s.maxIdr)}` : 'no'} (${s.reason})`)
  for (const n of b.notes) out.push(`  note: ${n.message}`)
  return out.join('\n')
}

export function register(program: Command): void {
  const benefit = program.command('benefit').description('Benefit calculators: jkm, jkk-death, jkp (regulations/benefits.yaml)')

  benefit
    .command('jkm')
    .description('JKM death benefit (death not caused by work), with the scholarship')
    .option('--contribution-months <n>', 'masa iur in months')
    .option('--segment <segment>', 'pu | bpu (default pu)')
    .option('--consecutive-paid-months <n>', 'bpu: consecutive months paid since registering')
    .option('--arrears-months <n>', 'consecutive months in arrears at the death')
    .option('--children <levels>', 'school levels of at most 2 children: tk,sd,smp,sma,pt')
    .option('--date <YYYY-MM-DD>', 'date of death (default today): PP 44/2015 amounts before 2 Dec 2019')
    .option('--json', 'print JSON')
    .action(
      action((o: Record<string, unknown>) => {
        const result = withFlagNames(() => {
          const segment = o.segment === undefined ? 'pu' : String(o.segment)
          if (segment !== 'pu' && segment !== 'bpu') throw new DomainError('unknown_code', `segment must be pu or bpu, got '${segment}'`, { field: 'segment' })
          return benefitJkm({
            date: readDate(o.date),
            contributionMonths: readWhole(need(o.contributionMonths, 'contributionMonths'), 'contributionMonths', 'a number of months'),
            segment,
            ...(o.consecutivePaidMonths !== undefined ? { consecutivePaidMonths: readWhole(o.consecutivePaidMonths, 'consecutivePaidMonths', 'a number of months') } : {}),
            ...(o.arrearsMonths !== undefined ? { arrearsMonths: readWhole(o.arrearsMonths, 'arrearsMonths', 'a number of months') } : {}),
            children: readChildren(o.children),
          }, loadRegulationSet())
        })
        output(result, o.json === true, benefitText)
      }),
    )

  benefit
    .command('jkk-death')
    .description('JKK death benefit: 48 × wage + santunan berkala + funeral, and the scholarship')
    .option('--wage <idr>', 'last monthly wage')
    .option('--children <levels>', 'school levels of at most 2 children: tk,sd,smp,sma,pt')
    .option('--date <YYYY-MM-DD>', 'date of death (default today)')
    .option('--json', 'print JSON')
    .action(
      action((o: Record<string, unknown>) => {
        const result = withFlagNames(() =>
          benefitJkkDeath({ date: readDate(o.date), wageIdr: readWhole(need(o.wage, 'wage'), 'wage'), children: readChildren(o.children) }, loadRegulationSet()),
        )
        output(result, o.json === true, benefitText)
      }),
    )

  benefit
    .command('jkp')
    .description('JKP cash benefit (PP 37/2021 before 7 Feb 2025, PP 6/2025 from then)')
    .option('--wage <idr>', 'last monthly wage reported')
    .option('--date <YYYY-MM-DD>', 'date of the PHK (default today)')
    .option('--json', 'print JSON')
    .action(
      action((o: Record<string, unknown>) => {
        const result = withFlagNames(() => benefitJkp({ date: readDate(o.date), wageIdr: readWhole(need(o.wage, 'wage'), 'wage') }, loadRegulationSet()))
        output(result, o.json === true, benefitText)
      }),
    )
}
