import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../lib/api'
import { errorText } from '../../lib/error-text'
import { formatDateId, formatRupiah, todayWita } from '../../lib/format'
import { FieldMessage } from '../../ui/query-state'
import type { ScreenProps } from '../app'
import { depositBodyOf, type DepositForm } from '../deposit-form'
import { CachedNote } from './cached-note'
import { useCached } from './use-cached'

interface Cash {
  asOf: string
  collectedIdr: number
  depositedIdr: number
  undepositedIdr: number
  excessDepositIdr: number
  undeposited: Array<{ paymentId: string; collectedOn: string; amountIdr: number; depositedIdr: number; daysHeld: number | null }>
}

interface Deposited { amountIdr: number; cashOnHandIdr: number; reference: string }

/** The cash the agent holds (GET /agen/cash, oldest first) and the deposit slip form (POST /agen/deposits, online only: never queued). */
export function DepositScreen({ user, box, go }: ScreenProps) {
  const { t } = useTranslation()
  const today = todayWita(new Date())
  const [revision, setRevision] = useState(0)
  const cash = useCached<Cash>(user.id, '/api/v1/agen/cash', revision)
  const [form, setForm] = useState<DepositForm>({ amount: '', date: formatDateId(today), to: 'bank', reference: '' })
  const [shown, setShown] = useState(false)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<Deposited | null>(null)
  const check = depositBodyOf(form, today)
  const problem = (field: keyof DepositForm) => (shown && !check.ok && check.problems[field] ? t(`deposit.problems.${check.problems[field]}`) : null)
  const set = (field: keyof DepositForm, value: string) => setForm((f) => ({ ...f, [field]: value }))

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setShown(true)
    if (!check.ok || !box.online) return
    setSending(true)
    setError(null)
    try {
      const answer = await api.post<Deposited>('/api/v1/agen/deposits', check.body)
      setDone(answer)
      setForm((f) => ({ ...f, amount: '', reference: '' }))
      setShown(false)
      setRevision((r) => r + 1)
    } catch (e) {
      setError(e)
    } finally {
      setSending(false)
    }
  }

  return (
    <section aria-labelledby="deposit-title">
      <h1 id="deposit-title">{t('deposit.title')}</h1>
      <CachedNote state={cash} />
      {cash.status === 'ready' && (
        <div className="card">
          <div className="progress-row">
            <span>{t('deposit.held')}</span>
            <strong data-testid="cash-held">{formatRupiah(cash.value.undepositedIdr)}</strong>
          </div>
          <p className="muted small">{t('deposit.totals', { collected: formatRupiah(cash.value.collectedIdr), deposited: formatRupiah(cash.value.depositedIdr) })}</p>
          {cash.value.excessDepositIdr > 0 && <p className="alert alert-warn">{t('deposit.excess', { amount: formatRupiah(cash.value.excessDepositIdr) })}</p>}
          {cash.value.undeposited.length > 0 && <h2 className="section-title">{t('deposit.oldestFirst')}</h2>}
          <ul className="plain-list" data-testid="undeposited">
            {cash.value.undeposited.map((u) => (
              <li key={u.paymentId} className="portfolio-item">
                {formatDateId(u.collectedOn)} · <strong>{formatRupiah(u.amountIdr - u.depositedIdr)}</strong>
                {u.depositedIdr > 0 && <span className="muted small"> {t('deposit.partly', { amount: formatRupiah(u.amountIdr) })}</span>}
                {u.daysHeld !== null && <span className="muted small"> · {t('deposit.daysHeld', { count: u.daysHeld })}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" className="link-button" onClick={() => go('setoran', 'riwayat')}>{t('deposit.toCollections')}</button>
      <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate>
        <h2 className="section-title">{t('deposit.record')}</h2>
        {!box.online && <p className="alert alert-warn" role="status" data-testid="deposit-offline">{t('deposit.offline')}</p>}
        {done && <p className="alert alert-success" role="status" data-testid="deposit-done">{t('deposit.done', { amount: formatRupiah(done.amountIdr), reference: done.reference, held: formatRupiah(done.cashOnHandIdr) })}</p>}
        {error !== null && <p className="alert alert-error" role="alert" data-testid="deposit-error">{error instanceof ApiError && error.code === 'network' ? t('deposit.offline') : errorText(error, t)}</p>}
        <Field id="dep-amount" label={t('deposit.amount')} problem={problem('amount')}>
          <input id="dep-amount" inputMode="numeric" value={form.amount} onChange={(e) => set('amount', e.target.value)} />
        </Field>
        <Field id="dep-date" label={t('deposit.date')} problem={problem('date')}>
          <input id="dep-date" inputMode="numeric" placeholder="dd/mm/yyyy" value={form.date} onChange={(e) => set('date', e.target.value)} />
        </Field>
        <Field id="dep-to" label={t('deposit.to')} problem={problem('to')}>
          <select id="dep-to" value={form.to} onChange={(e) => set('to', e.target.value)}>
            <option value="bank">{t('deposit.toBank')}</option>
            <option value="cabang">{t('deposit.toCabang')}</option>
          </select>
        </Field>
        <Field id="dep-ref" label={t('deposit.reference')} problem={problem('reference')}>
          <input id="dep-ref" maxLength={100} autoComplete="off" value={form.reference} onChange={(e) => set('reference', e.target.value)} />
        </Field>
        <button type="submit" className="button button-primary" disabled={sending || !box.online}>{sending ? t('deposit.sending') : t('deposit.submit')}</button>
      </form>
    </section>
  )
}

function Field({ id, label, problem, children }: { id: string; label: string; problem: string | null; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldMessage id={`${id}-msg`} error={problem} />
    </div>
  )
}
