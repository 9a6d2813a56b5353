import { describe, expect, it } from 'vitest'
import { readSearchTerm } from './search-query'

describe('the participant search box', () => {
  it('reads 16 digits as an NIK and 11 as a KPJ, spaces and dashes ignored', () => {
    expect(readSearchTerm('5171 0147 0890 0003')).toEqual({ nik: '5171014708900003' })
    expect(readSearchTerm('123-4567-8901')).toEqual({ kpj: '12345678901' })
  })

  it('reads letters as the start of a name', () => {
    expect(readSearchTerm(' I Made ')).toEqual({ name: 'I Made' })
  })

  it('refuses other digit counts and a single letter', () => {
    expect(readSearchTerm('12345')).toEqual({ invalid: 'digits' })
    expect(readSearchTerm('a')).toEqual({ invalid: 'too-short' })
  })
})
