import { useInfiniteQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../app/auth-context'
import { Link } from '../../app/router'
import { mayOpen } from '../../app/routes'
import { api } from '../../lib/api'
import { formatDateId } from '../../lib/format'
import { useRegions } from '../../lib/use-regions'
import { MoreButton } from '../../ui/more-button'
import { QueryState } from '../../ui/query-state'
import { StatusBadge } from '../../ui/status-badge'
import { readSearchTerm, type SearchTerm } from './search-query'
import type { SearchAnswer } from './types'

const STATUSES = ['', 'terdaftar', 'aktif', 'menunggak', 'nonaktif', 'berhenti'] as const

/** The last search of this tab, kept in memory only (an NIK never goes into the address or storage). */
let lastSearch: { text: string; status: string } = { text: '', status: '' }

function searchBody(term: SearchTerm, status: string): Record<string, unknown> | null {
  if ('invalid' in term) return null
  return { ...term, ...(status ? { status } : {}), limit: 20 }
}

/** `/registri`: search by NIK, KPJ or the start of a name, inside the caller's area (the server scopes and masks). */
export function ParticipantsPage() {
  const { t } = useTranslation()
  const { state } = useAuth()
  const regions = useRegions()
  const [text, setText] = useState(lastSearch.text)
  const [status, setStatus] = useState(lastSearch.status)
  const [submitted, setSubmitted] = useState<{ body: Record<string, unknown> } | null>(() => {
    const body = lastSearch.text ? searchBody(readSearchTerm(lastSearch.text), lastSearch.status) : null
    return body ? { body } : null
  })
  const [invalid, setInvalid] = useState<string | null>(null)
  const role = state.status === 'signed-in' ? state.user.role : null

  const results = useInfiniteQuery({
    queryKey: ['participant-search', submitted?.body],
    enabled: submitted !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.post<SearchAnswer>('/api/v1/participants/search', { ...submitted?.body, ...(pageParam ? { cursor: pageParam } : {}) }),
    getNextPageParam: (last) => last.nextCursor,
  })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const term = readSearchTerm(text)
    if ('invalid' in term) {
      setInvalid(t(`participants.invalid.${term.invalid}`))
      return
    }
    setInvalid(null)
    lastSearch = { text, status }
    setSubmitted({ body: searchBody(term, status) ?? {} })
  }

  const items = results.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <div className="page">
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('menu.participants')}</h1>
          <p className="lead">{t('participants.intro')}</p>
        </div>
        {mayOpen('/registri/baru', role) && (
          <Link to="/registri/baru" className="button button-primary">
            {t('participants.register')}
          </Link>
        )}
      </header>
      <section className="card">
        <form className="search-form" onSubmit={onSubmit} role="search">
          <div className="field">
            <label htmlFor="search-text">{t('participants.searchLabel')}</label>
            <input id="search-text" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" aria-invalid={invalid ? true : undefined} aria-describedby="search-hint" />
            <span id="search-hint" className={invalid ? 'field-error' : 'field-hint'} role={invalid ? 'alert' : undefined}>
              {invalid ?? t('participants.searchHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="search-status">{t('participants.status')}</label>
            <select id="search-status" value={status} onChange={(e) => setStatus(e.target.value)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s ? t(`status.${s}`) : t('participants.anyStatus')}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-primary">
            {t('participants.search')}
          </button>
        </form>
      </section>
      {submitted && (
        <section className="card" aria-labelledby="results-title" aria-live="polite">
          <h2 id="results-title" className="section-title">
            {t('participants.results')}
          </h2>
          <QueryState isLoading={results.isLoading} error={results.error}>
            {items.length === 0 ? (
              <p className="muted">{t('participants.none')}</p>
            ) : (
              <div className="table-wrap">
                <table className="data-table" data-testid="search-results">
                  <thead>
                    <tr>
                      <th>{t('participant.name')}</th>
                      <th>KPJ</th>
                      <th>NIK</th>
                      <th>{t('participant.regency')}</th>
                      <th>{t('participants.status')}</th>
                      <th>{t('participant.registeredOn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((p) => (
                      <tr key={p.id}>
                        <td>
                          <Link to={`/registri/${p.id}`}>{p.name}</Link>
                        </td>
                        <td className="mono">{p.kpj}</td>
                        <td className="mono">{p.nik}</td>
                        <td>{regions.nameOf(p.regencyCode)}</td>
                        <td>
                          <StatusBadge status={p.status} />
                        </td>
                        <td>{formatDateId(p.registeredOn)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {results.data?.pages[0]?.items[0]?.personalDataMasked && <p className="muted small">{t('participants.masked')}</p>}
            <MoreButton query={results} />
          </QueryState>
        </section>
      )}
    </div>
  )
}
