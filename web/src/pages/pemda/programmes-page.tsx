import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../app/auth-context'
import { Link } from '../../app/router'
import { api } from '../../lib/api'
import { formatCount, formatMonth, formatRupiah } from '../../lib/format'
import { useRegions } from '../../lib/use-regions'
import { QueryState } from '../../ui/query-state'
import { ScorecardCard } from './scorecard-card'
import type { PemdaCoverage, Programme } from './types'

function ProgrammeList() {
  const { t, i18n } = useTranslation()
  const regions = useRegions()
  const list = useQuery({ queryKey: ['pemda-programmes'], queryFn: ({ signal }) => api.get<{ items: Programme[] }>('/api/v1/pemda/programmes', signal) })
  return (
    <QueryState isLoading={list.isLoading} error={list.error}>
      {list.data?.items.length ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="programmes">
            <thead><tr><th>{t('pemda.programme')}</th><th>{t('participant.regency')}</th><th>{t('pemda.period')}</th><th className="num">{t('pemda.quota')}</th><th className="num">{t('pemda.budget')}</th></tr></thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id}>
                  <td><Link to={`/program-pemda/${p.id}`}>{p.name}</Link></td>
                  <td>{regions.nameOf(p.regionCode)}</td>
                  <td>{formatMonth(p.startMonth, i18n.language)} – {formatMonth(p.endMonth, i18n.language)}</td>
                  <td className="num">{formatCount(p.groups.reduce((s, g) => s + g.quota, 0), i18n.language)}</td>
                  <td className="num">{formatRupiah(p.budgetIdr)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('pemda.none')}</p>
      )}
    </QueryState>
  )
}

/** `/program-pemda` (office): every pemda programme in the caller's area. */
export function ProgrammesPage() {
  const { t } = useTranslation()
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('menu.pemdaProgrammes')}</h1>
        <p className="lead">{t('pemda.intro')}</p>
      </header>
      <section className="card"><ProgrammeList /></section>
    </div>
  )
}

/** `/pemda`: the pemda user's portal — their programmes, their region's coverage (no personal data) and scorecard. */
export function PemdaPortalPage() {
  const { t, i18n } = useTranslation()
  const { state } = useAuth()
  const regions = useRegions()
  const region = state.status === 'signed-in' ? (state.user.regionCodes[0] ?? null) : null
  const coverage = useQuery({ queryKey: ['pemda-coverage', region], enabled: region !== null, queryFn: ({ signal }) => api.get<PemdaCoverage>(`/api/v1/pemda/coverage/${region}`, signal) })
  const year = Number(new Date().getFullYear())
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{t('roles.pemda')}</p>
        <h1>{t('menu.pemdaHome')}</h1>
        {region && <p className="lead">{regions.nameOf(region)}</p>}
      </header>
      <section className="card" aria-labelledby="my-programmes">
        <h2 id="my-programmes" className="section-title">{t('pemda.myProgrammes')}</h2>
        <ProgrammeList />
      </section>
      {region && (
        <section className="card" aria-labelledby="my-coverage">
          <h2 id="my-coverage" className="section-title">{t('pemda.coverageTitle')}</h2>
          <QueryState isLoading={coverage.isLoading} error={coverage.error}>
            {coverage.data && (
              <>
                <p className="lead" data-testid="pemda-terlindungi">{t('pemda.terlindungi', { people: formatCount(coverage.data.terlindungi, i18n.language) })}</p>
                <div className="table-wrap">
                  <table className="data-table compact">
                    <thead><tr><th>{t('pemda.category')}</th><th className="num">{t('status.aktif')}</th><th className="num">{t('status.menunggak')}</th><th className="num">{t('status.nonaktif')}</th><th className="num">{t('status.terdaftar')}</th></tr></thead>
                    <tbody>
                      {coverage.data.byCategory.map((c) => (
                        <tr key={c.category}>
                          <td>{t(`category.${c.category}`, { defaultValue: c.category })}</td>
                          <td className="num">{formatCount(c.aktif, i18n.language)}</td>
                          <td className="num">{formatCount(c.menunggak, i18n.language)}</td>
                          <td className="num">{formatCount(c.nonaktif, i18n.language)}</td>
                          <td className="num">{formatCount(c.terdaftar, i18n.language)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </QueryState>
        </section>
      )}
      {region && <ScorecardCard regionCode={region} year={year} />}
    </div>
  )
}
