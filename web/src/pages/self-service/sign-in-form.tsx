import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { selfApi } from './self-api'

/** Step 1 (NIK/KPJ + birth date) and step 2 (the code from the phone); calls `onSignedIn` once the session is set. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation()
  const [number, setNumber] = useState('')
  const [birthDate, setBirthDate] = useState('')
  const [code, setCode] = useState('')
  const [challenge, setChallenge] = useState<{ challengeId: string; minutes: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }
  const ask = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      const r = await selfApi.signIn(number, birthDate)
      setChallenge({ challengeId: r.challengeId, minutes: Math.round(r.expiresInSeconds / 60) })
      setCode('')
    })
  }
  const verify = (event: FormEvent) => {
    event.preventDefault()
    if (!challenge) return
    void run(async () => {
      await selfApi.verify(challenge.challengeId, code)
      onSignedIn()
    })
  }

  return (
    <section className="card">
      <p>{t('self.intro')}</p>
      {challenge === null ? (
        <form onSubmit={ask} className="form">
          <label className="field">
            <span>{t('self.number')}</span>
            <input name="number" inputMode="numeric" autoComplete="off" required value={number} onChange={(e) => setNumber(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('self.birthDate')}</span>
            <input name="birthDate" type="date" required value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />
          </label>
          <button type="submit" className="button button-primary" disabled={busy}>{t('self.sendCode')}</button>
        </form>
      ) : (
        <form onSubmit={verify} className="form">
          <p role="status">{t('self.codeSent', { minutes: challenge.minutes })}</p>
          <label className="field">
            <span>{t('self.code')}</span>
            <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value)} />
          </label>
          <button type="submit" className="button button-primary" disabled={busy}>{t('self.verify')}</button>
          <button type="button" className="button" onClick={() => setChallenge(null)}>{t('self.again')}</button>
        </form>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  )
}
