import { DomainError } from '../../../kernel/errors.js'
import { monthIndex, type Month } from '../../../kernel/month.js'
import { asObject, bad, DateParameter, MonthParameter, readParameter, type AnyParameter, type ValueReader } from './periods.js'
import * as read from './read-values.js'
import type { NumberRecord } from './read-values.js'
import type {
  ContractBracket,
  DiscountWindow,
  DueRule,
  IncomeLevel,
  JkkDeath,
  JkmCash,
  JkpCash,
  LateMonthCounting,
  PmiPackages,
  Programme,
  RateByRiskGroup,
  Scale,
  Scholarship,
  SplitRate,
  StateWorkerBasis,
} from './types.js'

/**
 * Every dated figure Semesta computes with, read from regulations/*.yaml. Built once (parse time does the
 * checks and the month indexes); quotes only look up.
 */
export interface RegulationSet {
  /** PP 44/2015 and PP 45/2015 start on 1 July 2015: no month before this is quoted. */
  readonly firstMonth: Month
  readonly firstMonthIndex: number
  readonly firstDate: string
  /** Every parameter by key (`pu.jp_wage_cap_idr`), for listings and docs. */
  readonly parameters: ReadonlyMap<string, AnyParameter>
  readonly pu: {
    readonly jkkRateByGroup: MonthParameter<RateByRiskGroup>
    readonly jkmRate: MonthParameter<number>
    readonly jhtRate: MonthParameter<SplitRate>
    readonly jpRate: MonthParameter<SplitRate>
    readonly jpWageCap: MonthParameter<number>
    readonly programmesByScale: MonthParameter<Readonly<Record<Scale, readonly Programme[]>>>
    readonly jkpGovernmentShare: MonthParameter<number>
    readonly jkpJkkRecomposition: MonthParameter<number>
    readonly jkpJkmRecomposition: MonthParameter<number>
    readonly jkpWageCap: MonthParameter<number | null>
  }
  readonly bpu: {
    readonly incomeLevels: MonthParameter<readonly IncomeLevel[]>
    readonly jkkRate: MonthParameter<number>
    readonly jkmFlat: MonthParameter<number>
    readonly jhtRate: MonthParameter<number>
    readonly minimumIncome: MonthParameter<number>
  }
  readonly relief: {
    readonly pp49JkkJkmFactor: MonthParameter<number>
    readonly pp49JpPaidShare: MonthParameter<number>
    readonly pp50Transport: MonthParameter<DiscountWindow>
    readonly pp50Other: MonthParameter<DiscountWindow>
    readonly pp50TransportOccupations: MonthParameter<readonly string[]>
    readonly pp7JkkRateByGroup: MonthParameter<RateByRiskGroup | null>
  }
  readonly fines: {
    readonly puLateFinePerMonth: MonthParameter<number>
    readonly bpuLateFinePerMonth: MonthParameter<number>
    readonly lateMonthCounting: MonthParameter<LateMonthCounting>
  }
  readonly due: {
    readonly bpuJkkJkm: MonthParameter<DueRule>
    readonly bpuJht: MonthParameter<DueRule>
    readonly pu: MonthParameter<DueRule>
  }
  readonly pmi: { readonly packages: DateParameter<PmiPackages> }
  readonly jakon: {
    readonly brackets: MonthParameter<readonly ContractBracket[]>
    readonly knownWageRates: MonthParameter<{ jkk: number; jkm: number }>
  }
  readonly stateWorkers: {
    readonly nonAsn: MonthParameter<StateWorkerBasis>
    readonly pemilu: MonthParameter<StateWorkerBasis>
  }
  readonly benefits: {
    readonly jkmCash: DateParameter<JkmCash>
    readonly scholarship: DateParameter<Scholarship>
    readonly scholarshipMaxChildAge: DateParameter<number>
    readonly bpuJkmMinConsecutiveMonths: DateParameter<number>
    readonly arrearsWindowMonths: DateParameter<number>
    readonly jkkDeath: DateParameter<JkkDeath>
    readonly jkpCash: DateParameter<JkpCash | null>
  }
  /** Figures kept for the claims and pension work (regulations/benefit-rules.yaml); no quote reads them. */
  readonly benefitRules: {
    readonly wageBasis: MonthParameter<NumberRecord>
    readonly jkkCare: DateParameter<NumberRecord>
    readonly paymentDeadlines: DateParameter<NumberRecord>
    readonly claimDeadlines: DateParameter<NumberRecord>
    readonly jhtWithdrawal: DateParameter<NumberRecord>
    readonly jpBenefitRules: MonthParameter<NumberRecord>
    readonly jpFloorCeiling: MonthParameter<NumberRecord>
    readonly pensionAge: DateParameter<NumberRecord>
    readonly pmiJhtOptions: DateParameter<NumberRecord>
  }
}

const FIRST_MONTH = '2015-07'

class Reader {
  readonly all = new Map<string, AnyParameter>()
  private readonly used = new Set<string>()
  constructor(private readonly files: Record<string, unknown>) {}

  private raw(file: string, name: string): unknown {
    const content = this.files[file]
    if (content === undefined) throw new DomainError('invalid_input', `regulations/${file}.yaml is missing`, { figure: file })
    const params = asObject(asObject(content, file).parameters, `${file}.parameters`)
    if (!(name in params)) throw bad(`${file}.${name}`, 'parameter is missing')
    this.used.add(`${file}.${name}`)
    return params[name]
  }

  month<T>(file: string, name: string, readValue: ValueReader<T>): MonthParameter<T> {
    const p = readParameter(file, name, this.raw(file, name), readValue)
    if (!(p instanceof MonthParameter)) throw bad(p.key, 'must be dated_by: month')
    if (p.periods[0]!.from !== FIRST_MONTH) throw bad(p.key, `must start at ${FIRST_MONTH} (add unknown rows)`)
    this.all.set(p.key, p as AnyParameter)
    return p
  }

  date<T>(file: string, name: string, readValue: ValueReader<T>): DateParameter<T> {
    const p = readParameter(file, name, this.raw(file, name), readValue)
    if (!(p instanceof DateParameter)) throw bad(p.key, 'must be dated_by: date')
    if (p.periods[0]!.from !== `${FIRST_MONTH}-01`) throw bad(p.key, `must start at ${FIRST_MONTH}-01 (add unknown rows)`)
    this.all.set(p.key, p as AnyParameter)
    return p
  }

  /** A parameter in a file that no code reads is almost always a typo: refuse it. */
  checkNoneLeft(): void {
    for (const [file, content] of Object.entries(this.files)) {
      const params = asObject(asObject(content, file).parameters ?? {}, `${file}.parameters`)
      for (const name of Object.keys(params)) {
        if (!this.used.has(`${file}.${name}`)) throw bad(`${file}.${name}`, 'unknown parameter (not read by the engine)')
      }
    }
  }
}

const num: ValueReader<number> = read.int

/** Pure: builds the regulation set from parsed YAML files keyed by basename (`pu`, `bpu`, ...). */
export function parseRegulationSet(files: Record<string, unknown>): RegulationSet {
  const r = new Reader(files)
  const set: Omit<RegulationSet, 'parameters'> = {
    firstMonth: FIRST_MONTH,
    firstMonthIndex: monthIndex(FIRST_MONTH),
    firstDate: `${FIRST_MONTH}-01`,
    pu: {
      jkkRateByGroup: r.month('pu', 'jkk_rate_ppm_by_risk_group', read.byRiskGroup),
      jkmRate: r.month('pu', 'jkm_rate_ppm', num),
      jhtRate: r.month('pu', 'jht_rate_ppm', read.split),
      jpRate: r.month('pu', 'jp_rate_ppm', read.split),
      jpWageCap: r.month('pu', 'jp_wage_cap_idr', num),
      programmesByScale: r.month('pu', 'mandatory_programmes_by_scale', read.programmesByScale),
      jkpGovernmentShare: r.month('pu', 'jkp_government_share_ppm', num),
      jkpJkkRecomposition: r.month('pu', 'jkp_jkk_recomposition_ppm', num),
      jkpJkmRecomposition: r.month('pu', 'jkp_jkm_recomposition_ppm', num),
      jkpWageCap: r.month('pu', 'jkp_wage_cap_idr', read.intOrNull),
    },
    bpu: {
      incomeLevels: r.month('bpu', 'income_levels', read.incomeLevels),
      jkkRate: r.month('bpu', 'jkk_rate_ppm', num),
      jkmFlat: r.month('bpu', 'jkm_flat_idr', num),
      jhtRate: r.month('bpu', 'jht_rate_ppm', num),
      minimumIncome: r.month('bpu', 'minimum_income_idr', num),
    },
    relief: {
      pp49JkkJkmFactor: r.month('relief', 'pp49_2020_jkk_jkm_factor_ppm', num),
      pp49JpPaidShare: r.month('relief', 'pp49_2020_jp_paid_share_ppm', num),
      pp50Transport: r.month('relief', 'pp50_2025_bpu_factor_ppm_transport', read.discountWindow),
      pp50Other: r.month('relief', 'pp50_2025_bpu_factor_ppm_other', read.discountWindow),
      pp50TransportOccupations: r.month('relief', 'pp50_2025_transport_occupations', read.strings),
      pp7JkkRateByGroup: r.month('relief', 'pp7_2025_jkk_rate_ppm_by_risk_group', read.byRiskGroupOrNull),
    },
    fines: {
      puLateFinePerMonth: r.month('fines', 'pu_late_fine_ppm_per_month', num),
      bpuLateFinePerMonth: r.month('fines', 'bpu_late_fine_ppm_per_month', num),
      lateMonthCounting: r.month('fines', 'late_month_counting', read.lateMonthCounting),
    },
    due: {
      bpuJkkJkm: r.month('due-dates', 'bpu_jkk_jkm_due', read.dueRule),
      bpuJht: r.month('due-dates', 'bpu_jht_due', read.dueRule),
      pu: r.month('due-dates', 'pu_due', read.dueRule),
    },
    pmi: { packages: r.date('pmi', 'pmi_packages', read.pmiPackages) },
    jakon: {
      brackets: r.month('jakon', 'contract_value_brackets', read.brackets),
      knownWageRates: r.month('jakon', 'known_wage_rates_ppm', read.knownWageRates),
    },
    stateWorkers: {
      nonAsn: r.month('state-workers', 'non_asn_basis', read.stateWorkerBasis),
      pemilu: r.month('state-workers', 'pemilu_basis', read.stateWorkerBasis),
    },
    ...readBenefits(r),
  }
  r.checkNoneLeft()
  return { ...set, parameters: r.all }
}

/** benefits.yaml and benefit-rules.yaml: figures dated by the event (death, PHK) or by month. */
function readBenefits(r: Reader): Pick<RegulationSet, 'benefits' | 'benefitRules'> {
  return {
    benefits: {
      jkmCash: r.date('benefits', 'jkm_cash', read.jkmCash),
      scholarship: r.date('benefits', 'scholarship', read.scholarship),
      scholarshipMaxChildAge: r.date('benefits', 'scholarship_max_child_age', num),
      bpuJkmMinConsecutiveMonths: r.date('benefits', 'bpu_jkm_full_benefit_min_consecutive_months', num),
      arrearsWindowMonths: r.date('benefits', 'arrears_window_months', num),
      jkkDeath: r.date('benefits', 'jkk_death', read.jkkDeath),
      jkpCash: r.date('benefits', 'jkp_cash', read.jkpCash),
    },
    benefitRules: {
      wageBasis: r.month('benefit-rules', 'wage_basis', read.numberRecord),
      jkkCare: r.date('benefit-rules', 'jkk_care', read.numberRecord),
      paymentDeadlines: r.date('benefit-rules', 'benefit_payment_deadlines', read.numberRecord),
      claimDeadlines: r.date('benefit-rules', 'claim_deadlines', read.numberRecord),
      jhtWithdrawal: r.date('benefit-rules', 'jht_withdrawal', read.numberRecord),
      jpBenefitRules: r.month('benefit-rules', 'jp_benefit_rules', read.numberRecord),
      jpFloorCeiling: r.month('benefit-rules', 'jp_benefit_floor_ceiling_idr', read.numberRecord),
      pensionAge: r.date('benefit-rules', 'pension_age', read.numberRecord),
      pmiJhtOptions: r.date('benefit-rules', 'pmi_jht_options_idr', read.numberRecord),
    },
  }
}
