import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, queryString } from '../../lib/api'
import { errorText } from '../../lib/error-text'
import { formatCount, formatDateId, formatInstant, formatRupiah } from '../../lib/format'
import { QueryState } from '../../ui/query-state'

interface Partner { id: string; name: string; code: string; partnerServiceId: string; fee: number; sourceId: string; created: string }
interface Transaction {
  trxDateTime: string; kind: 'payment' | 'reversal'; paymentRequestId: string; referenceNo: string | null; customerNo: string
  receiptNo: string; periods: string[]; amount: number; fee: number; status: string; reversalOf: string | null
}
interface Fees { payments: number; grossIdr: number; feeIdr: number; netIdr: number }
interface Registration { trxDateTime: string; partnerReferenceNo: string; externalId: string; outcome: 'registered' | 'already_registered' | 'identity_conflict'; kpj: string | null }
interface Day { partner: Partner; date: string; transactions: Transaction[]; fees: Fees; registrations: Registration[] }
interface ReconciliationRun {
  id: string; date: string; reconciledAt: string; fileSha256: string; rows: number; matched: number
  onlyAtPartner: unknown[]; onlyAtSemesta: unknown[]; amountDiffers: unknown[]
}
interface Reconciliation {
  date: string; matched: number; fees: Fees
  onlyAtPartner: { paymentRequestId: string; line: number; amountIdr: number }[]
  onlyAtSemesta: { paymentRequestId: string; amountIdr: number; receiptNo: string }[]
  amountDiffers: { paymentRequestId: string; line: number; partnerAmountIdr: number; semestaAmountIdr: number }[]
}

/** Today in WIB (the partners' business day), `YYYY-MM-DD`. */
export function todayWib(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** `2026-02-10T10:00:05+07:00` → `10/02/2026 10.00`. */
const wibTime = (ts: string) => `${formatDateId(ts.slice(0, 10))} ${ts.slice(11, 16).replace(':', '.')}`

/** The day's reconciliation runs as kept (newest first): when, the file's rows, and what matched or differed. */
function ReconciliationHistory({ partnerId, date }: { partnerId: string; date: string }) {
  const { t, i18n } = useTranslation()
  const history = useQuery({
    queryKey: ['channel-reconciliations', partnerId, date],
    queryFn: ({ signal }) => api.get<{ items: ReconciliationRun[] }>(`/api/v1/channels/partners/${partnerId}/reconciliations${queryString({ date })}`, signal),
  })
  const items = history.data?.items ?? []
  return (
    <QueryState isLoading={history.isLoading} error={history.error}>
      <h3 className="subsection-title">{t('channels.historyTitle')}</h3>
      {items.length === 0 ? <p className="muted">{t('channels.historyEmpty')}</p> : (
        <div className="table-wrap">
          <table className="data-table compact" data-testid="reconciliation-history">
            <thead><tr><th>{t('channels.reconciledAt')}</th><th className="num">{t('channels.fileRows')}</th><th className="num">{t('channels.matched')}</th><th className="num">{t('channels.onlyAtPartner')}</th><th className="num">{t('channels.onlyAtSemesta')}</th><th className="num">{t('channels.amountDiffers')}</th></tr></thead>
            <tbody>{items.map((r) => (
              <tr key={r.id}><td>{formatInstant(r.reconciledAt)}</td><td className="num">{formatCount(r.rows, i18n.language)}</td><td className="num">{formatCount(r.matched, i18n.language)}</td><td className="num">{r.onlyAtPartner.length}</td><td className="num">{r.onlyAtSemesta.length}</td><td className="num">{r.amountDiffers.length}</td></tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </QueryState>
  )
}

function Reconcile({ partnerId, date }: { partnerId: string; date: string }) {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const run = useMutation({
    mutationFn: (chosen: File) => {
      const form = new FormData()
      form.append('file', chosen, chosen.name)
      return api.upload<Reconciliation>(`/api/v1/channels/partners/${partnerId}/reconciliations${queryString({ date })}`, form)
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['channel-reconciliations', partnerId, date] }),
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (file) run.mutate(file)
  }
  const r = run.data
  const rows = r ? [
    ...r.onlyAtPartner.map((x) => ({ kind: t('channels.onlyAtPartner'), id: x.paymentRequestId, line: String(x.line), partner: formatRupiah(x.amountIdr), semesta: '—' })),
    ...r.onlyAtSemesta.map((x) => ({ kind: t('channels.onlyAtSemesta'), id: x.paymentRequestId, line: '—', partner: '—', semesta: formatRupiah(x.amountIdr) })),
    ...r.amountDiffers.map((x) => ({ kind: t('channels.amountDiffers'), id: x.paymentRequestId, line: String(x.line), partner: formatRupiah(x.partnerAmountIdr), semesta: formatRupiah(x.semestaAmountIdr) })),
  ] : []
  return (
    <section className="card" aria-labelledby="reconcile-title">
      <h2 id="reconcile-title" className="section-title">{t('channels.reconcileTitle', { date: formatDateId(date) })}</h2>
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="settlement-file">{t('channels.settlementFile')}</label>
          <input id="settlement-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby="settlement-hint" />
          <span id="settlement-hint" className="field-hint">{t('channels.settlementHint')}</span>
        </div>
        <button type="submit" className="button button-primary" disabled={!file || run.isPending}>{t('channels.reconcile')}</button>
        {run.error && <p className="alert alert-error" role="alert">{errorText(run.error, t)}</p>}
      </form>
      {r && (
        <div data-testid="reconciliation" className="stack-top">
          <p className="lead">{t('channels.reconcileSummary', {
            matched: formatCount(r.matched, i18n.language), onlyAtPartner: formatCount(r.onlyAtPartner.length, i18n.language),
            onlyAtSemesta: formatCount(r.onlyAtSemesta.length, i18n.language), amountDiffers: formatCount(r.amountDiffers.length, i18n.language),
          })}</p>
          {rows.length > 0 && (
            <div className="table-wrap">
              <table className="data-table compact">
                <thead><tr><th>{t('channels.difference')}</th><th>paymentRequestId</th><th className="num">{t('channels.line')}</th><th className="num">{t('channels.partnerAmount')}</th><th className="num">{t('channels.semestaAmount')}</th></tr></thead>
                <tbody>{rows.map((x, i) => <tr key={i}><td>{x.kind}</td><td>{x.id}</td><td className="num">{x.line}</td><td className="num">{x.partner}</td><td className="num">{x.semesta}</td></tr>)}</tbody>
              </table>
            </div>
          )}
        </div>
      )}
      <ReconciliationHistory partnerId={partnerId} date={date} />
    </section>
  )
}

function PartnerDay({ partnerId }: { partnerId: string }) {
  const { t, i18n } = useTranslation()
  const [date, setDate] = useState(() => todayWib(new Date()))
  const day = useQuery({
    queryKey: ['channel-day', partnerId, date],
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
    queryFn: ({ signal }) => api.get<Day>(`/api/v1/channels/partners/${partnerId}/transactions${queryString({ date })}`, signal),
  })
  return (
    <>
      <section className="card" aria-labelledby="day-title">
        <h2 id="day-title" className="section-title">{t('channels.transactionsTitle', { name: day.data?.partner.name ?? '' })}</h2>
        <div className="field">
          <label htmlFor="channel-date">{t('channels.day')}</label>
          <input id="channel-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <QueryState isLoading={day.isLoading} error={day.error}>
          {day.data && (
            <>
              <p className="lead" data-testid="channel-fees">{t('channels.feesLine', {
                date: formatDateId(day.data.date), payments: formatCount(day.data.fees.payments, i18n.language),
                gross: formatRupiah(day.data.fees.grossIdr), fee: formatRupiah(day.data.fees.feeIdr), net: formatRupiah(day.data.fees.netIdr),
              })}</p>
              {day.data.transactions.length ? (
                <div className="table-wrap">
                  <table className="data-table" data-testid="channel-transactions">
                    <thead><tr><th>{t('channels.time')}</th><th>{t('channels.kind')}</th><th>{t('channels.customerNo')}</th><th>{t('channels.receiptNo')}</th><th>{t('channels.periods')}</th><th className="num">{t('channels.amount')}</th><th className="num">{t('channels.fee')}</th></tr></thead>
                    <tbody>
                      {day.data.transactions.map((x) => (
                        <tr key={`${x.kind}-${x.paymentRequestId}-${x.trxDateTime}`}>
                          <td>{wibTime(x.trxDateTime)} WIB</td>
                          <td>{t(`channels.${x.kind}`)}</td>
                          <td>{x.customerNo}</td>
                          <td>{x.receiptNo}</td>
                          <td>{x.periods.map((p) => `${p.slice(5, 7)}/${p.slice(0, 4)}`).join(', ')}</td>
                          <td className="num">{formatRupiah(x.amount)}</td>
                          <td className="num">{formatRupiah(x.fee)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : <p className="muted">{t('channels.noTransactions')}</p>}
              <h3 className="subsection-title">{t('channels.registrationsTitle')}</h3>
              {day.data.registrations.length ? (
                <div className="table-wrap">
                  <table className="data-table compact" data-testid="channel-registrations">
                    <thead><tr><th>{t('channels.time')}</th><th>partnerReferenceNo</th><th>{t('channels.kpj')}</th><th>{t('channels.outcome')}</th></tr></thead>
                    <tbody>
                      {day.data.registrations.map((x) => (
                        <tr key={x.partnerReferenceNo}>
                          <td>{wibTime(x.trxDateTime)} WIB</td>
                          <td>{x.partnerReferenceNo}</td>
                          <td>{x.kpj ?? '—'}</td>
                          <td>{t(`channels.outcomes.${x.outcome}`)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : <p className="muted">{t('channels.noRegistrations')}</p>}
            </>
          )}
        </QueryState>
      </section>
      <Reconcile partnerId={partnerId} date={date} key={`${partnerId}-${date}`} />
    </>
  )
}

/** `/mitra-kanal` (kanwil, cabang, admin): the channel partners, a partner's transactions of a WIB day, reconciliation. */
export function ChannelsPage() {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<string | null>(null)
  const list = useQuery({ queryKey: ['channel-partners'], queryFn: ({ signal }) => api.get<{ partners: Partner[] }>('/api/v1/channels/partners', signal) })
  const partnerId = chosen ?? list.data?.partners[0]?.id ?? null
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('menu.channels')}</h1>
        <p className="lead">{t('channels.intro')}</p>
      </header>
      <section className="card" aria-labelledby="partners-title">
        <h2 id="partners-title" className="section-title">{t('channels.partners')}</h2>
        <QueryState isLoading={list.isLoading} error={list.error}>
          {list.data?.partners.length ? (
            <div className="table-wrap">
              <table className="data-table" data-testid="channel-partners">
                <thead><tr><th>{t('channels.name')}</th><th>{t('channels.code')}</th><th>partnerServiceId</th><th className="num">{t('channels.feePerPayment')}</th><th>{t('channels.created')}</th></tr></thead>
                <tbody>
                  {list.data.partners.map((p) => (
                    <tr key={p.id} aria-selected={p.id === partnerId}>
                      <td><button type="button" className="link-button" onClick={() => setChosen(p.id)}>{p.name}</button></td>
                      <td>{p.code}</td>
                      <td>{p.partnerServiceId.trim()}</td>
                      <td className="num">{formatRupiah(p.fee)}</td>
                      <td>{formatDateId(todayWib(new Date(p.created)))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : <p className="muted">{t('channels.noPartners')}</p>}
        </QueryState>
      </section>
      {partnerId && <PartnerDay partnerId={partnerId} key={partnerId} />}
    </div>
  )
}
