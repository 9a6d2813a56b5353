import { useQueries, useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../app/auth-context'
import { useRouter } from '../../app/router'
import { api, queryString } from '../../lib/api'
import { currentMonthWita } from '../../lib/format'
import { QueryState } from '../../ui/query-state'
import { BreakdownBars, TrendChart } from './charts'
import { banuspaTotal, groupTotals, monthsEndingAt } from './coverage-math'
import { CoverageCard, RegionTable } from './coverage-cards'
import type { CoverageAnswer } from './types'

/** The map's chunk starts loading when the dashboard does, beside the coverage requests, not after them. */
let mapChunk: ReturnType<typeof loadMap> | null = null
const loadMap = () => import('./regency-map')
const RegencyMap = lazy(() => (mapChunk ??= loadMap()))
const TREND_MONTHS = 12

function fetchCoverage(params: { level: 'province' | 'regency'; month: string; by?: string }, signal?: AbortSignal) {
  return api.get<CoverageAnswer>(`/api/v1/coverage${queryString(params)}`, signal)
}

function useCoverage(level: 'province' | 'regency', month: string, by?: string, enabled = true) {
  return useQuery({ queryKey: ['coverage', level, month, by ?? ''], enabled, queryFn: ({ signal }) => fetchCoverage({ level, month, ...(by ? { by } : {}) }, signal) })
}

/** `?wilayah=51` (a province) or `?wilayah=51.03` (a regency): the drill-down lives in the address, so Back goes up. */
function useSelection(): [string | null, (code: string | null) => void] {
  const { location, navigate } = useRouter()
  const selected = new URLSearchParams(location.search).get('wilayah')
  return [selected && /^\d{2}(\.\d{2})?$/.test(selected) ? selected : null, (code) => navigate(code ? `/dasbor?wilayah=${code}` : '/dasbor')]
}

/** The kanwil/cabang dashboard: Banuspa and its provinces, the regency map, trends and breakdowns; click to drill down. */
export function DashboardPage() {
  const { t } = useTranslation()
  const { state } = useAuth()
  mapChunk ??= loadMap()
  const [month, setMonth] = useState(() => currentMonthWita(new Date()))
  const [selected, select] = useSelection()
  const provinces = useCoverage('province', month)
  const regencies = useCoverage('regency', month)
  const level = selected?.includes('.') ? 'regency' : 'province'
  // the cards and the map first; breakdowns and the 11 earlier months once they are drawn (one engine serves them all)
  const drawn = provinces.isSuccess && regencies.isSuccess
  const segments = useCoverage(level, month, 'segment', drawn)
  const sources = useCoverage(level, month, 'source', drawn)
  const trendMonths = monthsEndingAt(month, TREND_MONTHS)
  const trend = useQueries({ queries: trendMonths.map((m) => ({ queryKey: ['coverage', level, m, ''], enabled: drawn, queryFn: ({ signal }: { signal: AbortSignal }) => fetchCoverage({ level, month: m }, signal) })) })
  if (state.status !== 'signed-in') return null

  const provinceRows = provinces.data?.rows ?? []
  const regencyRows = regencies.data?.rows ?? []
  const provinceCode = selected?.slice(0, 2) ?? null
  const focus = selected === null ? banuspaTotal(provinceRows, t('dashboard.banuspa')) : (selected.includes('.') ? regencyRows : provinceRows).find((r) => r.code === selected)
  const codes = selected === null ? null : [selected]
  const trendPoints = trend.flatMap((q, i) => {
    const rows = q.data?.rows
    if (!rows) return []
    const chosen = codes ? rows.filter((r) => codes.includes(r.code)) : rows
    return [{ month: trendMonths[i] as string, terlindungi: chosen.reduce((n, r) => n + r.terlindungi, 0), aktif: chosen.reduce((n, r) => n + r.aktif, 0) }]
  })

  return (
    <div className="page dashboard">
      <header className="page-header page-header-actions">
        <div>
          <p className="eyebrow">{t(`roles.${state.user.role}`)}</p>
          <h1>{t('menu.dashboard')}</h1>
          <nav aria-label={t('dashboard.breadcrumb')} className="breadcrumb">
            <button type="button" className="link-button" onClick={() => select(null)}>
              {t('dashboard.banuspa')}
            </button>
            {provinceCode && (
              <>
                {' › '}
                <button type="button" className="link-button" onClick={() => select(provinceCode)}>
                  {provinceRows.find((r) => r.code === provinceCode)?.name ?? provinceCode}
                </button>
              </>
            )}
            {selected?.includes('.') && <> › <span aria-current="page">{focus?.name ?? selected}</span></>}
          </nav>
        </div>
        <div className="field month-field">
          <label htmlFor="dash-month">{t('dashboard.month')}</label>
          <input id="dash-month" type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
          {provinces.data && <span className="field-hint">{provinces.data.closed ? t('dashboard.closed') : t('dashboard.open')}</span>}
        </div>
      </header>
      <QueryState isLoading={provinces.isLoading} error={provinces.error}>
        {focus && <CoverageCard row={focus} headline month={month} />}
        <section className="card dashboard-map" aria-labelledby="map-title">
          <h2 id="map-title" className="section-title">{t('dashboard.mapTitle')}</h2>
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            {regencies.data && <RegencyMap rows={regencyRows} selected={selected} onSelect={select} />}
          </Suspense>
        </section>
        <div className="dashboard-grid">
          <section className="card" aria-labelledby="trend-title">
            <h2 id="trend-title" className="section-title">{t('dashboard.trendTitle', { name: focus?.name ?? '' })}</h2>
            <TrendChart points={trendPoints} />
          </section>
          <section className="card" aria-labelledby="breakdown-title">
            <h2 id="breakdown-title" className="section-title">{t('dashboard.breakdownTitle', { name: focus?.name ?? '' })}</h2>
            <h3 className="subsection-title">{t('dashboard.bySegment')}</h3>
            <BreakdownBars testId="by-segment" items={groupTotals(segments.data?.rows ?? [], codes)} label={(g) => t(`dashboard.segments.${g}`, { defaultValue: g.toUpperCase() })} />
            <h3 className="subsection-title">{t('dashboard.bySource')}</h3>
            <BreakdownBars testId="by-source" items={groupTotals(sources.data?.rows ?? [], codes)} label={(g) => t(`dashboard.sources.${g}`, { defaultValue: g })} />
          </section>
        </div>
        {selected === null && <RegionTable title={t('dashboard.provinces')} rows={provinceRows} onSelect={select} testId="province-table" />}
        {selected !== null && !selected.includes('.') && (
          <RegionTable title={t('dashboard.regenciesOf', { name: focus?.name ?? '' })} rows={regencyRows.filter((r) => r.parentCode === selected)} onSelect={select} testId="regency-table" />
        )}
        <p className="muted small">{t('dashboard.footnote')}</p>
      </QueryState>
    </div>
  )
}
