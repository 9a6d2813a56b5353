import { useMutation, useQuery } from '@tanstack/react-query'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { sourceListResponse } from '../../../../src/areas/participants/http/schemas'
import { useAuth } from '../../app/auth-context'
import { useRouter } from '../../app/router'
import { ApiError, api } from '../../lib/api'
import { errorText } from '../../lib/error-text'
import { newIdempotencyKey as newKey } from '../../lib/idempotency-key'
import { formatRupiah } from '../../lib/format'
import { useLazy } from '../../lib/use-lazy'
import { useRegions } from '../../lib/use-regions'
import { FieldMessage } from '../../ui/query-state'
import { EMPTY_REGISTER_FORM, registrationBodyOf, type RegisterFormState } from './register-form-state'
import { liveChecks } from './register-live-checks'
import type { RegistrationAnswer } from './types'

type Sources = z.infer<typeof sourceListResponse>
/** The checks (NIK prefixes, phone metadata, occupations, the quote engine) come in their own chunk. */
const loadChecks = () => import('../../lib/registration-checks').then((m) => m.createRegistrationChecks())

/** The office a user works in (a cabang's branch, else the Kanwil), else the first source offered. */
function preferredSource(items: Sources['items'], branchCode: string | null) {
  const offices = items.filter((s) => s.kind === 'office')
  const words = (branchCode ?? '').replace(/-/g, ' ').toLowerCase()
  return (words && offices.find((s) => s.name.toLowerCase().includes(words))) || offices.find((s) => /kantor wilayah/i.test(s.name)) || offices[0] || items[0]
}

/** `/registri/baru`: register a BPU worker, checked as one types, with the monthly contribution beside the form. */
export function RegisterPage() {
  const { t, i18n } = useTranslation()
  const { navigate } = useRouter()
  const { state } = useAuth()
  const regions = useRegions()
  const load = useLazy(loadChecks)
  const checks = load.status === 'ready' ? load.value : null
  const [form, setForm] = useState<RegisterFormState>(EMPTY_REGISTER_FORM)
  const [regencyTouched, setRegencyTouched] = useState(false)
  const [missing, setMissing] = useState<string | null>(null)
  const [key] = useState(newKey)
  const sources = useQuery({ queryKey: ['sources'], queryFn: ({ signal }) => api.get<Sources>('/api/v1/sources', signal) })
  const set = <K extends keyof RegisterFormState>(k: K, v: RegisterFormState[K]) => setForm((f) => ({ ...f, [k]: v }))

  // the first office source is the default "who registers" for staff; an agent has its own
  useEffect(() => {
    const items = sources.data?.items ?? []
    const first = preferredSource(items, state.status === 'signed-in' ? state.user.branchCode : null)
    if (first && !form.sourceId) set('sourceId', first.id)
  }, [sources.data, form.sourceId])

  // an NIK names the regency of its holder: offer it until the user picks another
  const nikReading = checks && form.nik.replace(/\D/g, '').length === 16 ? checks.nik(form.nik) : null
  useEffect(() => {
    if (!regencyTouched && nikReading?.regencyCode && regions.byCode.has(nikReading.regencyCode) && form.regencyCode !== nikReading.regencyCode) set('regencyCode', nikReading.regencyCode)
    if (nikReading?.sex && !form.sex) set('sex', nikReading.sex)
  }, [nikReading?.regencyCode, nikReading?.sex, regencyTouched, regions.byCode, form.regencyCode, form.sex])

  const live = liveChecks(checks, form, t)
  const register = useMutation({
    mutationFn: (body: object) => api.post<RegistrationAnswer>('/api/v1/participants', body, { 'Idempotency-Key': key }),
    onSuccess: (answer) => navigate(`/registri/${answer.participant.id}`),
  })
  const serverField = register.error instanceof ApiError ? String(register.error.details.apiField ?? register.error.field ?? '') : ''
  const serverError = (field: string) => (serverField === field && register.error ? errorText(register.error, t) : null)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const result = registrationBodyOf(form)
    if ('missing' in result) {
      setMissing(result.missing)
      document.getElementById(`reg-${result.missing}`)?.focus()
      return
    }
    setMissing(null)
    register.mutate(result.body)
  }
  const needed = (field: string) => (missing === field ? t('register.required') : null)
  const quote = live.quote

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{t('register.eyebrow')}</p>
        <h1>{t('register.title')}</h1>
        <p className="lead">{t('register.intro')}</p>
      </header>
      {load.status === 'error' && <p className="alert alert-error" role="alert">{load.message}</p>}
      <div className="calculator">
        <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="reg-form-title">
          <h2 id="reg-form-title" className="section-title">{t('register.formTitle')}</h2>
          <div className="field">
            <label htmlFor="reg-nik">NIK</label>
            <input id="reg-nik" inputMode="numeric" autoComplete="off" value={form.nik} onChange={(e) => set('nik', e.target.value)} aria-invalid={live.nik?.error || serverError('nik') ? true : undefined} aria-describedby="reg-nik-msg" />
            <FieldMessage id="reg-nik-msg" error={serverError('nik') ?? live.nik?.error ?? needed('nik')} warning={live.nik?.warning} hint={live.nik?.hint ?? t('register.nikHint')} />
          </div>
          <div className="field">
            <label htmlFor="reg-name">{t('participant.name')}</label>
            <input id="reg-name" autoComplete="off" value={form.name} onChange={(e) => set('name', e.target.value)} aria-describedby="reg-name-msg" />
            <FieldMessage id="reg-name-msg" error={serverError('name') ?? needed('name')} hint={t('register.nameHint')} />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="reg-birthDate">{t('participant.birthDate')}</label>
              <input id="reg-birthDate" inputMode="numeric" placeholder="dd/mm/yyyy" autoComplete="off" value={form.birthDate} onChange={(e) => set('birthDate', e.target.value)} aria-invalid={live.birthDate ? true : undefined} aria-describedby="reg-birth-msg" />
              <FieldMessage id="reg-birth-msg" error={serverError('birthDate') ?? live.birthDate ?? needed('birthDate')} hint="dd/mm/yyyy" />
            </div>
            <fieldset className="field">
              <legend className="field-label">{t('participant.sex')}</legend>
              <div className="radio-row">
                {(['L', 'P'] as const).map((s) => (
                  <label key={s} className="check">
                    <input type="radio" name="sex" id={s === 'L' ? 'reg-sex' : undefined} value={s} checked={form.sex === s} onChange={() => set('sex', s)} />
                    {t(`sex.${s}`)}
                  </label>
                ))}
              </div>
              <FieldMessage id="reg-sex-msg" error={serverError('sex') ?? live.sex ?? needed('sex')} />
            </fieldset>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="reg-phone">{t('participant.phone')}</label>
              <input id="reg-phone" type="tel" autoComplete="off" value={form.phone} onChange={(e) => set('phone', e.target.value)} aria-invalid={live.phone?.error ? true : undefined} aria-describedby="reg-phone-msg" />
              <FieldMessage id="reg-phone-msg" error={serverError('phone') ?? live.phone?.error} hint={live.phone?.hint ?? t('register.phoneHint')} />
            </div>
            <div className="field">
              <label htmlFor="reg-regencyCode">{t('participant.regency')}</label>
              <select id="reg-regencyCode" value={form.regencyCode} onChange={(e) => { setRegencyTouched(true); set('regencyCode', e.target.value) }} aria-describedby="reg-regency-msg">
                <option value="">{t('calculator.chooseRegency')}</option>
                {regions.provinces.map((p) => (
                  <optgroup key={p.code} label={p.name}>
                    {p.regencies.map((r) => (
                      <option key={r.code} value={r.code}>{r.name}</option>
                    ))}
                  </optgroup>
                ))}
              </select>
              <FieldMessage id="reg-regency-msg" error={serverError('regencyCode') ?? needed('regencyCode')} hint={t('register.regencyHint')} />
            </div>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="reg-occupation">{t('register.occupation')}</label>
              <select id="reg-occupation" value={form.occupation} onChange={(e) => set('occupation', e.target.value)}>
                <option value="">{t('register.chooseOccupation')}</option>
                {checks?.occupations.map((o) => (
                  <option key={o.code} value={o.code}>{i18n.language === 'en' ? o.nameEn : o.nameId}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="reg-income">{t('calculator.income')}</label>
              <input id="reg-income" inputMode="numeric" value={form.income} onChange={(e) => set('income', e.target.value)} aria-invalid={live.income ? true : undefined} aria-describedby="reg-income-msg" />
              <FieldMessage id="reg-income-msg" error={serverError('declaredIncomeIdr') ?? live.income ?? needed('income')} hint={t('calculator.incomeHint')} />
            </div>
          </div>
          <label className="check">
            <input type="checkbox" checked={form.jht} onChange={(e) => set('jht', e.target.checked)} />
            {t('calculator.jht')}
          </label>
          <div className="field">
            <label htmlFor="reg-sourceId">{t('register.source')}</label>
            <select id="reg-sourceId" value={form.sourceId} onChange={(e) => set('sourceId', e.target.value)} aria-describedby="reg-source-msg">
              {(sources.data?.items ?? []).map((s) => (
                <option key={s.id} value={s.id}>{s.name}</option>
              ))}
            </select>
            <FieldMessage id="reg-source-msg" error={sources.error ? errorText(sources.error, t) : needed('sourceId')} />
          </div>
          <label className="check consent">
            <input id="reg-consent" type="checkbox" checked={form.consent} onChange={(e) => set('consent', e.target.checked)} />
            {t('register.consent')}
          </label>
          <FieldMessage id="reg-consent-msg" error={needed('consent')} />
          {register.error && !serverField && <p className="alert alert-error" role="alert">{errorText(register.error, t)}</p>}
          {register.error && serverField && <p className="alert alert-error" role="alert">{t('register.fixField')}</p>}
          <button type="submit" className="button button-primary" disabled={register.isPending}>
            {register.isPending ? t('register.submitting') : t('register.submit')}
          </button>
        </form>
        <section className="card result" aria-labelledby="reg-quote-title" aria-live="polite">
          <h2 id="reg-quote-title">{t('register.quoteTitle')}</h2>
          {!quote ? (
            <p className="muted">{t('calculator.rulesLoading')}</p>
          ) : 'error' in quote ? (
            <p className="alert alert-error" role="alert">{quote.error}</p>
          ) : (
            <>
              <ul className="plain-list">
                {quote.lines.map((l) => (
                  <li key={l.programme}>
                    {l.programme.toUpperCase()}: {formatRupiah(l.amountIdr)}
                  </li>
                ))}
              </ul>
              <div className="total">
                <span className="total-label">{t('register.perMonth')}</span>
                <span className="total-amount" data-testid="register-quote">{formatRupiah(quote.totalIdr)}</span>
              </div>
              {quote.discount && <p className="muted small">{t('register.discount')}</p>}
              <p className="muted small">{t('register.quoteNote')}</p>
            </>
          )}
        </section>
      </div>
    </div>
  )
}
