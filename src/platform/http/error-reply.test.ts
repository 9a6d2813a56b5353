import { describe, expect, it } from 'vitest'
import { DomainError } from '../../kernel/errors.js'
import { toErrorReply } from './error-reply.js'

describe('toErrorReply', () => {
  it('names the nested field of a validation issue', () => {
    const error = { validation: [{ instancePath: '/people/2/nik', message: 'Invalid string' }], validationContext: 'body' }
    expect(toErrorReply(error, 'r1')).toEqual({
      status: 400,
      serverFault: false,
      body: {
        error: {
          code: 'invalid_input',
          message: 'people.2.nik: Invalid string',
          field: 'people.2.nik',
          details: { location: 'body', issues: [{ field: 'people.2.nik', message: 'Invalid string' }] },
        },
        requestId: 'r1',
      },
    })
  })

  it('names the part when the whole part is wrong', () => {
    const error = { validation: [{ instancePath: '', message: 'Required' }], validationContext: 'querystring' }
    expect(toErrorReply(error, 'r1').body.error.field).toBe('querystring')
  })

  it('keeps the status of a framework 4xx error with a fixed message and its FST_ code', () => {
    const reply = toErrorReply({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'Request body is too large' }, 'r1')
    expect(reply.status).toBe(413)
    expect(reply.body.error).toEqual({ code: 'invalid_input', message: 'Permintaan tidak dapat dibaca.', details: { reason: 'FST_ERR_CTP_BODY_TOO_LARGE' } })
  })

  it('gives a DomainError without details no details key', () => {
    expect(toErrorReply(new DomainError('not_found', 'Peserta tidak ditemukan.'), 'r1').body).toEqual({
      error: { code: 'not_found', message: 'Peserta tidak ditemukan.' },
      requestId: 'r1',
    })
  })

  it('turns anything else into a bare 500 internal', () => {
    for (const thrown of [new TypeError('x is undefined'), 'a string', null, { statusCode: 502, message: 'upstream said no' }]) {
      const reply = toErrorReply(thrown, 'r1')
      expect(reply.status).toBe(500)
      expect(reply.serverFault).toBe(true)
      expect(reply.body.error.code).toBe('internal')
      expect(JSON.stringify(reply.body)).not.toMatch(/undefined|a string|upstream/)
    }
  })
})
