import { describe, expect, it } from 'vitest'
import { ACTIONS } from '../../access/domain/policy.js'
import { codeState, parseWorkerIdentifier, SIGN_IN_RULES } from './sign-in-rules.js'
import { workerMay, WORKER_ACTIONS } from './worker-policy.js'

const me = { participantId: 'p-1' }

describe('a worker session', () => {
  it('may read and change only its own record', () => {
    for (const action of WORKER_ACTIONS) {
      expect(workerMay(me, action, { participantId: 'p-1' })).toBe(true)
      expect(workerMay(me, action, { participantId: 'p-2' })).toBe(false)
      expect(workerMay(me, action, { participantId: null })).toBe(false)
    }
  })
  it('is refused every staff action, even on its own record', () => {
    for (const action of Object.keys(ACTIONS)) expect(workerMay(me, action, { participantId: 'p-1' })).toBe(false)
    expect(workerMay(me, 'self.record.write', { participantId: 'p-1' })).toBe(false)
  })
})

describe('sign-in rules', () => {
  const now = new Date('2026-03-01T02:00:00Z')
  const code = { participantId: 'p-1', attempts: 0, expiresAt: new Date(now.getTime() + 60_000), usedAt: null }
  it('accepts a NIK or a KPJ, nothing else', () => {
    expect(parseWorkerIdentifier('5171 0142 0190 0001')).toEqual({ kind: 'nik', value: '5171014201900001' })
    expect(parseWorkerIdentifier('26000000017')).toEqual({ kind: 'kpj', value: '26000000017' })
    expect(() => parseWorkerIdentifier('12345')).toThrow(/NIK/)
  })
  it('a code is open until used, expired, out of attempts, or never matched anyone', () => {
    expect(codeState(code, now)).toBe('open')
    expect(codeState({ ...code, usedAt: now }, now)).toBe('used')
    expect(codeState({ ...code, attempts: SIGN_IN_RULES.maxAttempts }, now)).toBe('locked')
    expect(codeState({ ...code, attempts: SIGN_IN_RULES.maxAttempts - 1 }, now)).toBe('open')
    expect(codeState({ ...code, expiresAt: now }, now)).toBe('expired')
    expect(codeState({ ...code, participantId: null }, now)).toBe('unknown')
  })
})
