import { useMutation, useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { importJobResponse, importQueuedResponse } from '../../../../src/areas/participants/http/imports-schemas'
import { useRouter } from '../../app/router'
import { api } from '../../lib/api'
import { errorText } from '../../lib/error-text'
import { formatCount, formatInstant, formatPercent } from '../../lib/format'
import { QueryState } from '../../ui/query-state'

type Job = z.infer<typeof importJobResponse>
type Queued = z.infer<typeof importQueuedResponse>
const POLL_MS = 500

function Progress({ job }: { job: Job }) {
  const { t, i18n } = useTranslation()
  const share = job.progress
  return (
    <div className="import-progress">
      <div
        className={share === null ? 'progress indeterminate' : 'progress'}
        role="progressbar"
        aria-label={t('imports.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(share === null ? {} : { 'aria-valuenow': Math.round(share * 100) })}
      >
        <span style={share === null ? undefined : { width: `${Math.round(share * 100)}%` }} />
      </div>
      <p className="muted small" data-testid="import-progress">
        {t(`imports.status.${job.status}`)} · {t('imports.rowsDone', { done: formatCount(job.rowsDone, i18n.language), total: job.totalRows === null ? '?' : formatCount(job.totalRows, i18n.language) })}
        {share !== null && ` · ${formatPercent(share, i18n.language, 0)}`}
      </p>
    </div>
  )
}

function Result({ job }: { job: Job }) {
  const { t, i18n } = useTranslation()
  const r = job.result
  if (!r) return null
  const n = (v: number) => formatCount(v, i18n.language)
  return (
    <>
      <dl className="facts" data-testid="import-result">
        <div>
          <dt>{t('imports.read')}</dt>
          <dd>{n(r.read)}</dd>
        </div>
        <div>
          <dt>{t('imports.stored')}</dt>
          <dd>{n(r.stored)}</dd>
        </div>
        <div>
          <dt>{t('imports.already')}</dt>
          <dd>{n(r.alreadyRegistered)}</dd>
        </div>
        <div>
          <dt>{t('imports.rejected')}</dt>
          <dd>{n(r.rejected)}</dd>
        </div>
      </dl>
      {r.rejected > 0 && (
        <>
          <div className="toolbar">
            <a className="button button-primary" href={`/api/v1/imports/${job.id}/errors.xlsx`} download>
              {t('imports.errorsXlsx')}
            </a>
            <a className="button button-quiet" href={`/api/v1/imports/${job.id}/errors.csv`} download>
              {t('imports.errorsCsv')}
            </a>
          </div>
          <IssueTable title={t('imports.errors')} issues={r.errors} testId="import-errors" />
        </>
      )}
      {r.warnings.length > 0 && <IssueTable title={t('imports.warnings')} issues={r.warnings} testId="import-warnings" />}
    </>
  )
}

function IssueTable({ title, issues, testId }: { title: string; issues: NonNullable<Job['result']>['errors']; testId: string }) {
  const { t } = useTranslation()
  return (
    <>
      <h3 className="subsection-title">{title}</h3>
      <div className="table-wrap">
        <table className="data-table compact" data-testid={testId}>
          <thead>
            <tr>
              <th className="num">{t('imports.row')}</th>
              <th>{t('imports.column')}</th>
              <th>{t('imports.message')}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, i) => (
              <tr key={`${issue.row}-${issue.field}-${i}`}>
                <td className="num">{issue.row}</td>
                <td className="mono">{issue.field}</td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

/** `/impor`: upload a CSV or XLSX in the template's columns; a progress bar while the server imports; bad rows after. */
export function ImportsPage() {
  const { t } = useTranslation()
  const { location, navigate } = useRouter()
  const jobId = new URLSearchParams(location.search).get('job')
  const [file, setFile] = useState<File | null>(null)
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      const form = new FormData()
      form.append('file', chosen, chosen.name)
      return api.upload<Queued>('/api/v1/imports/participants', form)
    },
    onSuccess: (queued) => navigate(`/impor?job=${queued.jobId}`, { replace: true }),
  })
  const job = useQuery({
    queryKey: ['import', jobId],
    enabled: jobId !== null,
    queryFn: ({ signal }) => api.get<Job>(`/api/v1/imports/${jobId}`, signal),
    refetchInterval: (query) => (query.state.data && (query.state.data.status === 'done' || query.state.data.status === 'failed') ? false : POLL_MS),
    staleTime: 0,
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (file) upload.mutate(file)
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('menu.imports')}</h1>
        <p className="lead">{t('imports.intro')}</p>
      </header>
      <section className="card" aria-labelledby="upload-title">
        <h2 id="upload-title" className="section-title">
          {t('imports.uploadTitle')}
        </h2>
        <form onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor="import-file">{t('imports.file')}</label>
            <input id="import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby="import-file-hint" />
            <span id="import-file-hint" className="field-hint">
              {t('imports.fileHint')}{' '}
              <a href="/api/v1/imports/templates/participants.xlsx" download>
                {t('imports.templateXlsx')}
              </a>{' '}
              ·{' '}
              <a href="/api/v1/imports/templates/participants.csv" download>
                {t('imports.templateCsv')}
              </a>
            </span>
          </div>
          <button type="submit" className="button button-primary" disabled={!file || upload.isPending}>
            {upload.isPending ? t('imports.uploading') : t('imports.upload')}
          </button>
          {upload.error && <p className="alert alert-error" role="alert">{errorText(upload.error, t)}</p>}
        </form>
      </section>
      {jobId && (
        <section className="card" aria-labelledby="job-title" aria-live="polite">
          <h2 id="job-title" className="section-title">
            {job.data ? t('imports.jobTitle', { name: job.data.fileName }) : t('imports.jobTitle', { name: '' })}
          </h2>
          <QueryState isLoading={job.isLoading} error={job.error}>
            {job.data && (
              <>
                <p className="muted small">{t('imports.started', { at: formatInstant(job.data.createdAt) })}{job.data.finishedAt && ` · ${t('imports.finished', { at: formatInstant(job.data.finishedAt) })}`}</p>
                <Progress job={job.data} />
                {job.data.status === 'failed' && <p className="alert alert-error" role="alert">{t('imports.failed')}</p>}
                <Result job={job.data} />
              </>
            )}
          </QueryState>
        </section>
      )}
    </div>
  )
}
