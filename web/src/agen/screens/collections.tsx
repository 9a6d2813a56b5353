import { useTranslation } from 'react-i18next'
import { formatDateId, formatMonthShort, formatRupiah } from '../../lib/format'
import type { ScreenProps } from '../app'
import { CachedNote } from './cached-note'
import { useCached } from './use-cached'

interface Collections {
  items: Array<{ paymentId: string; receiptNo: string; kpj: string; name: string; amountIdr: number; months: string[]; collectedOn: string; deposited: boolean; reversed: boolean }>
}

/** Recent collections (GET /agen/collections): receipt, worker, amount, months, deposited or not, reversed; readable offline. */
export function CollectionsScreen({ user, go }: ScreenProps) {
  const { t } = useTranslation()
  const read = useCached<Collections>(user.id, '/api/v1/agen/collections')
  const items = read.status === 'ready' ? [...read.value.items].sort((a, b) => b.collectedOn.localeCompare(a.collectedOn)) : []
  return (
    <section aria-labelledby="collections-title">
      <h1 id="collections-title">{t('collections.title')}</h1>
      <button type="button" className="link-button" onClick={() => go('setoran')}>{t('collections.toDeposit')}</button>
      <CachedNote state={read} />
      {read.status === 'ready' && items.length === 0 && <p className="muted">{t('collections.none')}</p>}
      <ul className="plain-list card">
        {items.map((c) => (
          <li key={c.paymentId} className="portfolio-item" data-testid="collection-item" data-deposited={c.deposited} data-reversed={c.reversed}>
            <strong>{c.receiptNo}</strong> · {formatDateId(c.collectedOn)}
            <div>{c.name} <span className="muted">KPJ {c.kpj}</span></div>
            <div className="muted small">
              {formatRupiah(c.amountIdr)} · {c.months.map(formatMonthShort).join(', ')} ·{' '}
              {c.reversed ? <span className="badge">{t('collections.reversed')}</span> : c.deposited ? t('collections.deposited') : <strong>{t('collections.notDeposited')}</strong>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
