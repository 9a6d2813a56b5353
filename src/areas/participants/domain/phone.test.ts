import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile'
import { describe, expect, it } from 'vitest'
import { normalisePhone } from './phone.js'

describe('normalisePhone: Indonesian mobile numbers to E.164', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['+6281234567890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(0812) 3456 7890', '+6281234567890'],
    ['0857.3900.1234', '+6285739001234'],
    ['08123456789', '+628123456789'], // 11 digits (older Telkomsel numbers)
    ['0895 1234 5678', '+6289512345678'], // Tri
    ['081 338 123 456', '+6281338123456'], // a Kupang number written in threes
    ['+62 (0) 812 3456 7890', '+6281234567890'], // the national 0 after +62, left to the library
    ['0062 812 3456 7890', '+6281234567890'], // international prefix 00, left to the library
  ])('%j → %s', (input, e164) => {
    expect(normalisePhone(input)).toEqual({ ok: e164 })
  })

  it.each([
    ['0361 234567', 'seluler'], // Denpasar landline
    ['(0380) 821234', 'seluler'], // Kupang landline
    ['+65 9123 4567', 'Indonesia'], // a Singapore mobile
    ['0812', 'tidak valid'],
    ['08123456789012345', 'tidak valid'],
    ['0812-ABC-7890', 'tidak valid'],
    ['0800 1234 567', 'tidak valid'], // toll-free, not mobile
  ])('rejects %j with invalid_input on no_hp', (input, words) => {
    const result = normalisePhone(input)
    expect(result.error).toMatchObject({ field: 'no_hp', code: 'invalid_input' })
    expect(result.error?.message).toContain(words)
  })

  it('an empty value is missing_field (the caller decides whether the phone is required)', () => {
    expect(normalisePhone('  ').error?.code).toBe('missing_field')
  })

  it('agrees with a full libphonenumber parse on every operator prefix and length (the remembered verdicts)', () => {
    for (let prefix = 800; prefix <= 899; prefix++) {
      for (let length = 8; length <= 14; length++) {
        const nsn = String(prefix) + '1234567890123'.slice(0, length - 3)
        const parsed = parsePhoneNumberFromString(`+62${nsn}`)
        const expected = parsed !== undefined && parsed.isValid() && parsed.getType() === 'MOBILE'
        expect(normalisePhone(`0${nsn}`).ok !== undefined, `0${nsn}`).toBe(expected)
      }
    }
  })
})
