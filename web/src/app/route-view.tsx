import { lazy, Suspense, useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { AuditPage } from '../pages/access/audit-page'
import { AgentsPage } from '../pages/agents/agents-page'
import { SignInPage } from '../pages/access/sign-in-page'
import { WorklistsPage } from '../pages/contributions/worklists-page'
import { DashboardPage } from '../pages/coverage/dashboard-page'
import { ReportsPage } from '../pages/coverage/reports-page'
import { ChannelsPage } from '../pages/channels/channels-page'
import { ClaimsPage } from '../pages/claims/claims-page'
import { ComingSoonPage } from '../pages/home/coming-soon-page'
import { ForbiddenPage, NotFoundPage } from '../pages/home/error-pages'
import { RoleHomePage } from '../pages/home/role-home-page'
import { ImportsPage } from '../pages/imports/imports-page'
import { ProgrammePage } from '../pages/pemda/programme-page'
import { PemdaPortalPage, ProgrammesPage } from '../pages/pemda/programmes-page'
import { ParticipantPage } from '../pages/participants/participant-page'
import { ParticipantsPage } from '../pages/participants/participants-page'
import { RegisterPage } from '../pages/participants/register-page'
import { BenefitsPage } from '../pages/programmes/benefits-page'
import { CalculatorPage } from '../pages/programmes/calculator-page'
import { useAuth } from './auth-context'
import { useRouter } from './router'
import { accessTo, homePathFor, matchRoute, type PageId, type RouteDef } from './routes'

/** /agen is the agent app, its own page with its own bundle and service worker: leave the staff app for it. */
function AgentAppRedirect() {
  useEffect(() => {
    window.location.replace('/agen')
  }, [])
  return null
}

// the worker's page is its own chunk: a worker's phone never downloads the staff app's pages
const SelfServicePage = lazy(() => import('../pages/self-service/self-service-page').then((m) => ({ default: m.SelfServicePage })))

function pageFor(route: RouteDef, params: Record<string, string>): ReactNode {
  const pages: Record<PageId, () => ReactNode> = {
    home: () => <SignInPage />,
    calculator: () => <CalculatorPage />,
    dashboard: () => <DashboardPage />,
    'admin-home': () => <RoleHomePage role="admin" />,
    'agent-home': () => <AgentAppRedirect />,
    'pemda-home': () => <PemdaPortalPage />,
    'channel-home': () => <RoleHomePage role="channel" />,
    'coming-soon': () => <ComingSoonPage titleKey={route.titleKey} />,
    participants: () => <ParticipantsPage />,
    participant: () => <ParticipantPage id={params.id ?? ''} key={params.id} />,
    'participant-register': () => <RegisterPage />,
    worklists: () => <WorklistsPage />,
    imports: () => <ImportsPage />,
    audit: () => <AuditPage />,
    benefits: () => <BenefitsPage />,
    reports: () => <ReportsPage />,
    'pemda-programmes': () => <ProgrammesPage />,
    channels: () => <ChannelsPage />,
    agents: () => <AgentsPage />,
    claims: () => <ClaimsPage />,
    'pemda-programme': () => <ProgrammePage id={params.id ?? ''} key={params.id} />,
    'self-service': () => <Suspense fallback={null}><SelfServicePage /></Suspense>,
  }
  return pages[route.page]()
}

function Redirect({ to }: { to: string }) {
  const { navigate } = useRouter()
  useEffect(() => navigate(to, { replace: true }), [navigate, to])
  return null
}

/** Picks the page for the address: signed-out users meet the sign-in page at `/`, signed-in users their role's home. */
export function RouteView() {
  const { location } = useRouter()
  const { state } = useAuth()
  const { t } = useTranslation()
  const match = matchRoute(location.pathname)
  const route = match?.route

  useEffect(() => {
    const title = route ? t(route.titleKey) : t('notFound.title')
    document.title = `${title} · ${t('app.name')}`
  }, [route, t])

  if (!match || !route) return <NotFoundPage />
  if (state.status === 'loading' && (route.roles || route.page === 'home')) {
    return <p className="page-loading" role="status">{t('app.loading')}</p>
  }
  const role = state.status === 'signed-in' ? state.user.role : null
  if (route.page === 'home' && role) return <Redirect to={homePathFor(role)} />
  const access = accessTo(route, role)
  if (access.kind === 'sign-in') return <Redirect to="/" />
  if (access.kind === 'forbidden') return <ForbiddenPage />
  return pageFor(route, match.params)
}
