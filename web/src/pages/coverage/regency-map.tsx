import map from 'virtual:banuspa-map'
import { useTranslation } from 'react-i18next'
import { classBreaks, classOf, legendPercent, shareOf } from './coverage-math'
import type { CoverageRow } from './types'

/** Light to dark green: coverage from lowest to highest class; grey where the denominator is missing. */
export const MAP_COLOURS = ['#e6f4ec', '#b7e0c8', '#7cc39d', '#3c9a6c', '#0b6e4f'] as const
const NO_DATA = '#d5dbe1'

export interface RegencyMapProps {
  rows: readonly CoverageRow[]
  /** a province (`51`) or regency (`51.03`) to bring forward; others fade */
  selected: string | null
  onSelect: (code: string) => void
}

/** The 83 regencies coloured by coverage (quantile classes of terlindungi ÷ workforce), province outlines on top. */
export default function RegencyMap({ rows, selected, onSelect }: RegencyMapProps) {
  const { t, i18n } = useTranslation()
  const byCode = new Map(rows.map((r) => [r.code, r]))
  const breaks = classBreaks(rows.map(shareOf))
  const province = selected?.slice(0, 2) ?? null
  const legend = breaks.map((from, i) => ({ from, to: breaks[i + 1] ?? null }))
  return (
    <figure className="map-figure">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} className="regency-map" role="img" aria-label={t('dashboard.mapLabel')} data-testid="regency-map">
        {map.regencies.map((shape) => {
          const row = byCode.get(shape.code)
          const share = row ? shareOf(row) : null
          const k = classOf(share, breaks)
          const faded = province !== null && shape.parentCode !== province
          const chosen = selected === shape.code
          return (
            <path
              key={shape.code}
              d={shape.d}
              fill={k === null ? NO_DATA : MAP_COLOURS[Math.min(k, MAP_COLOURS.length - 1)]}
              className={`regency${faded ? ' faded' : ''}${chosen ? ' chosen' : ''}`}
              data-code={shape.code}
              data-class={k ?? 'none'}
              onClick={() => onSelect(shape.code)}
            >
              <title>{`${shape.name}: ${share === null ? t('dashboard.noDenominator') : legendPercent(share, i18n.language)}${row?.workforce.status === 'derived' ? ' *' : ''}`}</title>
            </path>
          )
        })}
        {map.provinces.map((p) => (
          <path key={p.code} d={p.d} className="province-outline" />
        ))}
      </svg>
      <figcaption className="map-legend">
        <span>{t('dashboard.legend')}</span>
        <span className="legend-item">
          <span className="legend-swatch" style={{ background: MAP_COLOURS[0] }} />
          0%
        </span>
        {legend.map(({ from, to }, i) => (
          <span key={from} className="legend-item">
            <span className="legend-swatch" style={{ background: MAP_COLOURS[Math.min(i + 1, MAP_COLOURS.length - 1)] }} />
            {to === null ? `≥ ${legendPercent(from, i18n.language)}` : `${legendPercent(from, i18n.language)} – ${legendPercent(to, i18n.language)}`}
          </span>
        ))}
        <span className="legend-item">
          <span className="legend-swatch" style={{ background: NO_DATA }} />
          {t('dashboard.noDenominator')}
        </span>
      </figcaption>
      <p className="muted small">{t('dashboard.mapCredit')}</p>
    </figure>
  )
}
