import { useTranslation } from 'react-i18next'
import { useAuth } from '../../app/auth-context'
import { Link } from '../../app/router'
import type { Role } from '../../app/roles'

type HomeRole = Extract<Role, 'admin' | 'agent' | 'pemda' | 'channel'>

const TEXT: Record<HomeRole, { titleKey: string; bodyKey: string }> = {
  admin: { titleKey: 'menu.adminHome', bodyKey: 'home.adminBody' },
  agent: { titleKey: 'menu.agentHome', bodyKey: 'home.agentBody' },
  pemda: { titleKey: 'menu.pemdaHome', bodyKey: 'home.pemdaBody' },
  channel: { titleKey: 'menu.channelHome', bodyKey: 'home.channelBody' },
}

/** The home of a role other than kanwil/cabang: a placeholder until its pages land (issue 9). */
export function RoleHomePage({ role }: { role: HomeRole }) {
  const { t } = useTranslation()
  const { state } = useAuth()
  const name = state.status === 'signed-in' ? state.user.displayName || state.user.username : ''
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{t(`roles.${role}`)}</p>
        <h1>{t(TEXT[role].titleKey)}</h1>
        <p className="lead">{t('home.welcome', { name })}</p>
        <p className="muted">{t(TEXT[role].bodyKey)}</p>
      </header>
      {role !== 'channel' && (
        <section className="card">
          <h2 className="section-title">{t('home.nextTitle')}</h2>
          <Link to="/kalkulator" className="action-link">
            {t('home.nextCalculator')} →
          </Link>
        </section>
      )}
    </div>
  )
}
