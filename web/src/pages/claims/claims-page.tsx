import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClaimDetailView, ClaimView, ClaimsReportView } from '../../../../src/areas/claims/http/schemas'
import { CLAIM_KINDS, CLAIMANT_RELATIONS, REQUIRED_DOCUMENTS, type ClaimAction, type ClaimKind } from '../../../../src/areas/claims/domain/index'
import { api, queryString } from '../../lib/api'
import { errorText } from '../../lib/error-text'
import { formatDateId, formatRupiah } from '../../lib/format'
import { newIdempotencyKey } from '../../lib/idempotency-key'
import { useRegions } from '../../lib/use-regions'
import { QueryState } from '../../ui/query-state'
import { ClaimScholarships } from './claim-scholarships'

function Report() {
  const { t } = useTranslation()
  const regions = useRegions()
  const year = String(new Date().getFullYear())
  const report = useQuery({ queryKey: ['claims-report', year], queryFn: ({ signal }) => api.get<ClaimsReportView>(`/api/v1/claims/report${queryString({ from: `${year}-01-01` })}`, signal) })
  const r = report.data
  return (
    <section className="card" aria-labelledby="claims-report-title">
      <h2 id="claims-report-title" className="section-title">{t('claims.reportTitle', { year })}</h2>
      <p className="field-hint">{t('claims.serviceLevels')}</p>
      <QueryState isLoading={report.isLoading} error={report.error}>
        {r && (
          <table className="data-table compact" data-testid="claims-report">
            <thead><tr><th>{t('claims.group')}</th><th>{t('claims.filed')}</th><th>{t('claims.paid')}</th><th>{t('claims.rejected')}</th><th>{t('claims.paidIdr')}</th><th>{t('claims.within')}</th><th>{t('claims.late')}</th><th>{t('claims.daysEventToPaid')}</th></tr></thead>
            <tbody>
              {[r.total, ...r.byProgramme, ...r.byRegion.map((b) => ({ ...b, key: regions.nameOf(b.key) }))].map((b, i) => (
                <tr key={`${i}-${b.key}`}><td>{b.key === 'all' ? t('claims.total') : b.key}</td><td>{b.filed}</td><td>{b.paid}</td><td>{b.rejected}</td><td>{formatRupiah(b.paidIdr)}</td><td>{b.withinLevel}</td><td>{b.late}</td><td>{b.avgDaysEventToPaid ?? '—'}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  )
}

/** A clerk types the member's KPJ (11 digits) as on the card, or the participant id a link gave them. */
async function participantIdOf(typed: string): Promise<string> {
  const value = typed.trim()
  if (!/^\d{11}$/.test(value)) return value
  return (await api.get<{ id: string }>(`/api/v1/participants/kpj/${value}`)).id
}

function FileClaim({ onFiled }: { onFiled: (id: string) => void }) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<ClaimKind>('jkm')
  const [form, setForm] = useState({ participantId: '', eventDate: '', name: '', relation: 'suami_istri', children: '', birth1: '', birth2: '', wage: '' })
  const [docs, setDocs] = useState<Record<string, boolean>>({})
  const [key] = useState(newIdempotencyKey)
  const file = useMutation({
    mutationFn: async () => api.post<ClaimView>('/api/v1/claims', {
      participantId: await participantIdOf(form.participantId), kind, eventDate: form.eventDate, claimant: { name: form.name, relation: form.relation }, documents: docs,
      details: {
        ...(form.children ? { children: form.children.split(',').map((c) => c.trim()).filter(Boolean) } : {}),
        ...(form.birth1 ? { childBirthDates: [form.birth1, ...(form.birth2 ? [form.birth2] : [])] } : {}),
        ...(form.wage ? { wageIdr: Number(form.wage) } : {}),
      },
    }, { 'idempotency-key': key }),
    onSuccess: (c) => onFiled(c.id),
  })
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value })
  const onSubmit = (e: FormEvent) => { e.preventDefault(); file.mutate() }
  return (
    <section className="card" aria-labelledby="file-claim-title">
      <h2 id="file-claim-title" className="section-title">{t('claims.fileTitle')}</h2>
      <form onSubmit={onSubmit}>
        <div className="field"><label htmlFor="claim-participant">{t('claims.participantId')}</label><input id="claim-participant" value={form.participantId} onChange={set('participantId')} required /></div>
        <div className="field"><label htmlFor="claim-kind">{t('claims.kind')}</label>
          <select id="claim-kind" value={kind} onChange={(e) => setKind(e.target.value as ClaimKind)}>{CLAIM_KINDS.map((k) => <option key={k} value={k}>{t(`claims.kinds.${k}`)}</option>)}</select></div>
        <div className="field"><label htmlFor="claim-event">{t('claims.eventDate')}</label><input id="claim-event" type="date" value={form.eventDate} onChange={set('eventDate')} required /></div>
        <div className="field"><label htmlFor="claim-name">{t('claims.claimantName')}</label><input id="claim-name" value={form.name} onChange={set('name')} required /></div>
        <div className="field"><label htmlFor="claim-relation">{t('claims.relation')}</label>
          <select id="claim-relation" value={form.relation} onChange={set('relation')}>{CLAIMANT_RELATIONS.map((r) => <option key={r} value={r}>{t(`claims.relations.${r}`, { defaultValue: r })}</option>)}</select></div>
        <div className="field"><label htmlFor="claim-children">{t('claims.children')}</label><input id="claim-children" value={form.children} onChange={set('children')} placeholder="sd, sma" /></div>
        <div className="field"><label htmlFor="claim-birth-1">{t('claims.childBirth', { n: 1 })}</label><input id="claim-birth-1" type="date" value={form.birth1} onChange={set('birth1')} aria-describedby="claim-birth-hint" /></div>
        <div className="field"><label htmlFor="claim-birth-2">{t('claims.childBirth', { n: 2 })}</label><input id="claim-birth-2" type="date" value={form.birth2} onChange={set('birth2')} aria-describedby="claim-birth-hint" />
          <span id="claim-birth-hint" className="field-hint">{t('claims.childBirthHint')}</span></div>
        <div className="field"><label htmlFor="claim-wage">{t('claims.wage')}</label><input id="claim-wage" inputMode="numeric" value={form.wage} onChange={set('wage')} /></div>
        <fieldset><legend>{t('claims.documents')}</legend>
          {REQUIRED_DOCUMENTS[kind].map((d) => <label key={d} className="check"><input type="checkbox" checked={docs[d] === true} onChange={(e) => setDocs({ ...docs, [d]: e.target.checked })} /> {t(`claims.documentNames.${d}`, { defaultValue: d })}</label>)}
        </fieldset>
        {file.error && <p className="form-error" role="alert">{errorText(file.error, t)}</p>}
        <button type="submit" className="button button-primary" disabled={file.isPending}>{t('claims.file')}</button>
      </form>
    </section>
  )
}

/** Finance records the bank transfer of a paid claim to its claimant (the claim's payable leaves the bank). */
function Disburse({ claim }: { claim: ClaimDetailView }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [bankCode, setBankCode] = useState('')
  const [bankReference, setBankReference] = useState('')
  const run = useMutation({
    mutationFn: () => api.post<ClaimView>(`/api/v1/claims/${claim.id}/disbursements`, { version: claim.version, bankCode: bankCode.trim(), bankReference: bankReference.trim() }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['claim', claim.id] }), client.invalidateQueries({ queryKey: ['claims'] })]),
  })
  const disbursed = claim.steps.filter((s) => s.action === 'disburse')
  return (
    <fieldset className="stack-top">
      <legend>{t('claims.disburseTitle')}</legend>
      {disbursed.map((s, i) => <p key={i} className="muted small">{t('claims.disbursed', { reference: s.reason ?? '' })}</p>)}
      <div className="field"><label htmlFor="disburse-bank">{t('claims.bankCode')}</label><input id="disburse-bank" value={bankCode} onChange={(e) => setBankCode(e.target.value)} placeholder="BNI-DPS" /></div>
      <div className="field"><label htmlFor="disburse-ref">{t('claims.bankReference')}</label><input id="disburse-ref" value={bankReference} onChange={(e) => setBankReference(e.target.value)} /></div>
      <button type="button" className="button" onClick={() => run.mutate()} disabled={run.isPending || bankCode.trim().length < 2 || bankReference.trim().length < 3}>{t('claims.disburse')}</button>
      {run.error && <p className="form-error" role="alert">{errorText(run.error, t)}</p>}
    </fieldset>
  )
}

function ClaimDetail({ id }: { id: string }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [reason, setReason] = useState('')
  const claim = useQuery({ queryKey: ['claim', id], queryFn: ({ signal }) => api.get<ClaimDetailView>(`/api/v1/claims/${id}`, signal) })
  const move = useMutation({
    mutationFn: (action: ClaimAction) => {
      const c = claim.data!
      const documents = action === 'verify' ? Object.fromEntries(Object.keys(c.documents).map((d) => [d, true])) : undefined
      return api.post<ClaimView>(`/api/v1/claims/${id}/steps`, { action, version: c.version, ...(action === 'reject' ? { reason } : {}), ...(documents ? { documents } : {}) })
    },
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['claim', id] }), client.invalidateQueries({ queryKey: ['claims'] }), client.invalidateQueries({ queryKey: ['claims-report'] })]),
  })
  const c = claim.data
  const next: Partial<Record<string, ClaimAction>> = { submitted: 'verify', verified: 'approve', approved: 'pay' }
  return (
    <section className="card" aria-labelledby="claim-detail-title">
      <QueryState isLoading={claim.isLoading} error={claim.error}>
        {c && (<>
          <h2 id="claim-detail-title" className="section-title">{t(`claims.kinds.${c.kind}`)} · {t(`claims.statuses.${c.status}`)}</h2>
          <p data-testid="claim-eligibility">{t(`claims.decisions.${c.eligibility.decision}`)}: {t('claims.payNow')} {formatRupiah(c.eligibility.payNowIdr)}, {t('claims.afterArrears')} {formatRupiah(c.eligibility.afterArrearsIdr)}</p>
          {/* Bahasa Indonesia first (by code), the engine's own sentence with its figures and citation beside it */}
          <ul>{c.eligibility.reasons.map((r) => <li key={r.code + r.message}>{t(`claims.reasonCodes.${r.code}`, { defaultValue: r.message })} <span className="muted small">({r.message})</span></li>)}</ul>
          {c.paidOn && <p>{t('claims.paidOn', { date: formatDateId(c.paidOn), amount: formatRupiah(c.paidIdr ?? 0) })}</p>}
          {c.status === 'paid' && (c.withheldIdr ?? 0) > 0 && (<>
            <p data-testid="claim-withheld">{t('claims.withheld', { amount: formatRupiah(c.withheldIdr ?? 0) })}</p>
            <button type="button" className="button button-primary" onClick={() => move.mutate('release')} disabled={move.isPending}>{t('claims.actions.release')}</button>
          </>)}
          {c.status === 'paid' && <Disburse claim={c} />}
          {c.rejectionReason && <p>{t('claims.rejectedBecause', { reason: c.rejectionReason })}</p>}
          {next[c.status] && <button type="button" className="button button-primary" onClick={() => move.mutate(next[c.status]!)} disabled={move.isPending}>{t(`claims.actions.${next[c.status]}`)}</button>}
          {c.status !== 'paid' && c.status !== 'rejected' && (
            <div className="field"><label htmlFor="reject-reason">{t('claims.reason')}</label><input id="reject-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
              <button type="button" className="button" onClick={() => move.mutate('reject')} disabled={move.isPending || reason.trim().length < 3}>{t('claims.actions.reject')}</button></div>
          )}
          {move.error && <p className="form-error" role="alert">{errorText(move.error, t)}</p>}
          <ClaimScholarships claim={c} />
        </>)}
      </QueryState>
    </section>
  )
}

/** `/klaim` (kanwil, cabang, admin): the claims register — report, list, filing and the workflow (issue 11 items 3–4). */
export function ClaimsPage() {
  const { t } = useTranslation()
  const regions = useRegions()
  const [selected, setSelected] = useState<string | null>(null)
  const list = useQuery({ queryKey: ['claims'], queryFn: ({ signal }) => api.get<{ items: ClaimView[] }>('/api/v1/claims', signal) })
  return (
    <div className="page">
      <h1>{t('claims.title')}</h1>
      <p>{t('claims.intro')}</p>
      <Report />
      <section className="card" aria-labelledby="claims-list-title">
        <h2 id="claims-list-title" className="section-title">{t('claims.listTitle')}</h2>
        <QueryState isLoading={list.isLoading} error={list.error}>
          <table className="data-table" data-testid="claims-list">
            <thead><tr><th>{t('claims.filedOn')}</th><th>{t('claims.kind')}</th><th>{t('claims.region')}</th><th>{t('claims.claimantName')}</th><th>{t('claims.status')}</th><th>{t('claims.payNow')}</th></tr></thead>
            <tbody>{(list.data?.items ?? []).length === 0 && <tr><td colSpan={6} className="muted">{t('claims.none')}</td></tr>}{(list.data?.items ?? []).map((c) => (
              <tr key={c.id}><td><button type="button" className="link-button" onClick={() => setSelected(c.id)}>{formatDateId(c.filedOn)}</button></td><td>{t(`claims.kinds.${c.kind}`)}</td><td>{regions.nameOf(c.regionCode)}</td><td>{c.claimant.name}</td><td>{t(`claims.statuses.${c.status}`)}</td><td>{formatRupiah(c.eligibility.payNowIdr)}</td></tr>
            ))}</tbody>
          </table>
        </QueryState>
      </section>
      {selected && <ClaimDetail id={selected} key={selected} />}
      <FileClaim onFiled={setSelected} />
    </div>
  )
}
