import { loadRegulationSet } from '../../programmes/index.js'
import { protectionNote } from './protection-note.js'
import type { ReceiptDocument } from './receipt-document.js'

/** A BPU in Kota Kupang paying three months of JKK + JKM (Rp16.800 a month) with Rp1.000 left as credit. */
export function receiptFixture(overrides: Partial<ReceiptDocument> = {}): ReceiptDocument {
  const months = ['2025-01', '2025-02', '2025-03'].map((month) => ({ month, lines: [{ programme: 'JKK', amountIdr: 10_000 }, { programme: 'JKM', amountIdr: 6_800 }] }))
  return {
    receiptNo: 'BB-2025-000123',
    paidOn: '2025-03-14',
    recordedAt: new Date('2025-03-14T02:05:00Z'),
    zone: 'WITA',
    participant: { kpj: '25000012345', nikMasked: '5371********0003', name: 'Yohanes Benu', regencyCode: '53.71', regencyName: 'Kota Kupang' },
    months,
    totalIdr: 51_400,
    creditAddedIdr: 1_000,
    creditIdr: 1_000,
    paidThrough: '2025-03',
    collector: { sourceName: 'Agen Perisai Oebobo', sourceKind: 'agent', recordedBy: 'agen.oebobo' },
    note: 'Dibayar tunai di pasar Oeba',
    protection: protectionNote(loadRegulationSet(), '2025-03-14', ['JKK', 'JKM']),
    ...overrides,
  }
}

/** The text of an uncompressed pdfkit document: its hex-encoded show-text strings, decoded and joined. */
export function pdfText(pdf: Buffer): string {
  const content = pdf.toString('latin1')
  const parts: string[] = []
  for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/gs)) {
    const words = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => Buffer.from(m[1] ?? '', 'hex').toString('latin1'))
    parts.push(words.join(''))
  }
  return parts.join('\n')
}
