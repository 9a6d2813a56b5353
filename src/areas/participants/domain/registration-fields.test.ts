import { describe, expect, it } from 'vitest'
import { parseDateInput, ageOn } from './birth-dates.js'
import { parseNpp, parseRupiah, parseSex, regencyCodeOf } from './registration-fields.js'

describe('parseDateInput: YYYY-MM-DD or DD/MM/YYYY', () => {
  it.each([
    ['1990-05-12', '1990-05-12'],
    ['12/05/1990', '1990-05-12'],
    [' 1/5/1990 ', '1990-05-01'],
    ['12-05-1990', '1990-05-12'],
    ['12.05.1990', '1990-05-12'],
    ['1990-5-1', '1990-05-01'],
    ['29/02/2000', '2000-02-29'],
    ['29/02/1900', null],
    ['31/04/1990', null],
    ['1990-13-01', null],
    ['05/12/90', null],
    ['kemarin', null],
  ])('%j → %s', (input, date) => {
    expect(parseDateInput(input)).toBe(date)
  })

  it('ageOn counts completed years', () => {
    expect(ageOn('1961-03-02', '2026-03-01')).toBe(64)
    expect(ageOn('1961-03-01', '2026-03-01')).toBe(65)
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25)
  })
})

describe('small field parsers', () => {
  it.each([
    ['L', 'L'], ['p', 'P'], ['Laki-laki', 'L'], ['PEREMPUAN', 'P'], ['wanita', 'P'],
  ])('parseSex(%j) = %s', (input, sex) => {
    expect(parseSex(input).ok).toBe(sex)
  })

  it('parseSex refuses anything else on jenis_kelamin', () => {
    expect(parseSex('X').error).toMatchObject({ field: 'jenis_kelamin', code: 'invalid_input' })
  })

  it.each([
    ['51.71', '51.71'], ['5171', '51.71'], [' 9301 ', '93.01'], ['51', undefined], ['51.7.1', undefined], ['51717', undefined],
  ])('regencyCodeOf(%j) = %s', (input, code) => {
    expect(regencyCodeOf(input)).toBe(code)
  })

  it.each([
    ['1000000', 1_000_000], ['1.000.000', 1_000_000], ['Rp1.000.000', 1_000_000], ['Rp 1.500.000,00', 1_500_000],
    ['1,000,000', 1_000_000], ['1000000.00', 1_000_000], ['IDR 2.950.000', 2_950_000], ['1,5 juta', 1_500_000], ['2jt', 2_000_000],
  ])('parseRupiah(%j) = %i', (input, amount) => {
    expect(parseRupiah(input).ok).toBe(amount)
  })

  it.each([
    ['satu juta', 'invalid_input'], ['1000000,50', 'invalid_input'], ['-1000000', 'invalid_input'], ['99999999999999', 'out_of_range'],
  ])('parseRupiah(%j) is %s on penghasilan', (input, code) => {
    expect(parseRupiah(input).error).toMatchObject({ field: 'penghasilan', code })
  })

  it('parseNpp keeps letters and digits', () => {
    expect(parseNpp(' 1234-5678 ').ok).toBe('12345678')
    expect(parseNpp('NPP#1').error?.field).toBe('npp')
  })
})
