import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionUser } from '../app/roles'
import type { RegistrationChecks } from '../lib/registration-checks'
import { useLazy, type LazyLoad } from '../lib/use-lazy'
import { loadAuth, signOut, type AgenAuth } from './auth'
import { outbox } from './device'
import { useOutbox, type OutboxView } from './outbox/use-outbox'
import { CollectScreen } from './screens/collect'
import { CollectionsScreen } from './screens/collections'
import { DepositScreen } from './screens/deposit'
import { HomeScreen } from './screens/home'
import { OutboxScreen } from './screens/outbox'
import { PitchScreen } from './screens/pitch'
import { PortfolioScreen } from './screens/portfolio'
import { RegisterScreen } from './screens/register'
import { SignInScreen } from './screens/sign-in'

export const TABS = ['beranda', 'daftar', 'iuran', 'portofolio', 'setoran', 'manfaat', 'antrean'] as const
export type Tab = (typeof TABS)[number]

/** The rules (NIK prefixes, occupations, regulation data, quote and benefit engines) in their own chunk. */
const loadRules = () => import('../lib/registration-checks').then((m) => m.createRegistrationChecks())

export interface ScreenProps {
  user: SessionUser
  box: OutboxView
  rules: LazyLoad<RegistrationChecks>
  go: (tab: Tab, detail?: string) => void
  detail: string | undefined
}

function readHash(): { tab: Tab; detail: string | undefined } {
  const [tab, detail] = window.location.hash.replace(/^#/, '').split('/')
  return { tab: (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'beranda', detail: detail || undefined }
}

/** The Agen Perisai app: sign-in when signed out, else the tabs, with what waits to sync always in sight. */
export function AgenApp() {
  const [auth, setAuth] = useState<AgenAuth>({ status: 'loading' })
  useEffect(() => {
    void loadAuth().then(setAuth)
  }, [])
  if (auth.status === 'loading') return <p className="agen-loading" role="status">…</p>
  if (auth.status === 'signed-out') return <SignInScreen offline={auth.offline} onSignedIn={(user) => setAuth({ status: 'signed-in', user, offline: false })} />
  return <SignedIn user={auth.user} onSignedOut={() => setAuth({ status: 'signed-out', offline: false })} />
}

function SignedIn({ user, onSignedOut }: { user: SessionUser; onSignedOut: () => void }) {
  const { t, i18n } = useTranslation()
  const [route, setRoute] = useState(readHash)
  const rules = useLazy(loadRules)
  const box = useOutbox(outbox, user.id, onSignedOut)
  useEffect(() => {
    const onHash = () => setRoute(readHash())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  const go = useCallback((tab: Tab, detail?: string) => {
    window.location.hash = detail ? `${tab}/${detail}` : tab
    window.scrollTo(0, 0)
  }, [])
  const leave = async () => {
    if (box.pending > 0 && !window.confirm(t('app.signOutPending', { count: box.pending }))) return
    await signOut().catch(() => undefined)
    onSignedOut()
  }
  const props: ScreenProps = { user, box, rules, go, detail: route.detail }
  if (user.role !== 'agent') {
    return (
      <main className="agen-main">
        <p className="alert alert-error" role="alert">{t('app.notAgent')}</p>
        <a className="button" href="/">{t('app.toStaffApp')}</a>
      </main>
    )
  }
  return (
    <div className="agen">
      <header className="agen-header">
        <strong>{t('app.title')}</strong>
        <button type="button" className={`sync-chip${box.pending ? ' waiting' : ''}`} onClick={() => go('antrean')} data-testid="sync-chip">
          {!box.online ? t('sync.offline') : box.syncing ? t('sync.syncing') : null}
          {box.pending > 0 ? ` ${t('sync.waiting', { count: box.pending })}` : box.online && !box.syncing ? t('sync.allSent') : ''}
        </button>
        <button type="button" className="link-button" onClick={() => void i18n.changeLanguage(i18n.language === 'en' ? 'id' : 'en')}>
          {i18n.language === 'en' ? 'Bahasa Indonesia' : 'English'}
        </button>
        <button type="button" className="link-button" onClick={() => void leave()}>{t('app.signOut')}</button>
      </header>
      <main className="agen-main">
        {route.tab === 'beranda' && <HomeScreen {...props} />}
        {route.tab === 'daftar' && <RegisterScreen {...props} />}
        {route.tab === 'iuran' && <CollectScreen {...props} />}
        {route.tab === 'portofolio' && <PortfolioScreen {...props} />}
        {route.tab === 'setoran' && (route.detail === 'riwayat' ? <CollectionsScreen {...props} /> : <DepositScreen {...props} />)}
        {route.tab === 'manfaat' && <PitchScreen {...props} />}
        {route.tab === 'antrean' && <OutboxScreen {...props} />}
      </main>
      <nav className="agen-tabs" aria-label={t('app.menu')}>
        {TABS.map((tab) => (
          <a key={tab} href={`#${tab}`} aria-current={route.tab === tab ? 'page' : undefined}>
            {t(`tabs.${tab}`)}
            {tab === 'antrean' && box.pending > 0 ? <span className="badge" data-testid="pending-count">{box.pending}</span> : null}
          </a>
        ))}
      </nav>
    </div>
  )
}
