import { useTranslation } from 'react-i18next'
import { formatDateId, formatMonthShort, formatRupiah } from '../../lib/format'
import type { ScreenProps } from '../app'
import { contactLinks, PORTFOLIO_GROUPS, type Portfolio } from '../portfolio-types'
import { CachedNote } from './cached-note'
import { useCached } from './use-cached'

/** The agent's people by what they need: due this week, in arrears, about to lapse, lapsed, never paid; with call and WhatsApp links. */
export function PortfolioScreen({ user, go }: ScreenProps) {
  const { t } = useTranslation()
  const read = useCached<Portfolio>(user.id, '/api/v1/agen/portfolio')
  return (
    <section aria-labelledby="portfolio-title">
      <h1 id="portfolio-title">{t('portfolio.title')}</h1>
      <CachedNote state={read} />
      {read.status === 'ready' &&
        PORTFOLIO_GROUPS.map((group) => {
          const items = read.value.groups[group] ?? []
          return (
            <details key={group} className="card portfolio-group" open={items.length > 0 && items.length <= 20} data-testid={`portfolio-${group}`}>
              <summary>
                {t(`portfolio.groups.${group}`)} <span className="badge">{items.length}</span>
              </summary>
              <ul className="plain-list">
                {items.map((item) => {
                  const links = contactLinks(item.phone)
                  return (
                    <li key={item.participantId} className="portfolio-item">
                      <strong>{item.name}</strong> <span className="muted">KPJ {item.kpj}</span>
                      <div className="muted small">
                        {item.monthsOwed.length > 0 && <span>{t('portfolio.owed', { months: item.monthsOwed.map(formatMonthShort).join(', '), amount: formatRupiah(item.owedIdr) })} </span>}
                        {item.protectedUntil && <span>{t('portfolio.protectedUntil', { date: formatDateId(item.protectedUntil) })} </span>}
                        {item.nextDueDate && <span>{t('portfolio.nextDue', { date: formatDateId(item.nextDueDate) })} </span>}
                        {item.monthlyIdr != null && <span>{t('portfolio.monthly', { amount: formatRupiah(item.monthlyIdr) })}</span>}
                      </div>
                      <div className="item-actions">
                        {links && <a href={links.tel}>{t('portfolio.call')}</a>}
                        {links && <a href={links.whatsapp} target="_blank" rel="noreferrer">WhatsApp</a>}
                        <button type="button" className="link-button" onClick={() => go('iuran', `p:${item.participantId}`)}>{t('portfolio.collect')}</button>
                      </div>
                    </li>
                  )
                })}
              </ul>
            </details>
          )
        })}
    </section>
  )
}
