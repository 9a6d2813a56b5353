import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateId, formatMonthShort, formatRupiah } from '../../lib/format'
import { StatusBadge } from '../../ui/status-badge'
import { selfApi, SelfApiError, type WorkerRecordView } from './self-api'
import { SignInForm } from './sign-in-form'

type State = { kind: 'loading' } | { kind: 'signed-out' } | { kind: 'record'; record: WorkerRecordView } | { kind: 'error'; message: string }

/** `/peserta`: the worker's own page (issue 11 item 1), phone-first; loaded as its own chunk. */
export function SelfServicePage() {
  const { t } = useTranslation()
  const [state, setState] = useState<State>({ kind: 'loading' })
  const load = useCallback(() => {
    selfApi.me().then(
      (record) => setState({ kind: 'record', record }),
      (e: unknown) => setState(e instanceof SelfApiError && e.status === 401 ? { kind: 'signed-out' } : { kind: 'error', message: String(e) }),
    )
  }, [])
  useEffect(load, [load])

  return (
    <div className="page self-service">
      <header className="page-header">
        <h1>{t('self.title')}</h1>
      </header>
      {state.kind === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.kind === 'error' && <p role="alert">{state.message}</p>}
      {state.kind === 'signed-out' && <SignInForm onSignedIn={load} />}
      {state.kind === 'record' && <Record record={state.record} onChange={load} onSignOut={() => void selfApi.signOut().then(() => setState({ kind: 'signed-out' }))} />}
    </div>
  )
}

function Record({ record: r, onChange, onSignOut }: { record: WorkerRecordView; onChange: () => void; onSignOut: () => void }) {
  const { t } = useTranslation()
  const owedIdr = r.owed.reduce((sum, m) => sum + m.amountIdr, 0)
  const benefitText = r.benefitLevel === 'full' ? t('self.benefitFull') : r.benefitLevel === 'partial' ? t('self.benefitPartial') : t('self.benefitNone')
  return (
    <>
      <section className="card" data-testid="self-status">
        <p><strong>{r.name}</strong> · {t('self.kpj')} <span className="mono">{r.kpj}</span> · {t('self.nik')} <span className="mono">{r.nikMasked}</span></p>
        <p>{t('self.status')}: <StatusBadge status={r.status} /></p>
        <p>{r.protectedUntil ? t('self.protectedUntil', { date: formatDateId(r.protectedUntil) }) : r.status === 'aktif' || r.status === 'menunggak' ? t('self.protectedOpen') : t('self.notProtected')}</p>
        {r.paidThrough && <p className="muted">{t('self.paidThrough', { month: formatMonthShort(r.paidThrough) })}</p>}
        <button type="button" className="button" onClick={onSignOut}>{t('self.signOut')}</button>
      </section>
      <section className="card" data-testid="self-owed">
        <h2 className="section-title">{t('self.owedTitle')}</h2>
        {r.owed.length === 0 ? <p>{t('self.nothingOwed')}</p> : (
          <ul>
            {r.owed.map((m) => <li key={m.month}>{formatMonthShort(m.month)}: {formatRupiah(m.amountIdr)}{m.overdue ? ` (${t('self.overdue')})` : ''}</li>)}
            <li><strong>{t('self.total')}: {formatRupiah(owedIdr)}</strong></li>
          </ul>
        )}
        <h2 className="section-title">{t('self.payTitle')}</h2>
        <p>{t('self.payNo', { payNo: r.payNo })}</p>
        <p className="muted">{t('self.payWhere')}</p>
      </section>
      <section className="card" data-testid="self-receipts">
        <h2 className="section-title">{t('self.receiptsTitle')}</h2>
        {r.receipts.length === 0 ? <p>{t('self.noReceipts')}</p> : (
          <ul>
            {r.receipts.map((x) => (
              <li key={x.receiptNo} data-reversed={x.reversedAt ? 'true' : undefined}>
                <a href={`/api/v1/self/receipts/${x.receiptNo}.pdf`} target="_blank" rel="noreferrer">{t('self.receiptLink', { receiptNo: x.receiptNo, date: formatDateId(x.paidOn), amount: formatRupiah(x.amountIdr) })}</a>
                {x.reversedAt && <> · <strong>{t('self.reversed')}</strong></>}
              </li>
            ))}
            <li data-testid="self-receipts-total"><strong>{t('self.receiptsTotal')}: {formatRupiah(r.receiptsTotalIdr)}</strong></li>
          </ul>
        )}
      </section>
      <section className="card" data-testid="self-family">
        <h2 className="section-title">{t('self.familyTitle')}</h2>
        <p>{benefitText}</p>
        <ul>
          <li>{t('self.jkm')}: <strong>{formatRupiah(r.family.jkm.totalIdr)}</strong></li>
          {r.family.jkkDeath && <li>{t('self.jkkDeath')}: <strong>{formatRupiah(r.family.jkkDeath.totalIdr)}</strong></li>}
        </ul>
      </section>
      <OptOuts optOuts={r.optOuts} onChange={onChange} />
    </>
  )
}

function OptOuts({ optOuts, onChange }: { optOuts: readonly string[]; onChange: () => void }) {
  const { t } = useTranslation()
  const channels = ['whatsapp', 'sms', 'all'] as const
  return (
    <section className="card" data-testid="self-messages">
      <h2 className="section-title">{t('self.messagesTitle')}</h2>
      <ul>
        {channels.map((c) => {
          const out = optOuts.includes(c)
          return (
            <li key={c}>
              {t(`self.${c}`)}: {out ? t('self.optedOut') : t('self.optedIn')}{' '}
              <button type="button" className="button" onClick={() => void selfApi.optOut(c, !out).then(onChange)}>{t('self.toggle')}</button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
