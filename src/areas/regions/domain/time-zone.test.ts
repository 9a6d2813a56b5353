import { expect, it } from 'vitest'
import { IANA_TIME_ZONE, timeZoneOf } from './time-zone.js'

it('puts Bali, NTB and NTT in WITA and the six Papua provinces in WIT', () => {
  for (const code of ['51', '51.71', '5201', '53.10.01']) expect(timeZoneOf(code)).toBe('WITA')
  for (const code of ['91', '92.02', '9301', '94.04', '95', '96.71']) expect(timeZoneOf(code)).toBe('WIT')
})

it('knows the rest of Indonesia too (an NIK or an address may come from anywhere)', () => {
  expect(timeZoneOf('31.71')).toBe('WIB')
  expect(timeZoneOf('62')).toBe('WIB')
  expect(timeZoneOf('64.72')).toBe('WITA')
  expect(timeZoneOf('82')).toBe('WIT')
  expect(IANA_TIME_ZONE[timeZoneOf('94.01')]).toBe('Asia/Jayapura')
})

it('refuses a province that does not exist, naming the input', () => {
  expect(() => timeZoneOf('99.01')).toThrow(/99.*"99.01"/)
})
