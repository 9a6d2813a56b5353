import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../app/auth-context'
import { Link } from '../../app/router'
import { REGISTRY_WRITERS } from '../../app/routes'
import { api } from '../../lib/api'
import { formatDateId, formatInstant, formatMonth, formatMonthShort, formatRupiah } from '../../lib/format'
import { useRegions } from '../../lib/use-regions'
import { QueryState } from '../../ui/query-state'
import { StatusBadge } from '../../ui/status-badge'
import { CorrectForm, EndForm, PayForm } from './participant-actions'
import type { Account, HistoryAnswer, Participant, PaymentListAnswer } from './types'

function AccountCard({ account }: { account: Account }) {
  const { t, i18n } = useTranslation()
  return (
    <section className="card" aria-labelledby="account-title">
      <h2 id="account-title" className="section-title">
        {t('participant.account', { date: formatDateId(account.asOf) })}
      </h2>
      <dl className="facts" data-testid="account">
        <div>
          <dt>{t('participants.status')}</dt>
          <dd>
            <StatusBadge status={account.status} />
          </dd>
        </div>
        <div>
          <dt>{t('participant.paidThrough')}</dt>
          <dd>{account.paidThrough ? formatMonth(account.paidThrough, i18n.language) : '—'}</dd>
        </div>
        <div>
          <dt>{t('participant.arrears')}</dt>
          <dd>{formatRupiah(account.arrearsIdr)}</dd>
        </div>
        <div>
          <dt>{t('participant.totalPaid')}</dt>
          <dd>{formatRupiah(account.totalPaidIdr)}</dd>
        </div>
        <div>
          <dt>{t('participant.credit')}</dt>
          <dd>{formatRupiah(account.creditIdr)}</dd>
        </div>
        <div>
          <dt>{t('participant.nextChange')}</dt>
          <dd>{account.nextChange ? t('participant.nextChangeText', { date: formatDateId(account.nextChange.date), status: t(`status.${account.nextChange.status}`) }) : '—'}</dd>
        </div>
      </dl>
      <MonthsTable account={account} />
    </section>
  )
}

function MonthsTable({ account }: { account: Account }) {
  const { t } = useTranslation()
  const months = account.months.slice(-24)
  if (months.length === 0) return <p className="muted">{t('participant.noMonths')}</p>
  return (
    <>
      <h3 className="subsection-title">{t('participant.months')}</h3>
      <ol className="month-strip" aria-label={t('participant.months')}>
        {months.map((m) => (
          <li key={m.month} className={`status-${m.status}`} title={`${formatMonthShort(m.month)}: ${t(`status.${m.status}`)}`}>
            <span className="month-strip-label">{formatMonthShort(m.month)}</span>
          </li>
        ))}
      </ol>
      <div className="table-wrap">
        <table className="data-table compact" data-testid="months">
          <thead>
            <tr>
              <th>{t('participant.month')}</th>
              <th>{t('participants.status')}</th>
              <th>{t('participant.state')}</th>
              <th className="num">{t('participant.due')}</th>
              <th className="num">{t('participant.paid')}</th>
            </tr>
          </thead>
          <tbody>
            {[...months].reverse().map((m) => (
              <tr key={m.month}>
                <td>{formatMonthShort(m.month)}</td>
                <td>
                  <StatusBadge status={m.status} />
                </td>
                <td>{t(`monthState.${m.state}`, { defaultValue: m.state })}</td>
                <td className="num">{formatRupiah(m.dueIdr)}</td>
                <td className="num">{formatRupiah(m.paidIdr)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

function Payments({ id, regencyCode }: { id: string; regencyCode: string }) {
  const { t } = useTranslation()
  const payments = useQuery({ queryKey: ['payments', id], queryFn: ({ signal }) => api.get<PaymentListAnswer>(`/api/v1/participants/${id}/payments`, signal) })
  return (
    <section className="card" aria-labelledby="payments-title">
      <h2 id="payments-title" className="section-title">
        {t('participant.payments')}
      </h2>
      <QueryState isLoading={payments.isLoading} error={payments.error}>
        {payments.data?.items.length ? (
          <div className="table-wrap">
            <table className="data-table compact" data-testid="payments">
              <thead>
                <tr>
                  <th>{t('participant.paidOn')}</th>
                  <th className="num">{t('participant.amount')}</th>
                  <th>{t('participant.channel')}</th>
                  <th>{t('participant.receipt')}</th>
                </tr>
              </thead>
              <tbody>
                {payments.data.items.map((p) => (
                  <tr key={p.paymentId} className={p.reversedAt ? 'muted' : undefined} data-reversed={p.reversedAt ? 'true' : undefined}>
                    <td>{formatDateId(p.paidOn)}</td>
                    <td className="num">{p.reversedAt ? <s>{formatRupiah(p.amountIdr)}</s> : formatRupiah(p.amountIdr)}</td>
                    <td>{t(`channel.${p.channel}`, { defaultValue: p.channel })}{p.reversedAt && <> · <strong>{t('participant.reversed')}</strong></>}</td>
                    <td>
                      <a href={`${p.receiptUrl}.pdf`} target="_blank" rel="noreferrer">
                        {p.receiptNo} (PDF)
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="payments-total"><th>{t('participant.paymentsTotal')}</th><th className="num">{formatRupiah(payments.data.totalIdr)}</th><th colSpan={2} /></tr>
              </tfoot>
            </table>
          </div>
        ) : (
          <p className="muted">{t('participant.noPayments')}</p>
        )}
      </QueryState>
      <p className="muted small">{t('participant.zoneNote', { zone: regencyCode.startsWith('9') ? 'WIT' : 'WITA' })}</p>
    </section>
  )
}

function History({ id, regencyCode }: { id: string; regencyCode: string }) {
  const { t } = useTranslation()
  const history = useQuery({ queryKey: ['history', id], queryFn: ({ signal }) => api.get<HistoryAnswer>(`/api/v1/participants/${id}/history`, signal) })
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title" className="section-title">
        {t('participant.history')}
      </h2>
      <QueryState isLoading={history.isLoading} error={history.error}>
        <ol className="timeline" data-testid="history">
          {[...(history.data?.items ?? [])].reverse().map((e) => (
            <li key={e.id}>
              <span className="timeline-when">{formatInstant(e.occurredAt, regencyCode)}</span>
              <span className="timeline-what">{t(`event.${e.kind}`, { defaultValue: e.kind })}</span>
              {e.kind === 'corrected' && typeof e.data.changes === 'object' && e.data.changes !== null && (
                <span className="timeline-detail">{Object.keys(e.data.changes).map((f) => t(`participant.fields.${f}`, { defaultValue: f })).join(', ')}</span>
              )}
              {e.kind === 'ended' && typeof e.data.reason === 'string' && <span className="timeline-detail">{t(`endReason.${e.data.reason}`, { defaultValue: e.data.reason })}</span>}
            </li>
          ))}
        </ol>
      </QueryState>
    </section>
  )
}

/** `/registri/:id`: who, the account month by month, payments with receipts, history; correct, end or take a payment. */
export function ParticipantPage({ id }: { id: string }) {
  const { t } = useTranslation()
  const { state } = useAuth()
  const regions = useRegions()
  const participant = useQuery({ queryKey: ['participant', id], queryFn: ({ signal }) => api.get<Participant>(`/api/v1/participants/${encodeURIComponent(id)}`, signal) })
  const account = useQuery({ queryKey: ['account', id], enabled: participant.isSuccess, queryFn: ({ signal }) => api.get<Account>(`/api/v1/participants/${id}/account`, signal) })
  const role = state.status === 'signed-in' ? state.user.role : null
  const mayWrite = role !== null && REGISTRY_WRITERS.includes(role)
  const p = participant.data

  return (
    <div className="page">
      <p>
        <Link to="/registri" className="action-link">
          ← {t('participant.back')}
        </Link>
      </p>
      <QueryState isLoading={participant.isLoading} error={participant.error}>
        {p && (
          <>
            <header className="page-header">
              <p className="eyebrow">{t(`category.${p.category}`, { defaultValue: p.category.toUpperCase() })}</p>
              <h1>{p.name}</h1>
              <p className="lead">
                KPJ <span className="mono">{p.kpj}</span> · <StatusBadge status={p.status} />
              </p>
            </header>
            <section className="card" aria-labelledby="who-title">
              <h2 id="who-title" className="section-title">
                {t('participant.identity')}
              </h2>
              <dl className="facts" data-testid="identity">
                <div>
                  <dt>NIK</dt>
                  <dd className="mono">{p.nik}</dd>
                </div>
                <div>
                  <dt>{t('participant.birthDate')}</dt>
                  <dd>{/^\d{4}-\d{2}-\d{2}$/.test(p.birthDate) ? formatDateId(p.birthDate) : p.birthDate}</dd>
                </div>
                <div>
                  <dt>{t('participant.sex')}</dt>
                  <dd>{t(`sex.${p.sex}`)}</dd>
                </div>
                <div>
                  <dt>{t('participant.phone')}</dt>
                  <dd className="mono">{p.phone ?? '—'}</dd>
                </div>
                <div>
                  <dt>{t('participant.regency')}</dt>
                  <dd>{regions.nameOf(p.regencyCode)}</dd>
                </div>
                <div>
                  <dt>{t('participant.registeredOn')}</dt>
                  <dd>{formatDateId(p.registeredOn)}</dd>
                </div>
                {p.endedOn && (
                  <div>
                    <dt>{t('participant.endedOn')}</dt>
                    <dd>
                      {formatDateId(p.endedOn)} ({t(`endReason.${p.endReason ?? 'other'}`, { defaultValue: p.endReason ?? '' })})
                    </dd>
                  </div>
                )}
              </dl>
              {p.personalDataMasked && <p className="muted small">{t('participants.masked')}</p>}
            </section>
            <QueryState isLoading={account.isLoading} error={account.error}>
              {account.data && <AccountCard account={account.data} />}
            </QueryState>
            {mayWrite && p.status !== 'berhenti' && <PayForm participant={p} />}
            <Payments id={p.id} regencyCode={p.regencyCode} />
            <History id={p.id} regencyCode={p.regencyCode} />
            {mayWrite && !p.personalDataMasked && p.status !== 'berhenti' && (
              <section className="card" aria-labelledby="change-title">
                <h2 id="change-title" className="section-title">
                  {t('participant.change')}
                </h2>
                <CorrectForm participant={p} />
                <EndForm participant={p} />
              </section>
            )}
          </>
        )}
      </QueryState>
    </div>
  )
}
