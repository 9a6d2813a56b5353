import { useInfiniteQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { parseDateInput } from '../../../../src/areas/participants/domain/birth-dates'
import type { auditListResponse } from '../../../../src/areas/access/http/schemas'
import { api, queryString } from '../../lib/api'
import { formatInstant } from '../../lib/format'
import { MoreButton } from '../../ui/more-button'
import { QueryState } from '../../ui/query-state'

type AuditList = z.infer<typeof auditListResponse>
interface Filter {
  action: string
  subjectType: string
  subjectId: string
  from: string
  to: string
}
const EMPTY: Filter = { action: '', subjectType: '', subjectId: '', from: '', to: '' }

/** The server's filter: dates typed dd/mm/yyyy become YYYY-MM-DD (a WITA day); `to` is inclusive here, exclusive there. */
function queryOf(f: Filter): Record<string, string | undefined> {
  const from = parseDateInput(f.from)
  const to = parseDateInput(f.to)
  const dayAfter = to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : undefined
  return { action: f.action.trim() || undefined, subjectType: f.subjectType.trim() || undefined, subjectId: f.subjectId.trim() || undefined, from: from ?? undefined, to: dayAfter }
}

/** `/audit` (admin): every mutation and refused read, newest first, filtered by action, subject and day. */
export function AuditPage() {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<Filter>(EMPTY)
  const [filter, setFilter] = useState<Filter>(EMPTY)
  const events = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api.get<AuditList>(`/api/v1/audit-events${queryString({ ...queryOf(filter), limit: 50, cursor: pageParam })}`, signal),
    getNextPageParam: (last) => last.nextCursor,
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setFilter(draft)
  }
  const field = (k: keyof Filter, label: string, placeholder?: string) => (
    <div className="field">
      <label htmlFor={`audit-${k}`}>{label}</label>
      <input id={`audit-${k}`} value={draft[k]} placeholder={placeholder} onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))} />
    </div>
  )
  const items = events.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('menu.audit')}</h1>
        <p className="lead">{t('audit.intro')}</p>
      </header>
      <section className="card">
        <form className="inline-form" onSubmit={onSubmit}>
          {field('action', t('audit.action'), 'user.create')}
          {field('subjectType', t('audit.subjectType'), 'participant')}
          {field('subjectId', t('audit.subjectId'))}
          {field('from', t('audit.from'), 'dd/mm/yyyy')}
          {field('to', t('audit.to'), 'dd/mm/yyyy')}
          <button type="submit" className="button button-primary">
            {t('audit.filter')}
          </button>
        </form>
      </section>
      <section className="card" aria-live="polite">
        <QueryState isLoading={events.isLoading} error={events.error}>
          {items.length === 0 ? (
            <p className="muted">{t('audit.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table compact" data-testid="audit-events">
                <thead>
                  <tr>
                    <th>{t('audit.when')}</th>
                    <th>{t('audit.who')}</th>
                    <th>{t('audit.action')}</th>
                    <th>{t('audit.subject')}</th>
                    <th>{t('audit.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((e) => (
                    <tr key={e.id}>
                      <td>{formatInstant(e.occurredAt)}</td>
                      <td>
                        {e.actorRole ? t(`roles.${e.actorRole}`, { defaultValue: e.actorRole }) : t('audit.system')}
                        {e.actorId && <span className="line-citation mono">{e.actorId.slice(0, 8)}</span>}
                      </td>
                      <td className="mono">{e.action}</td>
                      <td>
                        {e.subjectType}
                        {e.subjectId && <span className="line-citation mono">{e.subjectId}</span>}
                      </td>
                      <td className="json-details">{Object.keys(e.details).length ? Object.entries(e.details).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' · ') : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <MoreButton query={events} />
        </QueryState>
      </section>
    </div>
  )
}
