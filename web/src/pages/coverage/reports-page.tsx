import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { queryString } from '../../lib/api'
import { currentMonthWita, formatMonth } from '../../lib/format'

const FORMATS = [
  { format: 'xlsx', key: 'xlsx' },
  { format: 'pdf', key: 'pdf' },
  { format: 'csv', key: 'csv' },
] as const

/** `/laporan`: the coverage report of a month as XLSX (a sheet per province), PDF (a page per province) or CSV. */
export function ReportsPage() {
  const { t, i18n } = useTranslation()
  const [month, setMonth] = useState(() => currentMonthWita(new Date()))
  const [level, setLevel] = useState<'province' | 'regency'>('regency')
  const [by, setBy] = useState('')
  const query = queryString({ month, level, by: by || undefined })
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('menu.reports')}</h1>
        <p className="lead">{t('reports.intro')}</p>
      </header>
      <section className="card" aria-labelledby="report-title">
        <h2 id="report-title" className="section-title">
          {t('reports.coverage', { month: formatMonth(month, i18n.language) })}
        </h2>
        <div className="inline-form">
          <div className="field">
            <label htmlFor="report-month">{t('dashboard.month')}</label>
            <input id="report-month" type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="report-level">{t('reports.level')}</label>
            <select id="report-level" value={level} onChange={(e) => setLevel(e.target.value as 'province' | 'regency')}>
              <option value="province">{t('reports.levels.province')}</option>
              <option value="regency">{t('reports.levels.regency')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="report-by">{t('reports.by')}</label>
            <select id="report-by" value={by} onChange={(e) => setBy(e.target.value)}>
              <option value="">{t('reports.byNone')}</option>
              {['segment', 'category', 'source', 'occupation'].map((b) => (
                <option key={b} value={b}>
                  {t(`reports.bys.${b}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="toolbar">
          {FORMATS.map(({ format, key }) => (
            <a key={format} className={format === 'xlsx' ? 'button button-primary' : 'button button-quiet'} href={`/api/v1/coverage/export.${format}${query}`} download>
              {t(`reports.download.${key}`)}
            </a>
          ))}
        </div>
        <p className="muted small">{t('reports.note')}</p>
      </section>
    </div>
  )
}
