import { describe, expect, it } from 'vitest'
import { assertAuditDetails } from './audit-details.js'

describe('assertAuditDetails: ids and counts only', () => {
  it('accepts ids, counts, flags, short codes and small nested count maps', () => {
    expect(() =>
      assertAuditDetails({
        userId: '0190a6f2-7c1e-7abc-8def-0123456789ab',
        rowCount: 1200,
        rejected: 3,
        dryRun: false,
        reason: 'bad_password',
        regionCodes: ['51.71', '51.03'],
        counts: { ok: 5, rejected: 2 },
        branchCode: null,
      }),
    ).not.toThrow()
  })

  it.each(['nik', 'name', 'displayName', 'display_name', 'username', 'phone', 'phoneNumber', 'address', 'homeAddress', 'email', 'password', 'birthDate', 'kpj', 'motherName'])(
    'refuses the key %s',
    (key) => {
      expect(() => assertAuditDetails({ [key]: 'x' })).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('names personal data') }))
    },
  )

  it('refuses personal keys nested inside objects and arrays', () => {
    expect(() => assertAuditDetails({ counts: { nik: 1 } })).toThrow(/counts\.nik/)
    expect(() => assertAuditDetails({ worker: { fullName: 'x' } })).toThrow(/names personal data/)
  })

  it.each([
    ['a NIK in an innocent key', { ref: '5171044201900001' }],
    ['a phone number', { ref: '081234567890' }],
    ['free text such as a name', { note: 'Ni Made Wirawati' }],
    ['an API token', { ref: 'smt_abcdefghijklmnop' }],
    ['a long list instead of a count', { ids: Array.from({ length: 101 }, (_, i) => `id-${i}`) }],
    ['deep nesting', { a: { b: { c: 1 } } }],
    ['a non-finite number', { n: Number.NaN }],
  ])('refuses %s', (_label, details) => {
    expect(() => assertAuditDetails(details)).toThrow(expect.objectContaining({ code: 'invalid_input' }))
  })

  it('refuses details that are not an object', () => {
    expect(() => assertAuditDetails(['x'])).toThrow(/must be an object/)
    expect(() => assertAuditDetails(null)).toThrow(/must be an object/)
  })
})
