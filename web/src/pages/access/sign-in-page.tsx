import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../app/auth-context'
import { Link, useRouter } from '../../app/router'
import { homePathFor } from '../../app/routes'
import { ApiError } from '../../lib/api'
import { errorText } from '../../lib/error-text'

/** `/` for a signed-out user: username, password, "Masuk". */
export function SignInPage() {
  const { t } = useTranslation()
  const { signIn } = useAuth()
  const { navigate } = useRouter()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const errorId = useId()

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!username.trim() || !password) {
      setError(t('signIn.required'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      const user = await signIn(username.trim(), password)
      navigate(homePathFor(user.role), { replace: true })
    } catch (caught) {
      setError(caught instanceof ApiError && caught.code === 'forbidden' ? t('signIn.apiOnly') : errorText(caught, t))
      setBusy(false)
    }
  }

  return (
    <div className="sign-in">
      <section className="sign-in-hero" aria-labelledby="hero-title">
        <h2 id="hero-title">{t('signIn.heroTitle')}</h2>
        <p>{t('signIn.heroBody')}</p>
        <ul className="check-list">
          <li>{t('signIn.heroPoint1')}</li>
          <li>{t('signIn.heroPoint2')}</li>
          <li>{t('signIn.heroPoint3')}</li>
        </ul>
        <div className="hero-cta">
          <p>{t('signIn.calculatorCtaBody')}</p>
          <Link to="/kalkulator" className="button button-light">
            {t('signIn.calculatorCta')}
          </Link>
        </div>
      </section>
      <section className="card sign-in-card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.heading')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <form onSubmit={onSubmit} noValidate aria-describedby={error ? errorId : undefined}>
          <div className="field">
            <label htmlFor="username">{t('signIn.username')}</label>
            <input
              id="username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
              autoFocus
            />
          </div>
          <div className="field">
            <label htmlFor="password">{t('signIn.password')}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </div>
          {error && (
            <p id={errorId} className="alert alert-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </section>
    </div>
  )
}
