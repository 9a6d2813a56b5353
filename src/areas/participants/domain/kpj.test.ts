import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSemestaKpj, issueKpj, luhnCheckDigit, parseKpj, paymentVirtualAccount } from './kpj.js'

describe('Semesta KPJ: 10-digit serial + Luhn check digit', () => {
  it('computes the Luhn digit of the textbook example 7992739871 → 3', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3)
  })

  it('issues 11 digits, zero-padded, that pass the check', () => {
    expect(issueKpj(1)).toBe('00000000018')
    expect(issueKpj(7_992_739_871)).toBe('79927398713')
    expect(isSemestaKpj(issueKpj(1))).toBe(true)
  })

  it('refuses serials that do not fit 10 digits', () => {
    expect(() => issueKpj(10_000_000_000)).toThrow(RangeError)
    expect(() => issueKpj(-1)).toThrow(RangeError)
    expect(() => issueKpj(1.5)).toThrow(RangeError)
  })

  it('detects every single-digit typing error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (serial, at, delta) => {
        const kpj = issueKpj(serial)
        const wrong = kpj.slice(0, at) + String((Number(kpj[at]) + delta) % 10) + kpj.slice(at + 1)
        expect(isSemestaKpj(wrong)).toBe(false)
      }),
    )
  })

  it('detects every swap of two adjacent different digits except 0↔9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 0, max: 9 }), (serial, at) => {
        const kpj = issueKpj(serial)
        const [a, b] = [kpj[at]!, kpj[at + 1]!]
        fc.pre(a !== b && !((a === '0' && b === '9') || (a === '9' && b === '0')))
        const swapped = kpj.slice(0, at) + b + a + kpj.slice(at + 2)
        expect(isSemestaKpj(swapped)).toBe(false)
      }),
    )
  })

  it('is false for anything that is not 11 digits', () => {
    expect(isSemestaKpj('0000000001')).toBe(false)
    expect(isSemestaKpj('0000000001a')).toBe(false)
  })
})

describe('parseKpj: KPJs as typed', () => {
  it('accepts separators and any 11 digits (KPJs brought from BPJS are not checked)', () => {
    expect(parseKpj(' 160 1234 5678 ').ok).toBe('16012345678')
    expect(parseKpj('160-1234-5678').ok).toBe('16012345678')
    expect(isSemestaKpj('16012345678')).toBe(false)
  })

  it.each([
    ['', 'missing_field'],
    ['1601234567', 'invalid_input'],
    ['160123456789', 'invalid_input'],
    ['KPJ16012345678', 'invalid_input'],
  ])('rejects %j with %s on field kpj', (input, code) => {
    expect(parseKpj(input).error).toMatchObject({ field: 'kpj', code })
  })
})

describe('payment virtual account (flagged [S1])', () => {
  it('is 88888 + the last 11 digits of the participant number', () => {
    expect(paymentVirtualAccount('16012345678')).toBe('8888816012345678')
    expect(paymentVirtualAccount('9916012345678')).toBe('8888816012345678')
  })

  it('needs 11 digits', () => {
    expect(() => paymentVirtualAccount('1234')).toThrow(RangeError)
  })
})
