import { describe, expect, it } from 'vitest'
import { loadRegulationSet } from '../../programmes/index.js'
import { protectionNote } from './protection-note.js'
import { formatInstantId, formatMonthId, receiptProgrammes, receiptZoneOf } from './receipt-document.js'
import { renderReceiptPdf } from './receipt-pdf.js'
import { pdfText, receiptFixture } from './receipt-fixture.test-support.js'

describe('the printable bukti bayar', () => {
  it('is a one-page A5 PDF in Bahasa Indonesia with rupiah as Rp16.800, dates as dd/mm/yyyy and the local zone', async () => {
    const pdf = await renderReceiptPdf(receiptFixture(), { compress: false })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1)
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 419\.5\d* 595\.2\d*\]/)
    const text = pdfText(pdf)
    for (const shown of ['BUKTI BAYAR IURAN', 'BB-2025-000123', '14/03/2025', '14/03/2025 10.05 WITA', 'Yohanes Benu', '25000012345', '5371********0003', 'Maret 2025', 'Rp16.800', 'Rp51.400', 'Agen Perisai Oebobo', 'Rp42.000.000']) {
      expect(text).toContain(shown)
    }
  })

  it('prints Papua receipts in WIT and a name masked when the policy masks it', async () => {
    const pdf = await renderReceiptPdf(receiptFixture({ zone: 'WIT', participant: { kpj: '25000012345', nikMasked: '9471********0001', name: 'Y****** B***', regencyCode: '94.71', regencyName: null } }), { compress: false })
    const text = pdfText(pdf)
    expect(text).toContain('14/03/2025 11.05 WIT')
    expect(text).toContain('Y****** B***')
  })

  it('compresses by default', async () => {
    const pdf = await renderReceiptPdf(receiptFixture())
    expect(pdf.toString('latin1')).toContain('/FlateDecode')
  })
})

describe('receipt helpers', () => {
  it('knows the zone, the month names and the programme columns', () => {
    expect(receiptZoneOf('51.71')).toBe('WITA')
    expect(receiptZoneOf('53.71')).toBe('WITA')
    expect(receiptZoneOf('94.71')).toBe('WIT')
    expect(formatInstantId(new Date('2025-12-31T16:30:00Z'), 'WITA')).toBe('01/01/2026 00.30 WITA')
    expect(formatMonthId('2026-09')).toBe('September 2026')
    expect(receiptProgrammes([{ month: '2025-01', lines: [{ programme: 'JHT', amountIdr: 1 }, { programme: 'JKK', amountIdr: 1 }] }])).toEqual(['JKK', 'JHT'])
  })

  it('takes the protection figures from the benefit data in force on the date', () => {
    const regs = loadRegulationSet()
    expect(protectionNote(regs, '2025-03-14', ['JKK', 'JKM']).join(' ')).toContain('Rp42.000.000')
    expect(protectionNote(regs, '2018-03-14', ['JKK', 'JKM']).join(' ')).toContain('Rp24.000.000')
    expect(protectionNote(regs, '2025-03-14', [])).toEqual([])
  })
})
