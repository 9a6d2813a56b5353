import { useTranslation } from 'react-i18next'
import { formatCount, formatMonthShort } from '../../lib/format'

export interface TrendPoint {
  month: string
  terlindungi: number
  aktif: number
}

/** Terlindungi and aktif per month as two lines (SVG), the months along the bottom. */
export function TrendChart({ points }: { points: readonly TrendPoint[] }) {
  const { t, i18n } = useTranslation()
  const W = 420
  const H = 200
  const pad = { left: 44, right: 26, top: 10, bottom: 26 }
  const max = Math.max(1, ...points.map((p) => p.terlindungi))
  const x = (i: number) => pad.left + (points.length <= 1 ? 0 : (i * (W - pad.left - pad.right)) / (points.length - 1))
  const y = (v: number) => pad.top + (H - pad.top - pad.bottom) * (1 - v / max)
  const line = (key: 'terlindungi' | 'aktif') => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)} ${y(p[key]).toFixed(1)}`).join('')
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f))
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('dashboard.trendLabel')} data-testid="trend-chart">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={W - pad.right} y1={y(v)} y2={y(v)} className="grid-line" />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" className="axis-label">
              {formatCount(v, i18n.language)}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          (points.length - 1 - i) % 3 === 0 ? (
            <text key={p.month} x={x(i)} y={H - 8} textAnchor="middle" className="axis-label">
              {formatMonthShort(p.month)}
            </text>
          ) : null,
        )}
        <path d={line('terlindungi')} className="trend-line covered" />
        <path d={line('aktif')} className="trend-line active" />
        {points.map((p, i) => (
          <circle key={p.month} cx={x(i)} cy={y(p.terlindungi)} r={3} className="trend-dot">
            <title>{`${formatMonthShort(p.month)}: ${formatCount(p.terlindungi, i18n.language)} ${t('dashboard.terlindungi')}, ${formatCount(p.aktif, i18n.language)} ${t('dashboard.aktif')}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-item"><span className="legend-line covered" />{t('dashboard.terlindungi')}</span>
        <span className="legend-item"><span className="legend-line active" />{t('dashboard.aktif')}</span>
      </figcaption>
    </figure>
  )
}

/** One horizontal bar per group, longest first, with the count beside it. */
export function BreakdownBars({ items, label, testId }: { items: ReadonlyArray<{ group: string; terlindungi: number; registered: number }>; label: (group: string) => string; testId: string }) {
  const { t, i18n } = useTranslation()
  const max = Math.max(1, ...items.map((i) => i.registered))
  if (items.length === 0) return <p className="muted small">{t('dashboard.noRows')}</p>
  return (
    <ul className="bars" data-testid={testId}>
      {items.map((item) => (
        <li key={item.group}>
          <span className="bar-label">{label(item.group)}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar registered" style={{ width: `${(100 * item.registered) / max}%` }} />
            <span className="bar covered" style={{ width: `${(100 * item.terlindungi) / max}%` }} />
          </span>
          <span className="bar-value">
            {formatCount(item.terlindungi, i18n.language)} / {formatCount(item.registered, i18n.language)}
          </span>
        </li>
      ))}
    </ul>
  )
}
