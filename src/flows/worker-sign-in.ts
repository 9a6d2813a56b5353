import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { writeAudit } from '../areas/access/index.js'
import { channelFor, loadNotificationRules, optOutsOf, ruleAt, writeOutbox, type Channel, type ChannelAdapter } from '../areas/notifications/index.js'
import { findParticipantByKpj, findParticipantByNik, type ParticipantRecord } from '../areas/participants/index.js'
import {
  codeState, codesSince, endWorkerSession, findWorkerSession, insertCode, insertWorkerSession, lockCode, parseWorkerIdentifier, purgeExpired, recordAttempt, SIGN_IN_RULES,
} from '../areas/self-service/index.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { sendNotifications } from './send-notifications.js'

export interface SignInDeps {
  /** Keys the HMAC of codes and identifiers (the session secret; a per-process random key without one). */
  key: string
  newId(): string
  adapters: Readonly<Record<Channel, ChannelAdapter>>
}

const hmac = (key: string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest('hex')
const sha256 = (token: string) => createHmac('sha256', 'worker-session').update(token, 'utf8').digest('hex')

async function findWorker(sql: Sql, number: string, birthDate: string): Promise<ParticipantRecord | null> {
  const id = parseWorkerIdentifier(number)
  const p = id.kind === 'nik' ? await findParticipantByNik(sql, id.value) : await findParticipantByKpj(sql, id.value)
  return p && p.birthDate === birthDate && p.phone ? p : null
}

/**
 * Step 1 of the worker's sign-in: NIK or KPJ + birth date. A match with a phone on file gets a 6-digit code through the
 * notifications outbox (sent at once, after the commit); anything else gets the same answer and a challenge that
 * never verifies, so the answer does not tell whether someone is registered. Rate-limited per identifier; audited.
 */
export async function requestSignInCode(sql: Sql, cmd: { number: string; birthDate: string; requestId: string | null }, now: Date, deps: SignInDeps): Promise<{ challengeId: string; expiresInSeconds: number }> {
  const identifier = parseWorkerIdentifier(cmd.number)
  const identifierHash = hmac(deps.key, `${identifier.kind}:${identifier.value}`)
  const rules = loadNotificationRules()
  const minutes = ruleAt(rules, 'one_time_code', now.toISOString().slice(0, 10))?.minutesValid ?? 10
  const challengeId = deps.newId()
  const outboxIds = await sql.transaction(async (tx) => {
    const since = new Date(now.getTime() - SIGN_IN_RULES.identifierWindowMinutes * 60_000)
    if ((await codesSince(tx, identifierHash, since)) >= SIGN_IN_RULES.maxCodesPerIdentifier) {
      await writeAudit(tx, { actor: null, action: 'self.code_refused', subjectType: 'worker_sign_in', subjectId: null, requestId: cmd.requestId, details: { reason: 'rate_limited' } })
      throw new DomainError('rate_limited', `Terlalu banyak permintaan kode. Coba lagi dalam ${SIGN_IN_RULES.identifierWindowMinutes} menit.`)
    }
    await purgeExpired(tx, now)
    const worker = await findWorker(tx, cmd.number, cmd.birthDate)
    const code = String(randomInt(0, 10 ** SIGN_IN_RULES.codeDigits)).padStart(SIGN_IN_RULES.codeDigits, '0')
    await insertCode(tx, { id: challengeId, participantId: worker?.id ?? null, identifierHash, codeHash: hmac(deps.key, `${challengeId}:${code}`), expiresAt: new Date(now.getTime() + minutes * 60_000) }, now)
    await writeAudit(tx, { actor: null, action: 'self.code_request', subjectType: 'participant', subjectId: worker?.id ?? null, requestId: cmd.requestId, details: { challengeId, matched: worker !== null } })
    if (!worker) return []
    // a sign-in code goes whatever the person opted out of, on the first channel they have not refused
    const refused = ((await optOutsOf(tx, [worker.id])).get(worker.id) ?? []).filter((c) => c !== 'all')
    const channel = channelFor(rules, refused) ?? (rules.channels[0] as Channel)
    return writeOutbox(tx, [{ rule: 'one_time_code', subjectType: 'participant', subjectId: worker.id, eventKey: `otp:${challengeId}`, channel, lang: 'id', params: { code, minutes } }], now, deps.newId)
  })
  if (outboxIds.length > 0) await sendNotifications(sql, { adapters: deps.adapters, ids: outboxIds }, now).catch(() => undefined)
  return { challengeId, expiresInSeconds: minutes * 60 }
}

/** Step 2: the code. Right → a worker session for that one participant; wrong, used, expired or locked → one answer. */
export async function verifySignInCode(sql: Sql, cmd: { challengeId: string; code: string; requestId: string | null }, now: Date, deps: Pick<SignInDeps, 'key'>): Promise<{ token: string; participantId: string; expiresAt: Date }> {
  const outcome = await sql.transaction(async (tx) => {
    const c = await lockCode(tx, cmd.challengeId)
    const state = c ? codeState(c, now) : 'unknown'
    const given = Buffer.from(hmac(deps.key, `${cmd.challengeId}:${cmd.code}`), 'hex')
    const right = c !== null && state === 'open' && timingSafeEqual(given, Buffer.from(c.codeHash, 'hex'))
    if (c && state !== 'used' && state !== 'locked') await recordAttempt(tx, c.id, right ? now : null)
    if (!right || !c?.participantId) {
      await writeAudit(tx, { actor: null, action: 'self.sign_in_failed', subjectType: 'participant', subjectId: c?.participantId ?? null, requestId: cmd.requestId, details: { challengeId: cmd.challengeId, reason: state === 'open' ? 'wrong' : state } })
      return null
    }
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(now.getTime() + SIGN_IN_RULES.sessionMinutes * 60_000)
    await insertWorkerSession(tx, { tokenHash: sha256(token), participantId: c.participantId, expiresAt }, now)
    await writeAudit(tx, { actor: null, action: 'self.sign_in', subjectType: 'participant', subjectId: c.participantId, requestId: cmd.requestId, details: { challengeId: cmd.challengeId } })
    return { token, participantId: c.participantId, expiresAt }
  })
  if (!outcome) throw new DomainError('unauthenticated', 'Kode salah, sudah dipakai atau kedaluwarsa. Minta kode baru bila perlu.', { field: 'code' })
  return outcome
}

/** The participant of a worker session cookie, or null (an unknown, ended or expired session). */
export async function workerOfToken(sql: Sql, token: string | undefined, now: Date): Promise<{ participantId: string } | null> {
  if (typeof token !== 'string' || token.length < 16 || token.length > 200) return null
  return findWorkerSession(sql, sha256(token), now)
}

export async function signOutWorker(sql: Sql, token: string | undefined): Promise<void> {
  if (typeof token === 'string' && token.length <= 200) await endWorkerSession(sql, sha256(token))
}
