import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../app/auth-context'
import { Link } from '../../app/router'
import { api, queryString } from '../../lib/api'
import { formatDateId, formatMonthShort, formatRupiah } from '../../lib/format'
import { useRegions } from '../../lib/use-regions'
import { MoreButton } from '../../ui/more-button'
import { QueryState } from '../../ui/query-state'
import { StatusBadge } from '../../ui/status-badge'
import type { WorklistAnswer } from '../participants/types'

export const WORKLIST_KINDS = ['due-soon', 'arrears', 'lapsing', 'never-paid', 'lapsed'] as const
type Kind = (typeof WORKLIST_KINDS)[number]

/** The regencies a user may pick: their own (cabang, pemda, a scoped viewer), else every regency. */
function useRegencyChoices(): Array<{ code: string; name: string; group: string }> {
  const { state } = useAuth()
  const regions = useRegions()
  const own = state.status === 'signed-in' ? state.user.regionCodes : []
  return regions.provinces.flatMap((p) =>
    p.regencies.filter((r) => own.length === 0 || own.some((c) => r.code === c || r.code.startsWith(`${c}.`))).map((r) => ({ code: r.code, name: r.name, group: p.name })),
  )
}

/** `/daftar-kerja`: who to call or visit, per regency, as the server lists them; the whole list as XLSX. */
export function WorklistsPage() {
  const { t } = useTranslation()
  const regions = useRegions()
  const choices = useRegencyChoices()
  const [kind, setKind] = useState<Kind>('arrears')
  const [regency, setRegency] = useState('')
  const [days, setDays] = useState('7')
  const params = { regency: regency || undefined, days: kind === 'due-soon' ? days : undefined }
  const list = useInfiniteQuery({
    queryKey: ['worklist', kind, params],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api.get<WorklistAnswer>(`/api/v1/worklists/${kind}${queryString({ ...params, limit: 50, cursor: pageParam })}`, signal),
    getNextPageParam: (last) => last.nextCursor,
  })
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
  const asOf = list.data?.pages[0]?.asOf
  const exportUrl = `/api/v1/worklists/${kind}/export.xlsx${queryString(params)}`

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('menu.worklists')}</h1>
        <p className="lead">{t('worklists.intro')}</p>
      </header>
      <section className="card">
        <div className="tabs" role="tablist" aria-label={t('worklists.kind')}>
          {WORKLIST_KINDS.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={kind === k} aria-controls="worklist-panel" onClick={() => setKind(k)}>
              {t(`worklists.kinds.${k}`)}
            </button>
          ))}
        </div>
        <p className="muted small">{t(`worklists.explain.${kind}`)}</p>
        <div className="toolbar">
          <div className="field">
            <label htmlFor="wl-regency">{t('participant.regency')}</label>
            <select id="wl-regency" value={regency} onChange={(e) => setRegency(e.target.value)}>
              <option value="">{t('worklists.allRegencies')}</option>
              {choices.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name} ({r.group})
                </option>
              ))}
            </select>
          </div>
          {kind === 'due-soon' && (
            <div className="field">
              <label htmlFor="wl-days">{t('worklists.days')}</label>
              <select id="wl-days" value={days} onChange={(e) => setDays(e.target.value)}>
                {['3', '7', '14', '30'].map((d) => (
                  <option key={d} value={d}>
                    {t('worklists.daysValue', { count: Number(d) })}
                  </option>
                ))}
              </select>
            </div>
          )}
          <a className="button button-primary" href={exportUrl} download>
            {t('worklists.export')}
          </a>
        </div>
      </section>
      <section className="card" id="worklist-panel" role="tabpanel" aria-live="polite" aria-label={t(`worklists.kinds.${kind}`)}>
        {asOf && <p className="muted small">{t('worklists.asOf', { date: formatDateId(asOf) })}</p>}
        <QueryState isLoading={list.isLoading} error={list.error}>
          {items.length === 0 ? (
            <p className="muted">{t('worklists.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-testid="worklist">
                <thead>
                  <tr>
                    <th>{t('participant.name')}</th>
                    <th>KPJ</th>
                    <th>{t('participant.phone')}</th>
                    <th>{t('participant.regency')}</th>
                    <th>{t('participants.status')}</th>
                    <th>{t('participant.paidThrough')}</th>
                    <th className="num">{t('worklists.toPay')}</th>
                    <th>{t('worklists.deadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((w) => (
                    <tr key={w.participantId}>
                      <td>
                        <Link to={`/registri/${w.participantId}`}>{w.name}</Link>
                      </td>
                      <td className="mono">{w.kpj}</td>
                      <td className="mono">{w.phone ? <a href={`tel:${w.phone}`}>{w.phone}</a> : '—'}</td>
                      <td>{regions.nameOf(w.regencyCode)}</td>
                      <td>
                        <StatusBadge status={w.status} />
                        {w.monthsInArrears > 0 && <span className="muted small"> {t('worklists.months', { count: w.monthsInArrears })}</span>}
                      </td>
                      <td>{w.paidThrough ? formatMonthShort(w.paidThrough) : '—'}</td>
                      <td className="num">{w.amountToPayNowIdr === null ? '—' : formatRupiah(w.amountToPayNowIdr)}</td>
                      <td>{w.nextDeadline ? formatDateId(w.nextDeadline) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <MoreButton query={list} />
          <p className="muted small">{t('worklists.count', { count: items.length, more: list.hasNextPage ? '+' : '' })}</p>
        </QueryState>
      </section>
    </div>
  )
}
