import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCount, formatMonth } from '../../lib/format'
import { percentText, shareOf } from './coverage-math'
import type { CoverageRow } from './types'

/** `42,47%`, with `*` when the denominator is derived (DESIGN.md §7: every derived figure is marked). */
function PctText({ row }: { row: CoverageRow }) {
  const { t, i18n } = useTranslation()
  if (row.coveragePct === null) return <span title={t('dashboard.noDenominator')}>—</span>
  const pct = percentText(shareOf(row), i18n.language)
  return (
    <span>
      {pct}
      {row.workforce.status === 'derived' && <abbr title={t('dashboard.derived', { source: row.workforce.source })} className="derived-mark">*</abbr>}
    </span>
  )
}

function projectedText(row: CoverageRow, language: string, t: (k: string) => string): string {
  if (row.target === null) return '—'
  if (row.gap !== null && row.gap <= 0) return t('dashboard.reached')
  return row.projectedMonth ? formatMonth(row.projectedMonth, language) : t('dashboard.notThisYear')
}

/** The figures of one region (or Banuspa): terlindungi, aktif, coverage against the workforce, target, gap, pace. */
export function CoverageCard({ row, headline = false, month }: { row: CoverageRow; headline?: boolean; month: string }) {
  const { t, i18n } = useTranslation()
  const n = (v: number | null) => (v === null ? '—' : formatCount(v, i18n.language))
  const stats: Array<[string, ReactNode, string?]> = [
    ['terlindungi', n(row.terlindungi), t('dashboard.terlindungiNote')],
    ['aktif', n(row.aktif)],
    ['coverage', <PctText row={row} key="pct" />, row.workforce.value === null ? t('dashboard.noDenominator') : row.workforce.period ? t('dashboard.ofWorkforce', { workforce: n(row.workforce.value), period: row.workforce.period }) : t('dashboard.ofWorkforceSum', { workforce: n(row.workforce.value) })],
    ['target', n(row.target)],
    ['gap', n(row.gap), row.neededPerMonth === null ? undefined : t('dashboard.perMonth', { needed: n(row.neededPerMonth) })],
    ['projected', projectedText(row, i18n.language, t)],
  ]
  return (
    <section className={headline ? 'coverage-card headline' : 'coverage-card'} aria-label={row.name} data-testid="coverage-card">
      <h2 className="section-title">
        {row.name} · {formatMonth(month, i18n.language)}
      </h2>
      <div className="stat-grid">
        {stats.map(([key, value, note]) => (
          <div className="stat-card" key={key}>
            <span className="stat-label">{t(`dashboard.${key}`)}</span>
            <span className="stat-value" data-testid={`stat-${key}`}>{value}</span>
            {note && <span className="stat-note">{note}</span>}
          </div>
        ))}
      </div>
    </section>
  )
}

/** Provinces or regencies as rows; the name is a button that drills down (the keyboard way into the map). */
export function RegionTable({ title, rows, onSelect, testId }: { title: string; rows: readonly CoverageRow[]; onSelect: (code: string) => void; testId: string }) {
  const { t, i18n } = useTranslation()
  const n = (v: number | null) => (v === null ? '—' : formatCount(v, i18n.language))
  return (
    <section className="card" aria-label={title}>
      <h2 className="section-title">{title}</h2>
      <div className="table-wrap">
        <table className="data-table" data-testid={testId}>
          <thead>
            <tr>
              <th>{t('dashboard.region')}</th>
              <th className="num">{t('dashboard.terlindungi')}</th>
              <th className="num">{t('dashboard.aktif')}</th>
              <th className="num">{t('dashboard.workforce')}</th>
              <th className="num">{t('dashboard.coverage')}</th>
              <th className="num">{t('dashboard.target')}</th>
              <th className="num">{t('dashboard.gap')}</th>
              <th>{t('dashboard.projected')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <td>
                  <button type="button" className="link-button" onClick={() => onSelect(r.code)}>
                    {r.name}
                  </button>
                </td>
                <td className="num">{n(r.terlindungi)}</td>
                <td className="num">{n(r.aktif)}</td>
                <td className="num">
                  {n(r.workforce.value)}
                  {r.workforce.status === 'derived' && <abbr title={t('dashboard.derived', { source: r.workforce.source })} className="derived-mark">*</abbr>}
                </td>
                <td className="num"><PctText row={r} /></td>
                <td className="num">{n(r.target)}</td>
                <td className="num">{n(r.gap)}</td>
                <td>{projectedText(r, i18n.language, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
