import { describe, expect, it } from 'vitest'
import { EMPTY_REGISTER_FORM, registrationBodyOf } from './register-form-state'

const filled = {
  ...EMPTY_REGISTER_FORM, nik: '5171 0147 0890 0003', name: ' Ni Luh Putu ', birthDate: '07/08/1990', sex: 'P' as const, regencyCode: '51.71',
  sourceId: '0190a5f0-0000-7000-8000-000000000001', occupation: 'ojek', income: '1.500.000', consent: true,
}

describe('the registration form', () => {
  it('makes the API body of a BPU registration, the NIK without spaces and the income in rupiah', () => {
    const result = registrationBodyOf(filled)
    expect('body' in result && result.body).toMatchObject({
      nik: '5171014708900003', name: 'Ni Luh Putu', birthDate: '1990-08-07', category: 'bpu', declaredIncomeIdr: 1_500_000, programmes: ['JKK', 'JKM'], occupations: ['ojek'],
      consent: { given: true },
    })
  })

  it('names the first missing field, and refuses without consent', () => {
    expect(registrationBodyOf({ ...filled, name: '' })).toEqual({ missing: 'name' })
    expect(registrationBodyOf({ ...filled, consent: false })).toEqual({ missing: 'consent' })
    expect(registrationBodyOf({ ...filled, income: 'sejuta' })).toEqual({ missing: 'income' })
  })

  it('adds JHT when chosen', () => {
    const result = registrationBodyOf({ ...filled, jht: true })
    expect('body' in result && result.body.programmes).toEqual(['JKK', 'JKM', 'JHT'])
  })
})
