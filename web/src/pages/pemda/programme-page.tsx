import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from '../../app/router'
import { ApiError, api } from '../../lib/api'
import { formatCount, formatDateId, formatMonth, formatRupiah } from '../../lib/format'
import { useRegions } from '../../lib/use-regions'
import { QueryState } from '../../ui/query-state'
import { ForbiddenPage } from '../home/error-pages'
import { BudgetBurnChart } from './budget-burn'
import { CohortUpload } from './cohort-upload'
import { ScorecardCard } from './scorecard-card'
import type { InvoiceItem, LapsingList, ProgrammeDetail } from './types'

/** `/program-pemda/:id`: groups and quotas, the budget and its burn, invoices, members about to lapse, the scorecard. */
export function ProgrammePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const regions = useRegions()
  const programme = useQuery({ queryKey: ['pemda-programme', id], queryFn: ({ signal }) => api.get<ProgrammeDetail>(`/api/v1/pemda/programmes/${encodeURIComponent(id)}`, signal) })
  const invoices = useQuery({ queryKey: ['pemda-invoices', id], enabled: programme.isSuccess, queryFn: ({ signal }) => api.get<{ items: InvoiceItem[] }>(`/api/v1/pemda/programmes/${id}/invoices`, signal) })
  const lapsing = useQuery({ queryKey: ['pemda-lapsing', id], enabled: programme.isSuccess, queryFn: ({ signal }) => api.get<LapsingList>(`/api/v1/pemda/programmes/${id}/lapsing`, signal) })
  // another region's programme is refused by the server (404 outside the caller's area): the page says so plainly
  if (programme.error instanceof ApiError && (programme.error.status === 403 || programme.error.status === 404)) return <ForbiddenPage />
  const p = programme.data
  const n = (v: number) => formatCount(v, i18n.language)
  return (
    <div className="page">
      <p>
        <Link to="/program-pemda" className="action-link">← {t('pemda.back')}</Link>
      </p>
      <QueryState isLoading={programme.isLoading} error={programme.error}>
        {p && (
          <>
            <header className="page-header">
              <p className="eyebrow">{regions.nameOf(p.regionCode)} · {p.year}</p>
              <h1>{p.name}</h1>
              <p className="muted">{[p.opd, p.legalBasis].filter(Boolean).join(' · ')} · {formatMonth(p.startMonth, i18n.language)} – {formatMonth(p.endMonth, i18n.language)}</p>
            </header>
            <section className="card" aria-labelledby="budget-title">
              <h2 id="budget-title" className="section-title">{t('pemda.budgetTitle')}</h2>
              <dl className="facts" data-testid="budget">
                <div><dt>{t('pemda.budget')}</dt><dd>{formatRupiah(p.status.budgetIdr)}</dd></div>
                <div><dt>{t('pemda.billed')}</dt><dd>{formatRupiah(p.status.usedIdr)}</dd></div>
                <div><dt>{t('pemda.paid')}</dt><dd>{formatRupiah(p.status.paidIdr)}</dd></div>
                <div><dt>{t('pemda.committed')}</dt><dd>{formatRupiah(p.status.committedIdr)}</dd></div>
                <div><dt>{t('pemda.remaining')}</dt><dd>{formatRupiah(p.status.remainingIdr)}</dd></div>
                <div><dt>{t('pemda.runOut')}</dt><dd>{p.status.runOutMonth ? formatMonth(p.status.runOutMonth, i18n.language) : t('pemda.enough')}</dd></div>
                <div><dt>{t('pemda.capacity')}</dt><dd>{n(p.status.remainingCapacityWorkers)}</dd></div>
              </dl>
              <BudgetBurnChart budgetIdr={p.budgetIdr} startMonth={p.startMonth} endMonth={p.endMonth} invoices={invoices.data?.items ?? []} />
            </section>
            <section className="card" aria-labelledby="groups-title">
              <h2 id="groups-title" className="section-title">{t('pemda.groups')}</h2>
              <div className="table-wrap">
                <table className="data-table" data-testid="groups">
                  <thead><tr><th>{t('pemda.group')}</th><th>{t('pemda.category')}</th><th className="num">{t('pemda.members')}</th><th className="num">{t('pemda.quota')}</th><th className="num">{t('pemda.income')}</th></tr></thead>
                  <tbody>
                    {p.groups.map((g) => (
                      <tr key={g.code}>
                        <td>{g.code}</td>
                        <td>{t(`category.${g.category}`, { defaultValue: g.category })}</td>
                        <td className="num">{n(p.status.workers[g.code] ?? 0)}</td>
                        <td className="num">{n(g.quota)}</td>
                        <td className="num">{formatRupiah(g.incomeIdr)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <CohortUpload programme={p} />
            <section className="card" aria-labelledby="invoices-title">
              <h2 id="invoices-title" className="section-title">{t('pemda.invoices')}</h2>
              <QueryState isLoading={invoices.isLoading} error={invoices.error}>
                {invoices.data?.items.length ? (
                  <div className="table-wrap">
                    <table className="data-table compact" data-testid="invoices">
                      <thead><tr><th>{t('pemda.invoiceNo')}</th><th>{t('participant.month')}</th><th className="num">{t('pemda.members')}</th><th className="num">{t('participant.amount')}</th><th>{t('pemda.due')}</th><th>{t('pemda.paidOn')}</th><th /></tr></thead>
                      <tbody>
                        {invoices.data.items.map((inv) => (
                          <tr key={inv.invoiceId}>
                            <td className="mono">{inv.invoiceNo}{inv.revision > 1 ? ` (r${inv.revision})` : ''}</td>
                            <td>{formatMonth(inv.month, i18n.language)}</td>
                            <td className="num">{n(inv.workers)}</td>
                            <td className="num">{formatRupiah(inv.amountIdr)}</td>
                            <td>{formatDateId(inv.dueDate)}</td>
                            <td>{inv.paidOn ? formatDateId(inv.paidOn) : '—'}</td>
                            <td><a href={`/api/v1/pemda/invoices/${inv.invoiceId}/members.xlsx`} download>{t('pemda.membersXlsx')}</a></td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : (
                  <p className="muted">{t('pemda.noInvoices')}</p>
                )}
              </QueryState>
            </section>
            <section className="card" aria-labelledby="lapsing-title">
              <h2 id="lapsing-title" className="section-title">{t('pemda.lapsing', { count: lapsing.data?.items.length ?? 0 })}</h2>
              <p className="muted small">{t('pemda.lapsingNote')}</p>
            </section>
            <ScorecardCard regionCode={p.regionCode} year={p.year} />
          </>
        )}
      </QueryState>
    </div>
  )
}
