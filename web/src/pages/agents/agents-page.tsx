import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { performanceResponse } from '../../../../src/areas/agents/http/schemas'
import { api, queryString } from '../../lib/api'
import { currentMonthWita, formatCount, formatMonth, formatPercent, formatRupiah } from '../../lib/format'
import { useRegions } from '../../lib/use-regions'
import { QueryState } from '../../ui/query-state'

type Performance = z.infer<typeof performanceResponse>
type Row = Performance['rows'][number]

const share = (ppm: number | null, language: string) => (ppm === null ? '—' : formatPercent(ppm / 1_000_000, language))

/** Totals of a set of agents: retention and lapse are recomputed from the counts, never averaged. */
function totals(rows: readonly Row[]) {
  const sum = (pick: (r: Row) => number) => rows.reduce((t, r) => t + pick(r), 0)
  return { registrations: sum((r) => r.registrations), collections: sum((r) => r.collections), collectedIdr: sum((r) => r.collectedIdr), portfolio: sum((r) => r.portfolio), terlindungi: sum((r) => r.terlindungi), cashOnHandIdr: sum((r) => r.cashOnHandIdr) }
}

/** `/kinerja-agen`: Agen Perisai performance for the office (issue 10 item 5): registrations, collections, retention and lapse, by branch and regency. */
export function AgentsPage() {
  const { t, i18n } = useTranslation()
  const regions = useRegions()
  const [month, setMonth] = useState(() => currentMonthWita(new Date()))
  const [regency, setRegency] = useState('')
  const performance = useQuery({
    queryKey: ['agents-performance', month, regency],
    queryFn: ({ signal }) => api.get<Performance>(`/api/v1/agents/performance${queryString({ month, regency: regency || undefined })}`, signal),
  })
  const rows = performance.data?.rows ?? []
  const all = totals(rows)
  const n = (v: number) => formatCount(v, i18n.language)
  const regencies = regions.provinces.flatMap((p) => p.regencies)
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('agents.title')}</h1>
        <p className="lead">{t('agents.intro')}</p>
      </header>
      <section className="card">
        <div className="toolbar">
          <div className="field">
            <label htmlFor="agents-month">{t('agents.month')}</label>
            <input id="agents-month" type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="agents-regency">{t('agents.regency')}</label>
            <select id="agents-regency" value={regency} onChange={(e) => setRegency(e.target.value)}>
              <option value="">{t('agents.allRegencies')}</option>
              {regencies.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
            </select>
          </div>
        </div>
        <dl className="facts" data-testid="agents-totals">
          <div><dt>{t('agents.agents')}</dt><dd>{n(rows.length)} ({n(rows.filter((r) => r.status === 'aktif').length)} {t('agents.active')})</dd></div>
          <div><dt>{t('agents.registrations', { month: formatMonth(month, i18n.language) })}</dt><dd>{n(all.registrations)}</dd></div>
          <div><dt>{t('agents.collected')}</dt><dd>{formatRupiah(all.collectedIdr)}</dd></div>
          <div><dt>{t('agents.cashOnHand')}</dt><dd>{formatRupiah(all.cashOnHandIdr)}</dd></div>
        </dl>
      </section>
      <section className="card" aria-labelledby="agents-table-title">
        <h2 id="agents-table-title" className="section-title">{t('agents.tableTitle', { month: formatMonth(month, i18n.language) })}</h2>
        <QueryState isLoading={performance.isLoading} error={performance.error}>
          {rows.length ? (
            <div className="table-wrap">
              <table className="data-table compact" data-testid="agents-table">
                <thead>
                  <tr>
                    <th>{t('agents.agent')}</th><th>{t('agents.branch')}</th><th>{t('agents.regions')}</th><th>{t('agents.status')}</th>
                    <th className="num">{t('agents.registrationsShort')}</th><th className="num">{t('agents.collections')}</th><th className="num">{t('agents.collected')}</th>
                    <th className="num">{t('agents.portfolio')}</th><th className="num">{t('agents.retention')}</th><th className="num">{t('agents.lapseRate')}</th><th className="num">{t('agents.cashOnHand')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.agentId}>
                      <td><span className="mono">{r.code}</span> {r.name}{r.wadah ? <span className="muted small"> · {r.wadah}</span> : null}</td>
                      <td>{r.branchCode ?? '—'}</td>
                      <td>{r.regionCodes.map((c) => regions.nameOf(c)).join(', ')}</td>
                      <td>{t(`agents.statusValue.${r.status}`)}</td>
                      <td className="num">{n(r.registrations)}</td>
                      <td className="num">{n(r.collections)}</td>
                      <td className="num">{formatRupiah(r.collectedIdr)}</td>
                      <td className="num">{n(r.portfolio)}</td>
                      <td className="num">{share(r.retentionppm, i18n.language)}</td>
                      <td className="num">{share(r.lapseRateppm, i18n.language)}</td>
                      <td className="num">{formatRupiah(r.cashOnHandIdr)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t('agents.none')}</p>
          )}
        </QueryState>
        <p className="muted small">{t('agents.note')}</p>
      </section>
    </div>
  )
}
