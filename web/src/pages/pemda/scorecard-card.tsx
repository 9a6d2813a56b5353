import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, queryString } from '../../lib/api'
import { formatCount, formatPercent, formatRupiah } from '../../lib/format'
import { QueryState } from '../../ui/query-state'
import type { Scorecard } from './types'

type Criterion = Scorecard['criteria'][number]

/** A criterion's value or target as a reader expects it: Rp50.000.000, 4,5%, 1.234 orang; text as it is. */
function formatFigure(value: Criterion['value'], unit: Criterion['unit'], language: string): string {
  if (value === null) return '—'
  if (typeof value === 'string') return value
  if (unit === 'idr') return formatRupiah(value)
  if (unit === 'pct') return formatPercent(value / 100, language, 2)
  return formatCount(value, language)
}

/** The Paritrana-style scorecard of a pemda: each criterion met or not, with its value, target and sources. */
export function ScorecardCard({ regionCode, year }: { regionCode: string; year: number }) {
  const { t, i18n } = useTranslation()
  const card = useQuery({ queryKey: ['scorecard', regionCode, year], queryFn: ({ signal }) => api.get<Scorecard>(`/api/v1/pemda/scorecards/${regionCode}${queryString({ year })}`, signal) })
  return (
    <section className="card" aria-labelledby="scorecard-title">
      <h2 id="scorecard-title" className="section-title">{t('pemda.scorecard', { year })}</h2>
      <QueryState isLoading={card.isLoading} error={card.error}>
        {card.data && (
          <>
            <p className="lead" data-testid="scorecard-score">{t('pemda.scorecardScore', { met: card.data.met, judged: card.data.judged })}</p>
            <ul className="criteria">
              {card.data.criteria.map((c) => (
                <li key={c.code}>
                  <span className={`criterion-mark ${c.met === true ? 'met' : c.met === false ? 'unmet' : ''}`} aria-label={c.met === null ? t('pemda.unjudged') : c.met ? t('pemda.met') : t('pemda.unmet')}>
                    {c.met === null ? '–' : c.met ? '✓' : '✗'}
                  </span>
                  <span>
                    {c.label}
                    {(c.value !== null || c.target !== null) && <span className="muted small"> ({formatFigure(c.value, c.unit, i18n.language)} / {t('pemda.target')} {formatFigure(c.target, c.unit, i18n.language)})</span>}
                    {c.sources.length > 0 && <span className="line-citation">{c.sources.join('; ')}</span>}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
    </section>
  )
}
