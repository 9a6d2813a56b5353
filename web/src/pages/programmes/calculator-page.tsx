import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { currentMonthWita } from '../../lib/format'
import { useLazy, type LazyLoad } from '../../lib/use-lazy'
import type { QuoteEngine, QuoteOutcome } from '../../lib/quote-engine'
import { RegionPicker, type RegionChoice } from '../regions/region-picker'
import { quoteErrorText } from './quote-error-text'
import { QuoteForm } from './quote-form'
import { initialQuoteForm, readQuoteForm, type FormReading, type QuoteFormState } from './quote-form-state'
import { QuoteResult } from './quote-result'

type EngineLoad = LazyLoad<QuoteEngine>

/** The engine and the regulation data come in their own chunk: the sign-in page does not carry them. */
const loadEngine = () => import('../../lib/quote-engine').then((module) => module.createQuoteEngine())

function ResultPanel({ engine, reading, outcome }: { engine: EngineLoad; reading: FormReading; outcome: QuoteOutcome | null }) {
  const { t } = useTranslation()
  if (engine.status === 'loading') return <p className="muted" role="status">{t('calculator.rulesLoading')}</p>
  if (engine.status === 'error') return <p className="alert alert-error" role="alert">{t('calculator.rulesMissing')} {engine.message}</p>
  if (reading.kind === 'incomplete') return <p className="muted">{t('calculator.incomplete')}</p>
  if (reading.kind === 'not-amount') return <p className="alert alert-error" role="alert">{t('calculator.notAmount', { field: t(`calculator.${reading.field}`) })}</p>
  if (!outcome) return null
  if (!outcome.ok) return <p className="alert alert-error" role="alert">{quoteErrorText(outcome, t)}</p>
  return <QuoteResult view={outcome.view} />
}

/** `/kalkulator`: public, in the browser, with the server's own pure engine and regulation data; quotes as one types. */
export function CalculatorPage() {
  const { t } = useTranslation()
  const engine = useLazy(loadEngine)
  const [form, setForm] = useState<QuoteFormState>(() => initialQuoteForm(currentMonthWita(new Date())))
  const [region, setRegion] = useState<RegionChoice>({ provinceCode: '', regencyCode: '' })
  const change = <K extends keyof QuoteFormState>(key: K, value: QuoteFormState[K]) => setForm((previous) => ({ ...previous, [key]: value }))

  const reading = readQuoteForm(form)
  const outcome = engine.status === 'ready' && reading.kind === 'ready' ? engine.value.quote(reading.request) : null
  const invalidField = reading.kind === 'not-amount' ? reading.field : outcome && !outcome.ok ? (outcome.field ?? null) : null

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{t('app.tagline')}</p>
        <h1>{t('calculator.heading')}</h1>
        <p className="lead">{t('calculator.intro')}</p>
      </header>
      <div className="calculator">
        <div className="calculator-inputs">
          <section className="card" aria-labelledby="region-title">
            <h2 id="region-title">{t('calculator.regionTitle')}</h2>
            <RegionPicker value={region} onChange={setRegion} />
          </section>
          <section className="card" aria-labelledby="form-title">
            <h2 id="form-title">{t('calculator.formTitle')}</h2>
            <QuoteForm form={form} change={change} invalid={invalidField} />
          </section>
        </div>
        <section className="card result" aria-labelledby="result-title" aria-live="polite">
          <h2 id="result-title">{t('calculator.resultTitle')}</h2>
          <ResultPanel engine={engine} reading={reading} outcome={outcome} />
        </section>
      </div>
    </div>
  )
}
