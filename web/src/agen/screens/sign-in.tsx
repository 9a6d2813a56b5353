import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionUser } from '../../app/roles'
import { errorText } from '../../lib/error-text'
import { signIn } from '../auth'

/** The agent's sign-in: the first screen when signed out (the app needs one online sign-in, then works offline). */
export function SignInScreen({ offline, onSignedIn }: { offline: boolean; onSignedIn: (user: SessionUser) => void }) {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!username.trim() || !password) return setError(t('signIn.required'))
    setBusy(true)
    setError(null)
    try {
      onSignedIn(await signIn(username.trim(), password))
    } catch (caught) {
      setError(errorText(caught, t))
      setBusy(false)
    }
  }
  return (
    <main className="agen-main agen-sign-in">
      <h1>{t('signIn.heading')}</h1>
      <p className="muted">{t('signIn.intro')}</p>
      {offline && <p className="alert alert-warn" role="status">{t('signIn.offline')}</p>}
      <form className="card" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="username">{t('signIn.username')}</label>
          <input id="username" autoComplete="username" autoCapitalize="none" spellCheck={false} value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">{t('signIn.password')}</label>
          <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {error && <p className="alert alert-error" role="alert">{error}</p>}
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? t('signIn.submitting') : t('signIn.submit')}</button>
      </form>
    </main>
  )
}
