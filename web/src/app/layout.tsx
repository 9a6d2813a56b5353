import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from './auth-context'
import { LanguageSwitch } from './language-switch'
import { menuFor } from './menu'
import { Link, useRouter } from './router'

function Brand() {
  const { t } = useTranslation()
  return (
    <Link to="/" className="brand">
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
        <circle cx="16" cy="16" r="15" />
        <path d="M9 17l5 5 9-11" />
      </svg>
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </span>
    </Link>
  )
}

function UserMenu() {
  const { t } = useTranslation()
  const { state, signOut } = useAuth()
  const { navigate } = useRouter()
  if (state.status !== 'signed-in') {
    return (
      <Link to="/kalkulator" className="header-link">
        {t('nav.calculator')}
      </Link>
    )
  }
  const { user } = state
  const onSignOut = async () => {
    await signOut()
    navigate('/', { replace: true })
  }
  return (
    <div className="user-menu">
      <span className="user-chip" title={t('nav.signedInAs', { name: user.username })}>
        <span className="user-name">{user.displayName || user.username}</span>
        <span className="user-role">{t(`roles.${user.role}`)}</span>
      </span>
      <button type="button" className="button button-quiet" onClick={onSignOut}>
        {t('nav.signOut')}
      </button>
    </div>
  )
}

function SideMenu() {
  const { t } = useTranslation()
  const { state } = useAuth()
  if (state.status !== 'signed-in') return null
  return (
    <nav className="side-menu" aria-label={t('nav.menu')}>
      <ul>
        {menuFor(state.user.role).map((item) => (
          <li key={item.path}>
            <Link to={item.path}>
              <span>{t(item.labelKey)}</span>
              {item.comingSoon && <span className="badge">{t('menu.comingSoon')}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** After an in-app navigation, focus moves to the page (not on first load: the sign-in form focuses its first field). */
function useFocusMainOnNavigation(): void {
  const { location } = useRouter()
  const shown = useRef(location.pathname)
  useEffect(() => {
    if (shown.current === location.pathname) return
    shown.current = location.pathname
    const main = document.getElementById('main')
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true })
  }, [location.pathname])
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { state } = useAuth()
  const signedIn = state.status === 'signed-in'
  useFocusMainOnNavigation()
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="header-inner">
          <Brand />
          <div className="header-actions">
            <UserMenu />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <div className={signedIn ? 'app-body with-menu' : 'app-body'}>
        <SideMenu />
        <main id="main" className="app-main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
        <p className="muted">{t('app.footerData')}</p>
      </footer>
    </div>
  )
}
