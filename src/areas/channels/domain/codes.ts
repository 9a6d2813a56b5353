/**
 * SNAP response codes (channel-api.md §8): `responseCode` = HTTP status (3) + service code (2) + case code (2), and
 * the HTTP status of the answer equals its first three digits. Services 90 and 91 are Semesta's own (§14).
 */
export const SNAP_SERVICES = { token: '73', inquiry: '24', payment: '25', status: '26', registration: '90', reversal: '91' } as const
export type SnapService = (typeof SNAP_SERVICES)[keyof typeof SNAP_SERVICES]

/** The cases Semesta answers with (status, case, SNAP's message). */
export const SNAP_CASES = {
  success: [200, '00', 'Successful'],
  badRequest: [400, '00', 'Bad Request'],
  invalidFieldFormat: [400, '01', 'Invalid Field Format'],
  invalidMandatoryField: [400, '02', 'Invalid Mandatory Field'],
  unauthorized: [401, '00', 'Unauthorized'],
  invalidToken: [401, '01', 'Invalid Token (B2B)'],
  transactionExpired: [403, '00', 'Transaction Expired'],
  transactionNotFound: [404, '01', 'Transaction Not Found'],
  invalidBill: [404, '12', 'Invalid Bill/Virtual Account'],
  invalidAmount: [404, '13', 'Invalid Amount'],
  paidBill: [404, '14', 'Paid Bill'],
  inconsistentRequest: [404, '18', 'Inconsistent Request'],
  expiredBill: [404, '19', 'Invalid Bill/Virtual Account'],
  conflict: [409, '00', 'Conflict'],
  duplicateReference: [409, '01', 'Duplicate partnerReferenceNo'],
  /** Registration (90): the NIK is registered with another birth date or name; the claim is kept for review. */
  identityConflict: [409, '01', 'Conflict. NIK registered with another identity'],
  tooManyRequests: [429, '00', 'Too Many Requests'],
  generalError: [500, '00', 'General Error'],
} as const satisfies Record<string, readonly [number, string, string]>

export type SnapCase = keyof typeof SNAP_CASES

export interface SnapCode {
  httpStatus: number
  responseCode: string
  responseMessage: string
}

/** The code and message of a case for a service; `detail` is appended the way SNAP writes it ("Invalid Field Format customerNo"). */
export function snapCode(service: SnapService, kase: SnapCase, detail?: string): SnapCode {
  const [httpStatus, caseCode, message] = SNAP_CASES[kase]
  const responseMessage = detail ? `${message}${kase === 'unauthorized' ? '. ' : ' '}${detail}`.slice(0, 150) : message
  return { httpStatus, responseCode: `${httpStatus}${service}${caseCode}`, responseMessage }
}

/**
 * A refusal in SNAP terms: the case, the field or reason SNAP appends to the message, and data the answer carries
 * (e.g. the original payment's data with `4042518`). Domain code throws it; the SNAP routes turn it into the body.
 */
export class SnapRefusal extends Error {
  readonly kase: SnapCase
  readonly detail: string | undefined
  readonly data: Record<string, unknown> | undefined

  constructor(kase: SnapCase, detail?: string, data?: Record<string, unknown>) {
    super(`${kase}${detail ? `: ${detail}` : ''}`)
    this.name = 'SnapRefusal'
    this.kase = kase
    this.detail = detail
    this.data = data
  }
}

export function isSnapRefusal(error: unknown): error is SnapRefusal {
  return error instanceof SnapRefusal
}

/** The transaction-status enum of SNAP (§8), as Semesta's report and Inquiry Status use it. */
export const TRANSACTION_STATUS = { success: '00', refunded: '04', canceled: '05', failed: '06', notFound: '07' } as const
