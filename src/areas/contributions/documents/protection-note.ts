import type { LocalDate } from '../../../kernel/dates.js'
import { formatRupiah } from '../../../kernel/money.js'
import type { RegulationSet } from '../../programmes/index.js'

/**
 * The short note of protection on a receipt, in Bahasa Indonesia, with every figure read from the benefit data in
 * force on the payment date (regulations/benefits.yaml), so a new regulation changes the slip without a code change.
 */
export function protectionNote(regs: RegulationSet, date: LocalDate, programmes: readonly string[]): string[] {
  const b = regs.benefits
  const lines: string[] = []
  if (programmes.includes('JKK')) {
    const death = b.jkkDeath.require(date).value
    lines.push(`JKK: biaya perawatan kecelakaan kerja sesuai kebutuhan medis; santunan kematian akibat kerja ${death.wageMultiple} × penghasilan yang dilaporkan.`)
  }
  if (programmes.includes('JKM')) {
    const cash = b.jkmCash.require(date).value
    const totalIdr = cash.lumpSumIdr + cash.periodicIdr + cash.funeralIdr
    lines.push(
      `JKM: santunan kematian ${formatRupiah(totalIdr)} (sekaligus ${formatRupiah(cash.lumpSumIdr)}, berkala ${formatRupiah(cash.periodicIdr)}, ` +
        `biaya pemakaman ${formatRupiah(cash.funeralIdr)}); penuh bagi peserta BPU setelah ${b.bpuJkmMinConsecutiveMonths.require(date).value} bulan iuran berturut-turut.`,
    )
    const s = b.scholarship.require(date).value
    lines.push(`Beasiswa pendidikan untuk paling banyak ${s.maxChildren} anak bila masa iur JKM paling sedikit ${s.jkmMinContributionMonths} bulan.`)
  }
  if (lines.length > 0) {
    lines.push(`Tunggakan lebih dari ${b.arrearsWindowMonths.require(date).value} bulan berturut-turut menghentikan hak atas manfaat; bayar tepat waktu.`)
  }
  return lines
}
