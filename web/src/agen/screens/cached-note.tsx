import { useTranslation } from 'react-i18next'
import { errorText } from '../../lib/error-text'
import { formatInstant } from '../../lib/format'
import type { CachedState } from './use-cached'

/** "Loading", the error, or, for a copy read offline, from when it is. */
export function CachedNote({ state }: { state: CachedState<unknown> }) {
  const { t } = useTranslation()
  if (state.status === 'loading') return <p className="muted" role="status">{t('app.loading')}</p>
  if (state.status === 'error') return <p className="alert alert-error" role="alert">{errorText(state.error, t)}</p>
  return state.fromCache ? <p className="muted small" data-testid="cached-note">{t('app.fromCache', { when: formatInstant(state.savedAt) })}</p> : null
}
