import { z } from 'zod'

/** The coverage JSON contract (issue 7 item 4): the web dashboard builds against exactly this shape. */
export const workforceSchema = z.object({
  value: z.number().int().nullable(),
  metric: z.string(),
  period: z.string().nullable(),
  source: z.string(),
  status: z.enum(['reported', 'derived', 'not_found']),
})

export const coverageRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'regency']),
  parentCode: z.string().nullable(),
  group: z.string().optional().describe('the breakdown value when `by` is given'),
  registered: z.number().int(),
  terdaftar: z.number().int(),
  aktif: z.number().int(),
  menunggak: z.number().int(),
  nonaktif: z.number().int(),
  terlindungi: z.number().int(),
  new: z.number().int(),
  lapsed: z.number().int(),
  reactivated: z.number().int(),
  workforce: workforceSchema,
  coveragePct: z.number().nullable(),
  target: z.number().int().nullable(),
  gap: z.number().int().nullable(),
  neededPerMonth: z.number().int().nullable(),
  projectedMonth: z.string().nullable().describe('YYYY-MM; null with a target = "tidak tahun ini"'),
})

export const coverageResponse = z.object({
  month: z.string(),
  closed: z.boolean(),
  level: z.enum(['province', 'regency']).optional(),
  by: z.enum(['segment', 'category', 'source', 'occupation']).optional(),
  rows: z.array(coverageRowSchema),
  gapLeaders: z.array(z.object({
    provinceCode: z.string(),
    regencies: z.array(z.object({ code: z.string(), name: z.string(), gap: z.number().int() })),
  })).optional(),
})

export const coverageQuery = z.object({
  level: z.enum(['province', 'regency']).default('province'),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  by: z.enum(['segment', 'category', 'source', 'occupation']).optional(),
})

export const exportParams = z.object({ format: z.enum(['xlsx', 'pdf', 'csv']) })

export const targetSchema = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  kind: z.enum(['pct', 'count']),
  value: z.number().int().describe('pct: ppm of the workforce (62.22% = 622200); count: people'),
  source: z.string(),
})

export const targetsResponse = z.object({ targets: z.array(targetSchema) })
export const targetsQuery = z.object({ year: z.coerce.number().int().optional() })
export const targetParams = z.object({ region: z.string(), year: z.coerce.number().int() })
export const targetBody = z.object({
  value: z.string().describe('"62.22%" (share of the workforce) or "1054194" (people)'),
  source: z.string().min(1),
})

export const uncoveredQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional() })
export const uncoveredResponse = z.object({
  month: z.string(),
  rows: z.array(z.object({
    code: z.string(),
    name: z.string(),
    parentCode: z.string().nullable(),
    informalWorkers: workforceSchema,
    terlindungiBpu: z.number().int(),
    uncoveredInformal: z.number().int().nullable().describe('informal workers − terlindungi BPU (estimate; null without a split)'),
    lapsed: z.number().int().describe('nonaktif at the month end: the first to call'),
    neverPaid: z.number().int().describe('terdaftar (never paid) at the month end'),
    occupations: z.array(z.object({ code: z.string(), terlindungi: z.number().int(), nonaktif: z.number().int(), terdaftar: z.number().int() })),
  })),
})

export type CoverageResponse = z.infer<typeof coverageResponse>
export type CoverageRowJson = z.infer<typeof coverageRowSchema>
