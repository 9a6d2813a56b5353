import { describe, expect, it } from 'vitest'
import { maskName, maskNik, maskNikLike, maskPhone } from './mask.js'

describe('maskNik', () => {
  it('keeps the first 4 and last 4 digits of a 16-digit NIK', () => {
    expect(maskNik('5171044201900001')).toBe('5171********0001')
  })
  it('keeps only the last 4 characters of anything else', () => {
    expect(maskNik('12345678')).toBe('****5678')
    expect(maskNik('123')).toBe('***')
  })
})

describe('maskNikLike', () => {
  it('masks every 16-digit run inside a text', () => {
    expect(maskNikLike('/api/v1/participants/5171044201900001?nik=9171010101010002')).toBe(
      '/api/v1/participants/5171********0001?nik=9171********0002',
    )
  })
  it('leaves shorter and longer digit runs alone', () => {
    expect(maskNikLike('kpj 12345678901 ts 1735689600000 long 12345678901234567')).toBe(
      'kpj 12345678901 ts 1735689600000 long 12345678901234567',
    )
  })
  it('leaves the fraction digits of a float alone but still masks a NIK after a sentence full stop', () => {
    expect(maskNikLike('"responseTime":4.9821123456781425')).toBe('"responseTime":4.9821123456781425')
    expect(maskNikLike('NIK.5171044201900001')).toBe('NIK.5171********0001')
  })
})

describe('maskPhone', () => {
  it('keeps the first 4 and the last 3 digits', () => {
    expect(maskPhone('0812-3456-7890')).toBe('0812*****890')
    expect(maskPhone('+6281234567890')).toBe('+628*******890')
  })
  it('masks a very short number whole', () => {
    expect(maskPhone('12345')).toBe('*****')
  })
})

describe('maskName', () => {
  it('keeps the initial of each word', () => {
    expect(maskName('Ni Made  Wirawati')).toBe('N* M*** W*******')
  })
  it('handles an empty name', () => {
    expect(maskName('  ')).toBe('')
  })
})
