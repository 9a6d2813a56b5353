import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../lib/error-text'

/** Loading and error lines for a server read; renders `children` once there is data. */
export function QueryState({ isLoading, error, children }: { isLoading: boolean; error: unknown; children: ReactNode }) {
  const { t } = useTranslation()
  if (isLoading) return <p className="muted" role="status">{t('app.loading')}</p>
  if (error) return <p className="alert alert-error" role="alert">{errorText(error, t)}</p>
  return <>{children}</>
}

/** A field's error or hint, tied to its input by id (aria-describedby). */
export function FieldMessage({ id, error, warning, hint }: { id: string; error?: string | null; warning?: string | null; hint?: string | null }) {
  if (error) return <span id={id} className="field-error" role="alert">{error}</span>
  if (warning) return <span id={id} className="field-warning">{warning}</span>
  if (hint) return <span id={id} className="field-hint">{hint}</span>
  return null
}
