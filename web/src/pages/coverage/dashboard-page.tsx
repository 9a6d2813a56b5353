import { useTranslation } from 'react-i18next'
import { useAuth } from '../../app/auth-context'
import { Link } from '../../app/router'
import type { SessionUser } from '../../app/roles'

function scopeText(user: SessionUser, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (user.branchCode) return t('home.scopeBranch', { branch: user.branchCode })
  if (user.regionCodes.length > 0) return t('home.scopeRegions', { count: user.regionCodes.length })
  return t('home.scopeAll')
}

const CARDS = ['covered', 'active', 'coverage', 'target'] as const

/** The kanwil/cabang home. Its figures arrive with the registry and coverage areas (issue 9 grows it into the full dashboard). */
export function DashboardPage() {
  const { t } = useTranslation()
  const { state } = useAuth()
  if (state.status !== 'signed-in') return null
  const { user } = state
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{t(`roles.${user.role}`)}</p>
        <h1>{t('menu.dashboard')}</h1>
        <p className="lead">{t('home.welcome', { name: user.displayName || user.username })}</p>
        <p className="muted">{scopeText(user, t)}</p>
      </header>
      <section aria-labelledby="cards-title">
        <h2 id="cards-title" className="section-title">
          {t('home.cardsTitle')}
        </h2>
        <div className="stat-grid">
          {CARDS.map((card) => (
            <div className="stat-card" key={card}>
              <span className="stat-label">{t(`home.${card}`)}</span>
              <span className="stat-value">—</span>
              <span className="stat-note">{t('home.noData')}</span>
            </div>
          ))}
        </div>
      </section>
      <section className="card" aria-labelledby="next-title">
        <h2 id="next-title" className="section-title">
          {t('home.nextTitle')}
        </h2>
        <Link to="/kalkulator" className="action-link">
          {t('home.nextCalculator')} →
        </Link>
      </section>
    </div>
  )
}
