import type { z } from 'zod'
import type { coverageResponse, coverageRowSchema } from '../../../../src/areas/coverage/http/schemas'

/** The coverage API contract (GET /api/v1/coverage), as the server's zod schema says. */
export type CoverageAnswer = z.infer<typeof coverageResponse>
export type CoverageRow = z.infer<typeof coverageRowSchema>
export type Workforce = CoverageRow['workforce']
