import type { Command } from 'commander'
import { DomainError, isDomainError } from '../../kernel/errors.js'
import { formatRupiah } from '../../kernel/money.js'
import { loadHolidayCalendar, loadRegulationSet, parseQuoteInput, quote, type Quote } from '../../areas/programmes/index.js'
import { action, output } from '../run-command.js'

const FLAG_OF: Record<string, string> = { pp72025: 'pp7-2025' }

/** `riskGroup` → `--risk-group`: domain errors name camelCase fields, the CLI names its flags. */
export function flagOf(field: string): string {
  return `--${FLAG_OF[field] ?? field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
}

/** Re-raises a DomainError with its field as the CLI flag, in the message too. */
export function withFlagNames<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (!isDomainError(error) || !error.field) throw error
    const flag = flagOf(error.field)
    const message = error.message.startsWith(error.field) ? `${flag}${error.message.slice(error.field.length)}` : `${flag}: ${error.message}`
    throw new DomainError(error.code, message, { ...error.details, field: flag })
  }
}

function quoteText(q: Quote): string {
  const rows = q.lines.map((l) => {
    const what = l.programme === 'denda' ? `denda (${String(l.finedProgramme)} ${String(l.finedPayer)})` : `${l.programme}${l.phase ? ` ${String(l.phase)}` : ''}`
    const rate = l.rateppm === null ? 'brackets' : `${l.rateppm} ppm`
    return `  ${what.padEnd(26)} ${l.payer.padEnd(9)} ${formatRupiah(l.baseIdr).padStart(16)} × ${rate.padEnd(12)} = ${formatRupiah(l.amountIdr).padStart(13)}  ${l.citation}`
  })
  const out = [`${q.segment.toUpperCase()} ${q.month}`, ...rows, `  ${'ditagih / billed'.padEnd(50)} ${formatRupiah(q.billedIdr).padStart(28)}`]
  for (const n of q.notBilled) out.push(`  not billed: ${n.programme} ${n.payer} ${formatRupiah(n.amountIdr)} (${n.kind}; ${n.citation})`)
  for (const [p, d] of Object.entries(q.dueDates)) out.push(`  jatuh tempo ${p}: ${d}`)
  for (const n of q.notes) out.push(`  note: ${n.message}`)
  return out.join('\n')
}

export function register(program: Command): void {
  program
    .command('quote')
    .description('Quote the contributions of one contribution month, line by line, with citations (regulations/*.yaml)')
    .option('--segment <segment>', 'pu | bpu | pmi | jakon | non_asn | pemilu')
    .option('--month <YYYY-MM>', 'contribution month (bulan iuran), from 2015-07')
    .option('--wage <idr>', 'pu, jakon: monthly wage (upah pokok + tunjangan tetap)')
    .option('--risk-group <1-5>', 'pu (and non_asn, pemilu): JKK risk group I–V')
    .option('--scale <scale>', 'pu: micro | small | medium | large (mandatory programmes)')
    .option('--paid-on <YYYY-MM-DD>', 'pu (bpu): payment date; adds late fines (denda) after the due date')
    .option('--pp7-2025', 'pu: apply PP 7/2025 JKK relief (labour-intensive industry, Feb 2025 – Jan 2026)')
    .option('--no-jkp', 'pu: the worker is not a JKP participant')
    .option('--income <idr>', 'bpu: declared monthly income')
    .option('--programmes <list>', 'bpu: jkk,jkm[,jht] (default jkk,jkm)')
    .option('--sector <sector>', 'bpu: transport | other (needed when PP 50/2025 depends on it)')
    .option('--payer <payer>', 'bpu: self | pemda | apbn | sponsor (default self)')
    .option('--contract-months <n>', 'pmi: 6 | 12 | 24')
    .option('--via <via>', 'pmi: placement | individual')
    .option('--extra-months <n>', 'pmi: months beyond the contract length')
    .option('--date <YYYY-MM-DD>', 'pmi: date of payment (default the 1st of the month)')
    .option('--contract-value <idr>', 'jakon: contract value excluding VAT (wages unknown)')
    .option('--honorarium <idr>', 'non_asn, pemilu: declared monthly honorarium')
    .option('--json', 'print JSON')
    .action(
      action((opts: Record<string, unknown>) => {
        const { json, jkp, ...fields } = opts
        const raw = { ...fields, ...(jkp === false ? { jkp: false } : {}) }
        const result = withFlagNames(() => quote(parseQuoteInput(raw), loadRegulationSet(), loadHolidayCalendar()))
        output(result, json === true, quoteText)
      }),
    )
}
