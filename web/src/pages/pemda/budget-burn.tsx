import { useTranslation } from 'react-i18next'
import { formatMonthShort, formatRupiah } from '../../lib/format'
import { monthsEndingAt } from '../coverage/coverage-math'
import type { InvoiceItem } from './types'

/** Cumulative invoiced and paid per month of the programme against the budget line (SVG). */
export function BudgetBurnChart({ budgetIdr, startMonth, endMonth, invoices }: { budgetIdr: number; startMonth: string; endMonth: string; invoices: readonly InvoiceItem[] }) {
  const { t } = useTranslation()
  const [sy, sm] = startMonth.split('-').map(Number) as [number, number]
  const [ey, em] = endMonth.split('-').map(Number) as [number, number]
  const months = monthsEndingAt(endMonth, Math.max(1, (ey - sy) * 12 + (em - sm) + 1))
  let billed = 0
  let paid = 0
  const points = months.map((m) => {
    for (const inv of invoices) {
      if (inv.month !== m) continue
      billed += inv.amountIdr
      if (inv.paidOn) paid += inv.amountIdr
    }
    return { month: m, billed, paid }
  })
  const W = 420
  const H = 200
  const pad = { left: 64, right: 26, top: 10, bottom: 26 }
  const max = Math.max(1, budgetIdr, billed)
  const x = (i: number) => pad.left + (months.length <= 1 ? 0 : (i * (W - pad.left - pad.right)) / (months.length - 1))
  const y = (v: number) => pad.top + (H - pad.top - pad.bottom) * (1 - v / max)
  const line = (key: 'billed' | 'paid') => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)} ${y(p[key]).toFixed(1)}`).join('')
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('pemda.burnLabel')} data-testid="budget-burn">
        <line x1={pad.left} x2={W - pad.right} y1={y(budgetIdr)} y2={y(budgetIdr)} className="budget-line" />
        <text x={pad.left - 6} y={y(budgetIdr) + 4} textAnchor="end" className="axis-label">{formatRupiah(budgetIdr).replace(/\.\d{3}\.\d{3}$/, ' jt')}</text>
        <text x={pad.left - 6} y={y(0) + 4} textAnchor="end" className="axis-label">Rp0</text>
        {points.map((p, i) => ((points.length - 1 - i) % 3 === 0 ? <text key={p.month} x={x(i)} y={H - 8} textAnchor="middle" className="axis-label">{formatMonthShort(p.month)}</text> : null))}
        <path d={line('billed')} className="trend-line covered" />
        <path d={line('paid')} className="trend-line active" />
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-item"><span className="legend-line covered" />{t('pemda.billed')}</span>
        <span className="legend-item"><span className="legend-line active" />{t('pemda.paid')}</span>
        <span className="legend-item"><span className="legend-line budget" />{t('pemda.budget')}</span>
      </figcaption>
    </figure>
  )
}
