import type { z } from 'zod'
import type { accountResponse, paymentList, worklistResponse } from '../../../../src/areas/contributions/http/schemas'
import type { historyResponse, participantView, registrationBody, registrationResponse, searchResponse } from '../../../../src/areas/participants/http/schemas'

/** The registry and contributions API shapes, as the server's zod schemas say (types only: no zod in the bundle). */
export type Participant = z.infer<typeof participantView>
export type SearchAnswer = z.infer<typeof searchResponse>
export type HistoryAnswer = z.infer<typeof historyResponse>
export type RegistrationBody = z.infer<typeof registrationBody>
export type RegistrationAnswer = z.infer<typeof registrationResponse>
export type Account = z.infer<typeof accountResponse>
export type PaymentListAnswer = z.infer<typeof paymentList>
export type WorklistAnswer = z.infer<typeof worklistResponse>
