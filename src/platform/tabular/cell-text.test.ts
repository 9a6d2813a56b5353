import { describe, expect, it } from 'vitest'
import { cellText } from './cell-text.js'

describe('cellText', () => {
  it('writes whole numbers without exponent, so a 16-digit NIK stored as a number stays 16 digits', () => {
    expect(cellText(5171011205900001)).toBe('5171011205900001')
    expect(cellText(1e15)).toBe('1000000000000000')
    expect(cellText(1500000)).toBe('1500000')
    expect(cellText(2.5)).toBe('2.5')
  })

  it('writes dates as YYYY-MM-DD and shows the text of rich text, formulas and hyperlinks', () => {
    expect(cellText(new Date(Date.UTC(1990, 4, 12)))).toBe('1990-05-12')
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab')
    expect(cellText({ formula: 'x', result: 7 })).toBe('7')
    expect(cellText({ text: 'link', hyperlink: 'http://x' })).toBe('link')
    expect(cellText({ error: '#N/A' })).toBe('')
    expect(cellText(null)).toBe('')
    expect(cellText(true)).toBe('TRUE')
  })
})
