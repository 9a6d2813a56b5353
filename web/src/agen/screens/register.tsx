import { useEffect, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatRupiah } from '../../lib/format'
import { buildRegionTree, readRegionList } from '../../pages/regions/region-tree'
import { EMPTY_REGISTER_FORM, registrationBodyOf, type RegisterFormState } from '../../pages/participants/register-form-state'
import { liveChecks } from '../../pages/participants/register-live-checks'
import { FieldMessage } from '../../ui/query-state'
import type { ScreenProps } from '../app'
import { newClientId, outbox } from '../device'
import type { RegisterPayload } from '../outbox/types'
import { useCached } from './use-cached'

/** What the worker consents to (stored with the registration, in Bahasa Indonesia whatever the app's language). */
const CONSENT_PURPOSE = 'Kepesertaan BPJS Ketenagakerjaan (pendaftaran oleh Agen Perisai melalui Semesta)'

/** Register a BPU worker on the phone: checked as one types with the server's rules, queued in the outbox, synced when there is signal. */
export function RegisterScreen({ user, box, rules, go }: ScreenProps) {
  const { t, i18n } = useTranslation()
  const checks = rules.status === 'ready' ? rules.value : null
  const regionsRead = useCached<unknown>(user.id, '/api/v1/regions')
  const provinces = useMemo(() => buildRegionTree(regionsRead.status === 'ready' ? readRegionList(regionsRead.value) : []), [regionsRead])
  const mine = useMemo(() => provinces.flatMap((p) => p.regencies).filter((r) => user.regionCodes.includes(r.code)), [provinces, user.regionCodes])
  const [form, setForm] = useState<RegisterFormState>({ ...EMPTY_REGISTER_FORM, sourceId: 'agen', regencyCode: user.regionCodes[0] ?? '' })
  const [missing, setMissing] = useState<string | null>(null)
  const [saved, setSaved] = useState<{ clientId: string; name: string } | null>(null)
  const set = <K extends keyof RegisterFormState>(k: K, v: RegisterFormState[K]) => setForm((f) => ({ ...f, [k]: v }))
  const live = liveChecks(checks, form, t)
  const reading = checks && form.nik.replace(/\D/g, '').length === 16 ? checks.nik(form.nik) : null
  useEffect(() => {
    if (reading?.sex && !form.sex) set('sex', reading.sex)
  }, [reading?.sex, form.sex])

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const result = registrationBodyOf(form)
    // the server requires a BPU's occupation (it also sets the PP 50/2025 sector): ask for it here, not after a sync
    if ('missing' in result || live.nik?.error || !form.occupation) {
      const field = 'missing' in result ? result.missing : live.nik?.error ? 'nik' : 'occupation'
      setMissing(field)
      document.getElementById(`reg-${field}`)?.focus()
      return
    }
    setMissing(null)
    const { sourceId: _server, ...rest } = result.body
    const payload = { ...rest, consent: { given: true as const, purpose: CONSENT_PURPOSE } }
    const clientId = newClientId()
    const quote = live.quote && !('error' in live.quote) ? live.quote.totalIdr : undefined
    await outbox.add({
      userId: user.id, state: 'pending', attempts: 0,
      item: { clientId, kind: 'register', createdAt: new Date().toISOString(), payload: payload as RegisterPayload },
      summary: { name: payload.name, ...(quote !== undefined ? { amountIdr: quote } : {}) },
    })
    setSaved({ clientId, name: payload.name })
    setForm({ ...EMPTY_REGISTER_FORM, sourceId: 'agen', regencyCode: form.regencyCode })
    void box.syncNow()
  }
  const needed = (field: string) => (missing === field ? t('register.required') : null)
  const quote = live.quote

  return (
    <section aria-labelledby="reg-title">
      <h1 id="reg-title">{t('register.title')}</h1>
      {saved && (
        <div className="alert alert-success" role="status" data-testid="register-saved">
          <p>{t('register.saved', { name: saved.name })}</p>
          <button type="button" className="button" onClick={() => go('iuran', saved.clientId)}>{t('register.collectNow')}</button>
        </div>
      )}
      {rules.status === 'error' && <p className="alert alert-error" role="alert">{rules.message}</p>}
      <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor="reg-nik">NIK</label>
          <input id="reg-nik" inputMode="numeric" autoComplete="off" value={form.nik} onChange={(e) => set('nik', e.target.value)} aria-describedby="reg-nik-msg" />
          <FieldMessage id="reg-nik-msg" error={live.nik?.error ?? needed('nik')} warning={live.nik?.warning} hint={live.nik?.hint ?? t('register.nikHint')} />
        </div>
        <div className="field">
          <label htmlFor="reg-name">{t('register.name')}</label>
          <input id="reg-name" autoComplete="off" value={form.name} onChange={(e) => set('name', e.target.value)} />
          <FieldMessage id="reg-name-msg" error={needed('name')} />
        </div>
        <div className="field">
          <label htmlFor="reg-birthDate">{t('register.birthDate')}</label>
          <input id="reg-birthDate" inputMode="numeric" placeholder="dd/mm/yyyy" autoComplete="off" value={form.birthDate} onChange={(e) => set('birthDate', e.target.value)} aria-describedby="reg-birth-msg" />
          <FieldMessage id="reg-birth-msg" warning={live.birthDate} error={needed('birthDate')} hint="dd/mm/yyyy" />
        </div>
        <fieldset className="field">
          <legend className="field-label">{t('register.sex')}</legend>
          <div className="radio-row">
            {(['L', 'P'] as const).map((s) => (
              <label key={s} className="check">
                <input type="radio" name="sex" id={s === 'L' ? 'reg-sex' : undefined} checked={form.sex === s} onChange={() => set('sex', s)} />
                {t(`sex.${s}`)}
              </label>
            ))}
          </div>
          <FieldMessage id="reg-sex-msg" warning={live.sex} error={needed('sex')} />
        </fieldset>
        <div className="field">
          <label htmlFor="reg-phone">{t('register.phone')}</label>
          <input id="reg-phone" type="tel" autoComplete="off" value={form.phone} onChange={(e) => set('phone', e.target.value)} />
          <FieldMessage id="reg-phone-msg" error={live.phone?.error} hint={live.phone?.hint ?? t('register.phoneHint')} />
        </div>
        <div className="field">
          <label htmlFor="reg-regencyCode">{t('register.regency')}</label>
          <select id="reg-regencyCode" value={form.regencyCode} onChange={(e) => set('regencyCode', e.target.value)}>
            <option value="">{t('register.chooseRegency')}</option>
            {mine.length > 0 && (
              <optgroup label={t('register.myRegions')}>
                {mine.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
              </optgroup>
            )}
            {provinces.map((p) => (
              <optgroup key={p.code} label={p.name}>
                {p.regencies.filter((r) => !user.regionCodes.includes(r.code)).map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
              </optgroup>
            ))}
            {form.regencyCode && !provinces.length && <option value={form.regencyCode}>{form.regencyCode}</option>}
          </select>
          <FieldMessage id="reg-regency-msg" error={needed('regencyCode')} />
        </div>
        <div className="field">
          <label htmlFor="reg-occupation">{t('register.occupation')}</label>
          <select id="reg-occupation" value={form.occupation} onChange={(e) => set('occupation', e.target.value)}>
            <option value="">{t('register.chooseOccupation')}</option>
            {checks?.occupations.map((o) => <option key={o.code} value={o.code}>{i18n.language === 'en' ? o.nameEn : o.nameId}</option>)}
          </select>
          <FieldMessage id="reg-occupation-msg" error={needed('occupation')} />
        </div>
        <div className="field">
          <label htmlFor="reg-income">{t('register.income')}</label>
          <input id="reg-income" inputMode="numeric" value={form.income} onChange={(e) => set('income', e.target.value)} />
          <FieldMessage id="reg-income-msg" error={live.income ?? needed('income')} />
        </div>
        <label className="check">
          <input type="checkbox" checked={form.jht} onChange={(e) => set('jht', e.target.checked)} />
          {t('register.jht')}
        </label>
        <div className="total" aria-live="polite">
          <span className="total-label">{t('register.perMonth')}</span>
          <span className="total-amount" data-testid="register-quote">{quote && !('error' in quote) ? formatRupiah(quote.totalIdr) : '—'}</span>
        </div>
        {quote && !('error' in quote) && quote.discount && <p className="muted small">{t('register.discount')}</p>}
        {quote && 'error' in quote && <p className="alert alert-error">{quote.error}</p>}
        <label className="check consent">
          <input id="reg-consent" type="checkbox" checked={form.consent} onChange={(e) => set('consent', e.target.checked)} />
          {t('register.consent')}
        </label>
        <FieldMessage id="reg-consent-msg" error={needed('consent')} />
        <button type="submit" className="button button-primary">{t('register.submit')}</button>
        <p className="muted small">{t('register.offlineNote')}</p>
      </form>
    </section>
  )
}
