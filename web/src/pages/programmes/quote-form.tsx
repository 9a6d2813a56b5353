import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { CONTRACT_MONTHS, PAYERS, RISK_GROUPS, SCALES, SECTORS, SEGMENTS, VIAS, type QuoteFormState } from './quote-form-state'

type Change = <K extends keyof QuoteFormState>(key: K, value: QuoteFormState[K]) => void

function Select<V extends string>(props: { id: string; label: string; value: V; options: readonly V[]; labelOf: (v: V) => string; onChange: (v: V) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.labelOf(option)}
          </option>
        ))}
      </select>
    </div>
  )
}

function AmountField(props: { id: string; label: string; value: string; hint?: ReactNode; invalid: boolean; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        inputMode="numeric"
        autoComplete="off"
        value={props.value}
        aria-invalid={props.invalid}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && (
        <span id={`${props.id}-hint`} className="field-hint">
          {props.hint}
        </span>
      )}
    </div>
  )
}

function BpuFields({ form, change, invalid }: { form: QuoteFormState; change: Change; invalid: string | null }) {
  const { t } = useTranslation()
  return (
    <>
      <AmountField id="income" label={t('calculator.income')} value={form.income} hint={t('calculator.incomeHint')} invalid={invalid === 'income'} onChange={(v) => change('income', v)} />
      <fieldset>
        <legend className="field-label">{t('calculator.programmes')}</legend>
        <label className="check">
          <input type="checkbox" checked disabled /> JKK + JKM
        </label>
        <label className="check">
          <input id="jht" type="checkbox" checked={form.jht} onChange={(e) => change('jht', e.target.checked)} /> {t('calculator.jht')}
        </label>
      </fieldset>
      <div className="field-row">
        <Select id="sector" label={t('calculator.sector')} value={form.sector} options={SECTORS} labelOf={(v) => t(`calculator.sectors.${v}`)} onChange={(v) => change('sector', v)} />
        <Select id="payer" label={t('calculator.payer')} value={form.payer} options={PAYERS} labelOf={(v) => t(`calculator.payers.${v}`)} onChange={(v) => change('payer', v)} />
      </div>
    </>
  )
}

function PuFields({ form, change, invalid }: { form: QuoteFormState; change: Change; invalid: string | null }) {
  const { t } = useTranslation()
  return (
    <>
      <AmountField id="wage" label={t('calculator.wage')} value={form.wage} invalid={invalid === 'wage'} onChange={(v) => change('wage', v)} />
      <div className="field-row">
        <Select id="risk-group" label={t('calculator.riskGroup')} value={form.riskGroup} options={RISK_GROUPS} labelOf={(v) => t(`calculator.riskGroups.${v}`)} onChange={(v) => change('riskGroup', v)} />
        <Select id="scale" label={t('calculator.scale')} value={form.scale} options={SCALES} labelOf={(v) => t(`calculator.scales.${v}`)} onChange={(v) => change('scale', v)} />
      </div>
      <div className="field">
        <label htmlFor="paid-on">{t('calculator.paidOn')}</label>
        <input id="paid-on" type="date" value={form.paidOn} onChange={(e) => change('paidOn', e.target.value)} />
      </div>
    </>
  )
}

function PmiFields({ form, change }: { form: QuoteFormState; change: Change }) {
  const { t } = useTranslation()
  return (
    <div className="field-row">
      <Select id="contract-months" label={t('calculator.contractMonths')} value={form.contractMonths} options={CONTRACT_MONTHS} labelOf={(v) => t('calculator.contractMonthsValue', { count: Number(v) })} onChange={(v) => change('contractMonths', v)} />
      <Select id="via" label={t('calculator.via')} value={form.via} options={VIAS} labelOf={(v) => t(`calculator.vias.${v}`)} onChange={(v) => change('via', v)} />
    </div>
  )
}

/** The quote form: segment (BPU first), contribution month, and the fields of that segment. */
export function QuoteForm({ form, change, invalid }: { form: QuoteFormState; change: Change; invalid: string | null }) {
  const { t } = useTranslation()
  return (
    <form onSubmit={(e) => e.preventDefault()} aria-label={t('calculator.formTitle')}>
      <fieldset>
        <legend className="field-label">{t('calculator.segment')}</legend>
        <div className="segmented">
          {SEGMENTS.map((segment) => (
            <label key={segment} title={t(`calculator.segments.${segment}`)}>
              <input type="radio" name="segment" value={segment} checked={form.segment === segment} onChange={() => change('segment', segment)} />
              {t(`calculator.segmentsShort.${segment}`)}
            </label>
          ))}
        </div>
        <p className="field-hint">{t(`calculator.segments.${form.segment}`)}</p>
      </fieldset>
      <div className="field">
        <label htmlFor="month">{t('calculator.month')}</label>
        <input id="month" type="month" min="2015-07" value={form.month} aria-invalid={invalid === 'month'} onChange={(e) => change('month', e.target.value)} />
      </div>
      {form.segment === 'bpu' && <BpuFields form={form} change={change} invalid={invalid} />}
      {form.segment === 'pu' && <PuFields form={form} change={change} invalid={invalid} />}
      {form.segment === 'pmi' && <PmiFields form={form} change={change} />}
      {form.segment === 'jakon' && (
        <AmountField id="contract-value" label={t('calculator.contractValue')} value={form.contractValue} invalid={invalid === 'contractValue'} onChange={(v) => change('contractValue', v)} />
      )}
    </form>
  )
}
