import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { paymentResponse } from '../../../../src/areas/contributions/http/schemas'
import { parseDateInput } from '../../../../src/areas/participants/domain/birth-dates'
import { api } from '../../lib/api'
import { errorText } from '../../lib/error-text'
import { newIdempotencyKey as newKey } from '../../lib/idempotency-key'
import { currentMonthWita, formatDateId, formatMonth, formatRupiah, todayWita } from '../../lib/format'
import { useRegions } from '../../lib/use-regions'
import type { Participant } from './types'

type PaymentAnswer = z.infer<typeof paymentResponse>
const END_REASONS = ['stopped_working', 'died', 'moved_segment', 'own_request', 'other'] as const

function useRefreshParticipant(id: string) {
  const client = useQueryClient()
  return () => {
    for (const key of ['participant', 'account', 'payments', 'history']) void client.invalidateQueries({ queryKey: [key, id] })
  }
}

/** Cash received at the counter: arrears first, then the coming months (POST /payments, one Idempotency-Key per form). */
export function PayForm({ participant }: { participant: Participant }) {
  const { t, i18n } = useTranslation()
  const refresh = useRefreshParticipant(participant.id)
  const [months, setMonths] = useState('1')
  const [paidOn, setPaidOn] = useState(() => formatDateId(todayWita(new Date())))
  const [key, setKey] = useState(newKey)
  const pay = useMutation({
    mutationFn: () => api.post<PaymentAnswer>('/api/v1/payments', { participantId: participant.id, months: Number(months), paidOn: parseDateInput(paidOn) ?? paidOn }, { 'Idempotency-Key': key }),
    onSuccess: () => {
      setKey(newKey())
      refresh()
    },
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    pay.mutate()
  }
  return (
    <section className="card" aria-labelledby="pay-title">
      <h2 id="pay-title" className="section-title">
        {t('pay.title')}
      </h2>
      <form onSubmit={onSubmit} className="inline-form">
        <div className="field">
          <label htmlFor="pay-months">{t('pay.months')}</label>
          <select id="pay-months" value={months} onChange={(e) => setMonths(e.target.value)}>
            {Array.from({ length: 12 }, (_, i) => String(i + 1)).map((n) => (
              <option key={n} value={n}>
                {t('pay.monthsValue', { count: Number(n) })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pay-date">{t('pay.paidOn')}</label>
          <input id="pay-date" inputMode="numeric" placeholder="dd/mm/yyyy" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} required />
        </div>
        <button type="submit" className="button button-primary" disabled={pay.isPending}>
          {t('pay.submit')}
        </button>
      </form>
      {pay.error && <p className="alert alert-error" role="alert">{errorText(pay.error, t)}</p>}
      {pay.data && (
        <p className="alert alert-success" role="status">
          {t('pay.done', { amount: formatRupiah(pay.data.amountIdr), receipt: pay.data.receiptNo, through: pay.data.paidThrough ? formatMonth(pay.data.paidThrough, i18n.language) : '—' })}{' '}
          <a href={`${pay.data.receiptUrl}.pdf`} target="_blank" rel="noreferrer">
            {t('pay.receipt')}
          </a>
        </p>
      )}
    </section>
  )
}

/** Name, birth date, phone or regency, with a reason; the version guards against overwriting someone else's fix. */
export function CorrectForm({ participant }: { participant: Participant }) {
  const { t } = useTranslation()
  const regions = useRegions()
  const refresh = useRefreshParticipant(participant.id)
  const [name, setName] = useState(participant.name)
  const shownBirthDate = /^\d{4}-\d{2}-\d{2}$/.test(participant.birthDate) ? formatDateId(participant.birthDate) : participant.birthDate
  const [birthDate, setBirthDate] = useState(shownBirthDate)
  const [phone, setPhone] = useState(participant.phone ?? '')
  const [regencyCode, setRegencyCode] = useState(participant.regencyCode)
  const [reason, setReason] = useState('')
  const changes = {
    ...(name !== participant.name ? { name } : {}),
    ...(birthDate !== shownBirthDate ? { birthDate: parseDateInput(birthDate) ?? birthDate } : {}),
    ...(phone !== (participant.phone ?? '') ? { phone: phone.trim() === '' ? null : phone } : {}),
    ...(regencyCode !== participant.regencyCode ? { regencyCode } : {}),
  }
  const correct = useMutation({
    mutationFn: () => api.post<Participant>(`/api/v1/participants/${participant.id}/corrections`, { version: participant.version, ...changes, ...(reason.trim() ? { reason } : {}) }),
    onSuccess: refresh,
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    correct.mutate()
  }
  return (
    <details className="action-panel">
      <summary>{t('correct.title')}</summary>
      <form onSubmit={onSubmit}>
        <div className="field-row">
          <div className="field">
            <label htmlFor="fix-name">{t('participant.name')}</label>
            <input id="fix-name" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="fix-birth">{t('participant.birthDate')}</label>
            <input id="fix-birth" inputMode="numeric" placeholder="dd/mm/yyyy" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="fix-phone">{t('participant.phone')}</label>
            <input id="fix-phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="fix-regency">{t('participant.regency')}</label>
            <select id="fix-regency" value={regencyCode} onChange={(e) => setRegencyCode(e.target.value)}>
              {regions.provinces.map((p) => (
                <optgroup key={p.code} label={p.name}>
                  {p.regencies.map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="fix-reason">{t('correct.reason')}</label>
          <input id="fix-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} />
        </div>
        <button type="submit" className="button button-primary" disabled={correct.isPending || Object.keys(changes).length === 0}>
          {t('correct.submit')}
        </button>
        {correct.error && <p className="alert alert-error" role="alert">{errorText(correct.error, t)}</p>}
        {correct.isSuccess && <p className="alert alert-success" role="status">{t('correct.done')}</p>}
      </form>
    </details>
  )
}

/** End the membership with a reason and its last month. */
export function EndForm({ participant }: { participant: Participant }) {
  const { t } = useTranslation()
  const refresh = useRefreshParticipant(participant.id)
  const [reason, setReason] = useState<(typeof END_REASONS)[number]>('stopped_working')
  const [month, setMonth] = useState(() => currentMonthWita(new Date()))
  const [confirmed, setConfirmed] = useState(false)
  const end = useMutation({
    mutationFn: () => api.post<Participant>(`/api/v1/participants/${participant.id}/end`, { reason, month, version: participant.version }),
    onSuccess: refresh,
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (confirmed) end.mutate()
  }
  return (
    <details className="action-panel">
      <summary>{t('end.title')}</summary>
      <form onSubmit={onSubmit}>
        <div className="field-row">
          <div className="field">
            <label htmlFor="end-reason">{t('end.reason')}</label>
            <select id="end-reason" value={reason} onChange={(e) => setReason(e.target.value as (typeof END_REASONS)[number])}>
              {END_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`endReason.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="end-month">{t('end.month')}</label>
            <input id="end-month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} required />
          </div>
        </div>
        <label className="check">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          {t('end.confirm')}
        </label>
        <button type="submit" className="button button-danger" disabled={!confirmed || end.isPending}>
          {t('end.submit')}
        </button>
        {end.error && <p className="alert alert-error" role="alert">{errorText(end.error, t)}</p>}
      </form>
    </details>
  )
}
