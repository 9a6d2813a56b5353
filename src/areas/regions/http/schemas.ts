import { z } from 'zod'

/** GET /api/v1/regions query: one level, or one province's kab/kota (`parent=51`; `51` or `5171` style codes). */
export const regionsQuery = z.object({
  level: z.enum(['province', 'regency']).optional(),
  parent: z.string().max(16).optional().describe('Kode provinsi induk, mis. 51'),
})

export const regionSchema = z.object({
  code: z.string().describe('Kode Kemendagri bertitik, mis. 51.71'),
  name: z.string(),
  shortName: z.string(),
  level: z.enum(['province', 'regency']),
  parentCode: z.string().nullable(),
  codeBefore2022Split: z.string().nullable().describe('Kode sebelum pemekaran Papua 2022 (NIK lama masih memakainya)'),
  timeZone: z.enum(['WIB', 'WITA', 'WIT']),
})

export const regionsResponse = z.object({ regions: z.array(regionSchema) })

export type RegionsResponse = z.infer<typeof regionsResponse>
