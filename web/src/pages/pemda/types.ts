import type { z } from 'zod'
import type { coverageView, enrolResponse, invoiceList, lapsingView, programmeDetail, programmeView, scorecardView } from '../../../../src/areas/pemda/http/schemas'

/** The pemda API (issue 8: /api/v1/pemda/*), as the server's zod schemas say (types only). */
export type Programme = z.infer<typeof programmeView>
export type ProgrammeDetail = z.infer<typeof programmeDetail>
export type InvoiceItem = z.infer<typeof invoiceList>['items'][number]
export type Scorecard = z.infer<typeof scorecardView>
export type PemdaCoverage = z.infer<typeof coverageView>
export type LapsingList = z.infer<typeof lapsingView>
export type CohortUploadResult = z.infer<typeof enrolResponse>
