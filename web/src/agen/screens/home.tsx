import { useTranslation } from 'react-i18next'
import { formatCount, formatMonth, formatRupiah } from '../../lib/format'
import type { ScreenProps } from '../app'
import { CachedNote } from './cached-note'
import { useCached } from './use-cached'

interface Me {
  agent: { code: string; name: string; wadah: string | null; status: string }
  month: string
  targets: { registrations: number | null; collectionsIdr: number | null } | null
  progress: { registrations: number; collectionsIdr: number }
  cashOnHandIdr: number
  commission: { month: string; totalIdr: number } | null
}

interface Commission {
  month: string
  totalIdr: number
  lines: Array<{ kind: string; amountIdr: number; count: number; baseIdr: number }>
}

function Progress({ label, value, target, format }: { label: string; value: number; target: number | null | undefined; format: (n: number) => string }) {
  const share = target ? Math.min(1, value / target) : null
  return (
    <div className="progress-row">
      <span>{label}</span>
      <strong>{format(value)}{target ? ` / ${format(target)}` : ''}</strong>
      {share !== null && <progress max={1} value={share} />}
    </div>
  )
}

/** The agent's month: targets and progress, cash on hand, commission (GET /agen/me, /agen/commission), readable offline. */
export function HomeScreen({ user, box, go }: ScreenProps) {
  const { t, i18n } = useTranslation()
  const me = useCached<Me>(user.id, '/api/v1/agen/me')
  const month = me.status === 'ready' ? me.value.month : null
  const commission = useCached<Commission>(user.id, month ? `/api/v1/agen/commission?month=${month}` : null)
  const count = (n: number) => formatCount(n, i18n.language)
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.hello', { name: me.status === 'ready' ? me.value.agent.name : user.displayName || user.username })}</h1>
      {box.pending > 0 && (
        <button type="button" className="alert alert-warn block" onClick={() => go('antrean')}>{t('sync.waiting', { count: box.pending })}</button>
      )}
      <CachedNote state={me} />
      {me.status === 'ready' && (
        <div className="card">
          <h2 className="section-title">{t('home.month', { month: formatMonth(me.value.month, i18n.language) })}</h2>
          <Progress label={t('home.registrations')} value={me.value.progress.registrations} target={me.value.targets?.registrations} format={count} />
          <Progress label={t('home.collections')} value={me.value.progress.collectionsIdr} target={me.value.targets?.collectionsIdr} format={formatRupiah} />
          <div className="progress-row">
            <span>{t('home.cashOnHand')}</span>
            <strong data-testid="cash-on-hand">{formatRupiah(me.value.cashOnHandIdr)}</strong>
          </div>
        </div>
      )}
      {commission.status === 'ready' && (
        <div className="card">
          <h2 className="section-title">{t('home.commission')}</h2>
          <ul className="plain-list">
            {commission.value.lines.map((l, i) => (
              <li key={i}>{t(`home.lines.${l.kind}`, { defaultValue: l.kind })}: {formatRupiah(l.amountIdr)}</li>
            ))}
          </ul>
          <div className="total">
            <span className="total-label">{t('home.commissionTotal')}</span>
            <span className="total-amount" data-testid="commission-total">{formatRupiah(commission.value.totalIdr)}</span>
          </div>
        </div>
      )}
      <div className="quick-actions">
        <button type="button" className="button button-primary" onClick={() => go('daftar')}>{t('tabs.daftar')}</button>
        <button type="button" className="button" onClick={() => go('iuran')}>{t('tabs.iuran')}</button>
      </div>
    </section>
  )
}
