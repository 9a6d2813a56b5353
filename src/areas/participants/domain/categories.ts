/**
 * Participant categories: the groups Inpres 2/2021 tells governments to register (regulations.md §6, [C2]:
 * PU, BPU, PMI, non-ASN government employees, election organisers) plus construction workers (jasa
 * konstruksi), which BPJS reports separately. Each category says which segment rules apply to it.
 */
export const CATEGORIES = ['bpu', 'pu', 'pmi', 'non_asn', 'pemilu', 'jakon'] as const
export type Category = (typeof CATEGORIES)[number]

export const PROGRAMMES = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'] as const
export type Programme = (typeof PROGRAMMES)[number]

/**
 * How statuses follow from dues (DESIGN.md §7): `bpu_lapse` = monthly dues, `menunggak` then `nonaktif`
 * after the lapse window; `employer_carries` = the employer (or the pemda as employer) carries arrears and
 * the worker stays `aktif` while enrolled; `protection_period` = one payment for a period, no monthly dues.
 */
export type StatusRule = 'bpu_lapse' | 'employer_carries' | 'protection_period'

export interface CategoryRules {
  code: Category
  labelId: string
  labelEn: string
  /** How BPJS reports count it: "formal" = PU, Jakon, PMI; "informal" = BPU (banuspa-facts.md "Terms"). */
  reportingSegment: 'formal' | 'informal'
  statusRule: StatusRule
  /** What `penghasilan` means for the category, and whether it is required. */
  incomeKind: 'declared_income' | 'wage' | 'honorarium' | null
  incomeRequired: boolean
  /** BPU registration conditions (age limit, minimum declared income, Brosur BPU 2026 [S1]). */
  bpuRegistrationConditions: boolean
  requiresNpp: boolean
  requiredProgrammes: readonly Programme[]
  optionalProgrammes: readonly Programme[]
  /** PP 50/2025 discount can apply (BPU only; never when the APBN or an APBD pays: regulations.md §1.5 (b)). */
  pp50Discount: boolean
  note: string
}

const JKK_JKM: readonly Programme[] = ['JKK', 'JKM']

/**
 * FLAGGED: the programme sets per category other than BPU and PU, and the status rule of election organisers,
 * are Semesta readings (regulations.md §4, §5 [R]/[S1]), kept here as data beside their notes.
 */
export const CATEGORY_RULES: Readonly<Record<Category, CategoryRules>> = {
  bpu: {
    code: 'bpu', labelId: 'Bukan Penerima Upah (pekerja informal/mandiri)', labelEn: 'Non-wage (informal, self-employed) worker',
    reportingSegment: 'informal', statusRule: 'bpu_lapse', incomeKind: 'declared_income', incomeRequired: true,
    bpuRegistrationConditions: true, requiresNpp: false, requiredProgrammes: JKK_JKM, optionalProgrammes: ['JHT'], pp50Discount: true,
    note: 'JP and JKP are not open to BPU (PP 45/2015 Pasal 2; PP 37/2021 Pasal 4(2)(c)). Pemda-paid cohorts are BPU paid by an APBD.',
  },
  pu: {
    code: 'pu', labelId: 'Penerima Upah (pekerja formal)', labelEn: 'Wage earner (formal employee)',
    reportingSegment: 'formal', statusRule: 'employer_carries', incomeKind: 'wage', incomeRequired: true,
    bpuRegistrationConditions: false, requiresNpp: true, requiredProgrammes: JKK_JKM, optionalProgrammes: ['JHT', 'JP', 'JKP'], pp50Discount: false,
    note: 'The employer carries arrears and fines (PP 44/2015 Pasal 38, 41); business scale decides the mandatory programmes.',
  },
  pmi: {
    code: 'pmi', labelId: 'Pekerja Migran Indonesia', labelEn: 'Indonesian migrant worker',
    reportingSegment: 'formal', statusRule: 'protection_period', incomeKind: null, incomeRequired: false,
    bpuRegistrationConditions: false, requiresNpp: false, requiredProgrammes: JKK_JKM, optionalProgrammes: ['JHT'], pp50Discount: false,
    note: 'One payment for a protection period (Permenaker 4/2023, regulations.md §4).',
  },
  non_asn: {
    code: 'non_asn', labelId: 'Pegawai pemerintah non-ASN', labelEn: 'Non-civil-servant government employee',
    reportingSegment: 'formal', statusRule: 'employer_carries', incomeKind: 'honorarium', incomeRequired: true,
    bpuRegistrationConditions: false, requiresNpp: false, requiredProgrammes: JKK_JKM, optionalProgrammes: ['JHT'], pp50Discount: false,
    note: 'Workers of a state employer (PP 49/2023); basis flagged: JKK risk group I + JKM on the honorarium (DESIGN.md §7).',
  },
  pemilu: {
    code: 'pemilu', labelId: 'Penyelenggara pemilu (badan ad hoc)', labelEn: 'Election organiser (ad-hoc body)',
    reportingSegment: 'formal', statusRule: 'employer_carries', incomeKind: 'honorarium', incomeRequired: true,
    bpuRegistrationConditions: false, requiresNpp: false, requiredProgrammes: JKK_JKM, optionalProgrammes: [], pp50Discount: false,
    note: 'KPU letter 2564/SDM.06.7-SD/01/2024 insures PPK, PPS and KPPS in JKK+JKM [S1]; contribution basis [R].',
  },
  jakon: {
    code: 'jakon', labelId: 'Jasa konstruksi', labelEn: 'Construction worker (project-based)',
    reportingSegment: 'formal', statusRule: 'protection_period', incomeKind: 'wage', incomeRequired: false,
    bpuRegistrationConditions: false, requiresNpp: false, requiredProgrammes: JKK_JKM, optionalProgrammes: [], pp50Discount: false,
    note: 'Covered for the project\'s duration, paid per project (PP 44/2015 Pasal 54-55, regulations.md §2.6).',
  },
}

const BY_INPUT = new Map<string, Category>([
  ...CATEGORIES.map((c): [string, Category] => [c, c]),
  ['non asn', 'non_asn'],
  ['non-asn', 'non_asn'],
  ['nonasn', 'non_asn'],
  ['penyelenggara pemilu', 'pemilu'],
  ['jasa konstruksi', 'jakon'],
  ['pekerja migran', 'pmi'],
  ['penerima upah', 'pu'],
  ['bukan penerima upah', 'bpu'],
])

/** `bpu`, `PU`, `non-asn`, `Jasa Konstruksi`… → a category code; undefined when unknown. */
export function parseCategory(input: string): Category | undefined {
  return BY_INPUT.get(input) ?? BY_INPUT.get(input.trim().toLowerCase())
}
