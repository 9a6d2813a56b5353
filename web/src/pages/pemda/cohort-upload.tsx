import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, queryString } from '../../lib/api'
import { errorText } from '../../lib/error-text'
import { formatCount } from '../../lib/format'
import type { CohortUploadResult, ProgrammeDetail } from './types'

/** The programme page's upload: an OPD's list (CSV/XLSX in the import template's columns) into one group, then what was admitted and why rows were not. */
export function CohortUpload({ programme }: { programme: ProgrammeDetail }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [group, setGroup] = useState(programme.groups[0]?.code ?? '')
  const [from, setFrom] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      const form = new FormData()
      form.append('file', chosen, chosen.name)
      const path = `/api/v1/pemda/programmes/${encodeURIComponent(programme.id)}/cohorts/${encodeURIComponent(group)}${queryString({ from: from || undefined })}`
      return api.upload<CohortUploadResult>(path, form)
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pemda-programme', programme.id] }),
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (file && group) upload.mutate(file)
  }
  const n = (v: number) => formatCount(v, i18n.language)
  const result = upload.data
  return (
    <section className="card" aria-labelledby="cohort-upload-title">
      <h2 id="cohort-upload-title" className="section-title">{t('pemda.upload.title')}</h2>
      <p className="muted small">{t('pemda.upload.intro')}</p>
      <form onSubmit={onSubmit} className="toolbar">
        <div className="field">
          <label htmlFor="cohort-group">{t('pemda.group')}</label>
          <select id="cohort-group" value={group} onChange={(e) => setGroup(e.target.value)}>
            {programme.groups.map((g) => <option key={g.code} value={g.code}>{g.code}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cohort-from">{t('pemda.upload.from')}</label>
          <input id="cohort-from" type="month" value={from} min={programme.startMonth} max={programme.endMonth} onChange={(e) => setFrom(e.target.value)} aria-describedby="cohort-from-hint" />
          <span id="cohort-from-hint" className="field-hint">{t('pemda.upload.fromHint')}</span>
        </div>
        <div className="field">
          <label htmlFor="cohort-file">{t('imports.file')}</label>
          <input id="cohort-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby="cohort-file-hint" />
          <span id="cohort-file-hint" className="field-hint">
            {t('imports.fileHint')} <a href="/api/v1/imports/templates/participants.xlsx" download>{t('imports.templateXlsx')}</a>
          </span>
        </div>
        <button type="submit" className="button button-primary" disabled={!file || !group || upload.isPending}>
          {upload.isPending ? t('imports.uploading') : t('pemda.upload.submit')}
        </button>
      </form>
      {upload.isPending && <p className="muted" role="status">{t('pemda.upload.working')}</p>}
      {upload.error && <p className="alert alert-error" role="alert">{errorText(upload.error, t)}</p>}
      {result && (
        <div data-testid="cohort-result" aria-live="polite">
          <dl className="facts">
            <div><dt>{t('pemda.upload.read')}</dt><dd>{n(result.read)}</dd></div>
            <div><dt>{t('pemda.upload.admitted')}</dt><dd>{n(result.cohort.admitted)}</dd></div>
            <div><dt>{t('pemda.upload.alreadyMember')}</dt><dd>{n(result.cohort.alreadyMember)}</dd></div>
            <div><dt>{t('pemda.upload.alreadySponsored')}</dt><dd>{n(result.cohort.alreadySponsored)}</dd></div>
            <div><dt>{t('pemda.upload.quotaExceeded')}</dt><dd>{n(result.cohort.quotaExceeded)}</dd></div>
            <div><dt>{t('pemda.upload.rejected')}</dt><dd>{n(result.rejected)}</dd></div>
          </dl>
          {result.errors.length + result.warnings.length > 0 && (
            <div className="table-wrap">
              <table className="data-table compact" data-testid="cohort-errors">
                <thead><tr><th className="num">{t('pemda.upload.row')}</th><th>{t('pemda.upload.field')}</th><th>{t('pemda.upload.reason')}</th></tr></thead>
                <tbody>
                  {[...result.errors, ...result.warnings].map((issue, i) => (
                    <tr key={`${issue.row}-${issue.field}-${i}`}>
                      <td className="num">{issue.row}</td>
                      <td className="mono">{issue.field}</td>
                      <td>{issue.message} <span className="muted small">({issue.code})</span></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  )
}
