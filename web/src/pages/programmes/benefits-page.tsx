import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../lib/api'
import { errorText } from '../../lib/error-text'
import { formatRupiah, todayWita } from '../../lib/format'
import { parseRupiahInput } from '../../lib/rupiah-input'

const BENEFITS = ['jkm', 'jkk-death', 'jkp'] as const
type Benefit = (typeof BENEFITS)[number]
const LEVELS = ['', 'tk', 'sd', 'smp', 'sma', 'pt'] as const

interface BenefitAnswer {
  benefit: string
  date: string
  lines: Array<{ item: string; amountIdr: number; citation: string }>
  totalIdr: number
  scholarship?: { perYear: Array<{ child: number; level: string; amountIdr: number }>; maxIdr: number; eligible: boolean; reason: string; citation: string }
  notes: Array<{ code: string; message: string }>
}

function bodyOf(benefit: Benefit, f: { months: string; wage: string; child1: string; child2: string }, date: string): object | null {
  const children = [f.child1, f.child2].filter(Boolean)
  if (benefit === 'jkm') {
    const months = Number(f.months)
    return Number.isInteger(months) && months >= 0 ? { date, contributionMonths: months, segment: 'bpu', children } : null
  }
  const wage = parseRupiahInput(f.wage)
  if (wage === null || Number.isNaN(wage)) return null
  return benefit === 'jkk-death' ? { date, wage, children } : { date, wage }
}

/** `/manfaat`: what a family would receive (JKM Rp42 juta with beasiswa, JKK death, JKP), from the server's benefit engine. */
export function BenefitsPage() {
  const { t } = useTranslation()
  const [benefit, setBenefit] = useState<Benefit>('jkm')
  const [form, setForm] = useState({ months: '12', wage: '1.000.000', child1: 'sd', child2: '' })
  const set = (k: keyof typeof form, v: string) => setForm((f) => ({ ...f, [k]: v }))
  const date = todayWita(new Date())
  const body = bodyOf(benefit, form, date)
  const answer = useQuery({
    queryKey: ['benefit', benefit, body],
    enabled: body !== null,
    queryFn: () => api.post<BenefitAnswer>(`/api/v1/benefits/${benefit}`, body),
    placeholderData: (previous) => previous,
  })
  const data = answer.data?.benefit === benefit.replace('-death', '_death') || answer.data?.benefit === benefit ? answer.data : undefined
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('benefits.title')}</h1>
        <p className="lead">{t('benefits.intro')}</p>
      </header>
      <div className="calculator">
        <section className="card" aria-labelledby="benefit-form-title">
          <h2 id="benefit-form-title">{t('benefits.formTitle')}</h2>
          <div className="tabs" role="tablist" aria-label={t('benefits.which')}>
            {BENEFITS.map((b) => (
              <button key={b} type="button" role="tab" aria-selected={benefit === b} onClick={() => setBenefit(b)}>
                {t(`benefits.kinds.${b}`)}
              </button>
            ))}
          </div>
          <p className="muted small">{t(`benefits.explain.${benefit}`)}</p>
          {benefit === 'jkm' ? (
            <div className="field">
              <label htmlFor="bn-months">{t('benefits.months')}</label>
              <input id="bn-months" inputMode="numeric" value={form.months} onChange={(e) => set('months', e.target.value)} aria-describedby="bn-months-hint" />
              <span id="bn-months-hint" className="field-hint">{t('benefits.monthsHint')}</span>
            </div>
          ) : (
            <div className="field">
              <label htmlFor="bn-wage">{t('benefits.wage')}</label>
              <input id="bn-wage" inputMode="numeric" value={form.wage} onChange={(e) => set('wage', e.target.value)} />
            </div>
          )}
          {benefit !== 'jkp' && (
            <div className="field-row">
              {(['child1', 'child2'] as const).map((k, i) => (
                <div className="field" key={k}>
                  <label htmlFor={`bn-${k}`}>{t('benefits.child', { n: i + 1 })}</label>
                  <select id={`bn-${k}`} value={form[k]} onChange={(e) => set(k, e.target.value)}>
                    {LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {t(`benefits.levels.${l || 'none'}`)}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
          )}
        </section>
        <section className="card result" aria-labelledby="benefit-result-title" aria-live="polite">
          <h2 id="benefit-result-title">{t('benefits.resultTitle')}</h2>
          {body === null && <p className="alert alert-error" role="alert">{t('benefits.invalid')}</p>}
          {answer.error && <p className="alert alert-error" role="alert">{errorText(answer.error, t)}</p>}
          {data && body !== null && (
            <>
              <table className="lines">
                <tbody>
                  {data.lines.map((l) => (
                    <tr key={l.item}>
                      <td>
                        {t(`benefits.items.${l.item}`, { defaultValue: l.item.replace(/_/g, ' ') })}
                        <span className="line-citation">{l.citation}</span>
                      </td>
                      <td className="num">{formatRupiah(l.amountIdr)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="total">
                <span className="total-label">{t('benefits.total')}</span>
                <span className="total-amount" data-testid="benefit-total">{formatRupiah(data.totalIdr)}</span>
              </div>
              {data.scholarship && (
                <div data-testid="scholarship">
                  <h3 className="subsection-title">{t('benefits.scholarship')}</h3>
                  {data.scholarship.eligible ? (
                    <>
                      <ul className="plain-list">
                        {data.scholarship.perYear.map((c) => (
                          <li key={c.child}>
                            {t('benefits.scholarshipChild', { n: c.child, level: t(`benefits.levels.${c.level}`), amount: formatRupiah(c.amountIdr) })}
                          </li>
                        ))}
                      </ul>
                      <p className="small">{t('benefits.scholarshipMax', { amount: formatRupiah(data.scholarship.maxIdr) })}</p>
                    </>
                  ) : (
                    <p className="muted small">{t('benefits.scholarshipNot', { reason: data.scholarship.reason })}</p>
                  )}
                  <span className="line-citation">{data.scholarship.citation}</span>
                </div>
              )}
              {data.notes.map((n) => (
                <p key={n.code} className="muted small">{n.message}</p>
              ))}
            </>
          )}
        </section>
      </div>
    </div>
  )
}
