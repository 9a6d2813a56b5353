import { useTranslation } from 'react-i18next'
import { formatInstant, formatMonthShort, formatRupiah } from '../../lib/format'
import type { ScreenProps } from '../app'
import type { OutboxEntry } from '../outbox/types'

/** One outbox row; a collection is its receipt: "menunggu sinkron" on the phone, then the server's receipt number. */
function Entry({ entry, highlight }: { entry: OutboxEntry; highlight: boolean }) {
  const { t } = useTranslation()
  const { item, summary, state, result } = entry
  return (
    <li className={`outbox-entry state-${state}${highlight ? ' highlight' : ''}`} data-testid="outbox-entry" data-state={state} data-client-id={item.clientId}>
      <div className="entry-head">
        <strong>{t(`outbox.kind.${item.kind}`)}: {summary.name}</strong>
        <span className={`state-badge state-${state}`}>{t(`outbox.state.${state}`)}</span>
      </div>
      {item.kind === 'collect' && (
        <div className="receipt" data-testid="receipt">
          <div>{t('outbox.receipt')}: <strong data-testid="receipt-no">{result?.receiptNo ?? t('outbox.receiptWaiting')}</strong></div>
          <div>{formatRupiah(item.payload.amountIdr)} · {(result?.months ?? summary.months ?? []).map(formatMonthShort).join(', ')}</div>
          <div className="muted small">{t('outbox.collectedOn', { date: item.payload.collectedOn.split('-').reverse().join('/') })}</div>
        </div>
      )}
      {item.kind === 'register' && result?.kpj && <div className="muted small">KPJ {result.kpj}{result.existing ? ` · ${t('outbox.existing')}` : ''}</div>}
      {state === 'rejected' && result?.error && <p className="alert alert-error" role="alert" data-testid="entry-error">{result.error.message}</p>}
      {state === 'pending' && entry.lastError && <p className="muted small">{t('outbox.lastError', { count: entry.attempts, reason: entry.lastError })}</p>}
      <div className="muted small">{formatInstant(item.createdAt)}</div>
    </li>
  )
}

/** What waits to sync (count and list), what was sent, and what the server refused with its reason. */
export function OutboxScreen({ box, detail }: ScreenProps) {
  const { t } = useTranslation()
  const newestFirst = [...box.entries].reverse()
  return (
    <section aria-labelledby="outbox-title">
      <h1 id="outbox-title">{t('outbox.title')}</h1>
      <div className="card outbox-summary">
        <p data-testid="outbox-pending">{box.pending > 0 ? t('sync.waiting', { count: box.pending }) : t('sync.allSent')}</p>
        {!box.online && <p className="muted">{t('outbox.offlineNote')}</p>}
        <button type="button" className="button button-primary" disabled={!box.online || box.syncing || box.pending === 0} onClick={() => void box.syncNow()}>
          {box.syncing ? t('sync.syncing') : t('sync.now')}
        </button>
        {box.last?.kind === 'failed' && <p className="muted small">{t('outbox.failed', { reason: box.last.reason })}</p>}
      </div>
      <ul className="plain-list outbox-list">
        {newestFirst.map((entry) => <Entry key={entry.item.clientId} entry={entry} highlight={entry.item.clientId === detail} />)}
      </ul>
      {box.entries.length === 0 && <p className="muted">{t('outbox.empty')}</p>}
    </section>
  )
}
