import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { currentMonthWita, formatRupiah, todayWita } from '../../lib/format'
import { parseRupiahInput } from '../../lib/rupiah-input'
import type { ScreenProps } from '../app'
import { pitchFor } from '../pitch'

/** The benefit pitch: this month's contribution (with a PP 50/2025 discount when it applies) against what the family gets. */
export function PitchScreen({ rules }: ScreenProps) {
  const { t } = useTranslation()
  const [income, setIncome] = useState('1.000.000')
  const [transport, setTransport] = useState(false)
  if (rules.status !== 'ready') return <p className="muted" role="status">{rules.status === 'error' ? rules.message : t('app.loading')}</p>
  const checks = rules.value
  const incomeIdr = parseRupiahInput(income)
  const valid = typeof incomeIdr === 'number' && !Number.isNaN(incomeIdr)
  const month = currentMonthWita(new Date())
  const outcome = valid ? checks.quotes.quote({ segment: 'bpu', month, income: incomeIdr, programmes: ['jkk', 'jkm'], sector: transport ? 'transport' : 'other', payer: 'self' }) : null
  const pitch = valid ? pitchFor(checks.quotes.regulations, todayWita(new Date()), incomeIdr) : null
  const discounted = outcome?.ok && outcome.view.lines.some((l) => (l.discountppm ?? 0) > 0)
  return (
    <section aria-labelledby="pitch-title">
      <h1 id="pitch-title">{t('pitch.title')}</h1>
      <div className="card">
        <div className="field">
          <label htmlFor="pitch-income">{t('register.income')}</label>
          <input id="pitch-income" inputMode="numeric" value={income} onChange={(e) => setIncome(e.target.value)} />
        </div>
        <label className="check">
          <input type="checkbox" checked={transport} onChange={(e) => setTransport(e.target.checked)} />
          {t('pitch.transport')}
        </label>
      </div>
      {outcome?.ok && pitch && (
        <div className="card pitch">
          <p className="pitch-price">
            <span data-testid="pitch-monthly">{formatRupiah(outcome.view.billedIdr)}</span> {t('pitch.perMonth')}
          </p>
          {discounted && <p className="muted small" data-testid="pitch-discount">{t('pitch.discount')}</p>}
          <ul className="pitch-list">
            <li>
              <strong data-testid="pitch-jkm">{formatRupiah(pitch.jkmIdr)}</strong> {t('pitch.jkm', { months: pitch.jkmAfterMonths, funeral: formatRupiah(pitch.jkmFuneralOnlyIdr) })}
            </li>
            <li>
              <strong data-testid="pitch-scholarship">{formatRupiah(pitch.scholarshipMaxIdr)}</strong> {t('pitch.scholarship', { years: pitch.scholarshipJkmMinMonths / 12 })}
            </li>
            <li>
              <strong data-testid="pitch-jkk">{formatRupiah(pitch.jkkDeathIdr)}</strong> {t('pitch.jkk')}
            </li>
          </ul>
          <p className="muted small">{pitch.citation}</p>
        </div>
      )}
      {outcome && !outcome.ok && <p className="alert alert-error" role="alert">{outcome.message}</p>}
    </section>
  )
}
