/**
 * What a worker session may do: read and change its own record, nothing else. It is not an access Actor (no staff
 * role, no region, no source), so no staff policy can pass it; this is its whole policy (tested against every action).
 */
export interface WorkerPrincipal {
  readonly participantId: string
}

export const WORKER_ACTIONS = ['self.record.read', 'self.receipt.read', 'self.opt_out.write'] as const
export type WorkerAction = (typeof WORKER_ACTIONS)[number]

export function workerMay(principal: WorkerPrincipal, action: string, subject: { participantId: string | null | undefined }): boolean {
  if (!(WORKER_ACTIONS as readonly string[]).includes(action)) return false
  return typeof subject.participantId === 'string' && subject.participantId === principal.participantId
}
