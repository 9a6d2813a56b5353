import type { WorkerRecordView } from '../../../../src/areas/self-service/http/schemas'

/**
 * The worker's own calls to /api/v1/self. Not lib/api.ts: a 401 here means "not signed in as a worker", and must not
 * sign a staff user out of the staff app in the same browser.
 */
export class SelfApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

async function call<T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  if (response.status === 204) return null as T
  const json = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
  if (!response.ok) throw new SelfApiError(response.status, json?.error?.message ?? `HTTP ${response.status}`)
  return json as T
}

export const selfApi = {
  me: () => call<WorkerRecordView>('GET', '/api/v1/self/me'),
  signIn: (number: string, birthDate: string) => call<{ challengeId: string; expiresInSeconds: number }>('POST', '/api/v1/self/sign-in', { number, birthDate }),
  verify: (challengeId: string, code: string) => call<{ signedIn: true }>('POST', '/api/v1/self/verify', { challengeId, code }),
  signOut: () => call<null>('POST', '/api/v1/self/sign-out', {}),
  optOut: (channel: 'whatsapp' | 'sms' | 'all', optedOut: boolean) => call<{ optOuts: string[] }>('PUT', '/api/v1/self/opt-outs', { channel, optedOut }),
}
export type { WorkerRecordView }
