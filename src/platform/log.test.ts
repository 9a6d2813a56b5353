import { describe, expect, it } from 'vitest'
import { createLogger, REDACTED, redactDeep, redactUrl } from './log.js'

const NIK = '5171044201900001'

function capture() {
  const lines: string[] = []
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } })
  return { logger, text: () => lines.join('') }
}

describe('redactUrl', () => {
  it('masks a NIK in the path and replaces sensitive query values', () => {
    expect(redactUrl(`/api/v1/participants/${NIK}?nik=${NIK}&nama=Made+Wirawan&month=2025-01&q=Ketut`)).toBe(
      `/api/v1/participants/5171********0001?nik=${REDACTED}&nama=${REDACTED}&month=2025-01&q=${REDACTED}`,
    )
  })
  it('matches encoded and differently cased keys', () => {
    expect(redactUrl('/x?No_Hp=0812&full%4Eame=a')).toBe(`/x?No_Hp=${REDACTED}&full%4Eame=${REDACTED}`)
  })
  it('leaves a URL without personal data as it is', () => {
    expect(redactUrl('/api/v1/regions?level=province')).toBe('/api/v1/regions?level=province')
  })
})

describe('redactDeep', () => {
  it('replaces personal and secret keys at any depth without touching the input', () => {
    const input = { body: { people: [{ nik: NIK, fullName: 'Ni Luh', phoneNumber: '0812', regencyCode: '51.71' }] }, password: 'x' }
    const output = redactDeep(input) as typeof input
    expect(output.body.people[0]).toEqual({ nik: REDACTED, fullName: REDACTED, phoneNumber: REDACTED, regencyCode: '51.71' })
    expect(output.password).toBe(REDACTED)
    expect(input.body.people[0]?.nik).toBe(NIK)
  })
})

describe('SNAP channel fields (issue 6)', () => {
  it('redacts client secrets, tokens, signatures and the worker\'s numbers and name wherever a SNAP call logs them', () => {
    const { logger, text } = capture()
    logger.info({
      headers: { 'x-signature': 'c2lnbmF0dXJl', authorization: 'Bearer tok-123456789012' },
      partner: { clientSecret: 'the-client-secret', accessToken: 'tok-123456789012', privateKeyPem: '-----BEGIN PRIVATE KEY-----' },
      body: { customerNo: '51710112345', virtualAccountNo: '   1000151710112345', virtualAccountName: 'Ni Made Wirawati' },
    }, 'snap call')
    for (const secret of ['c2lnbmF0dXJl', 'tok-123456789012', 'the-client-secret', 'BEGIN PRIVATE', '51710112345', 'Wirawati']) expect(text()).not.toContain(secret)
  })
})

describe('createLogger', () => {
  it('never writes a NIK, a name or a secret, wherever they are in the log call', () => {
    const { logger, text } = capture()
    logger.info({ body: { participant: { nik: NIK, nama: 'Made Wirawan', alamat: 'Jl. Gatot Subroto' } } }, 'registered')
    logger.info({ headers: { authorization: 'Bearer secret-token', cookie: 'semesta_session=abc' } }, 'headers')
    logger.warn(`lookup failed for ${NIK}`)
    logger.error({ err: new Error(`NIK ${NIK} tidak valid`) }, 'failed')
    logger.info({ req: { method: 'GET', url: `/api/v1/participants/${NIK}?nik=${NIK}` } }, 'incoming')
    const out = text()
    expect(out).not.toContain(NIK)
    expect(out).not.toContain('Made Wirawan')
    expect(out).not.toContain('Gatot')
    expect(out).not.toContain('secret-token')
    expect(out).not.toContain('semesta_session=abc')
    expect(out).toContain('5171********0001')
    expect(out).toContain('tidak valid')
  })
})
