import { expect, it } from 'vitest'
import { parseCsvRows } from './csv-rows.js'

it('reads a header row, quoted fields with commas, doubled quotes and CRLF', () => {
  const text = 'code,name,note\r\n51,Bali,"a, b"\r\n52,"NTB ""Barat""",\r\n\r\n'
  expect(parseCsvRows(text)).toEqual([
    { code: '51', name: 'Bali', note: 'a, b' },
    { code: '52', name: 'NTB "Barat"', note: '' },
  ])
})

it('reads a last line without a newline', () => {
  expect(parseCsvRows('a,b\n1,2')).toEqual([{ a: '1', b: '2' }])
})
