import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClaimDetailView, ClaimView } from '../../../../src/areas/claims/http/schemas'
import { SCHOLARSHIP_END_REASONS, type ScholarshipEndReason } from '../../../../src/areas/claims/domain/index'
import { api } from '../../lib/api'
import { errorText } from '../../lib/error-text'
import { formatDateId, formatRupiah } from '../../lib/format'

type Row = ClaimDetailView['scholarships'][number]

/** A paid claim's scholarship schedule: pay a scheduled school year (the next one is then scheduled) or end a child's. */
export function ClaimScholarships({ claim }: { claim: ClaimDetailView }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [reason, setReason] = useState<ScholarshipEndReason>('usia_23')
  const move = useMutation({
    mutationFn: ({ row, action }: { row: Row; action: 'pay' | 'end' }) =>
      api.post<ClaimView>(`/api/v1/claims/${claim.id}/scholarships`, { action, version: claim.version, child: row.child, schoolYear: row.schoolYear, ...(action === 'end' ? { reason } : {}) }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['claim', claim.id] }), client.invalidateQueries({ queryKey: ['claims'] }), client.invalidateQueries({ queryKey: ['claims-report'] })]),
  })
  if (claim.scholarships.length === 0) return null
  const open = claim.status === 'paid' && (claim.withheldIdr ?? 0) === 0
  return (
    <div data-testid="claim-scholarships">
      <h3 className="section-title">{t('claims.scholarships.title')}</h3>
      <p className="field-hint">{t('claims.scholarships.hint')}</p>
      <table className="data-table compact">
        <thead><tr><th>{t('claims.scholarships.child')}</th><th>{t('claims.scholarships.schoolYear')}</th><th>{t('claims.scholarships.level')}</th><th>{t('claims.scholarships.amount')}</th><th>{t('claims.scholarships.status')}</th><th /></tr></thead>
        <tbody>{claim.scholarships.map((r) => (
          <tr key={`${r.child}-${r.schoolYear}`}>
            <td>{r.child}</td><td>{r.schoolYear}</td><td>{r.level.toUpperCase()}</td><td>{formatRupiah(r.amountIdr)}</td>
            <td>{t(`claims.scholarships.statuses.${r.status}`)}{r.paidOn ? ` ${formatDateId(r.paidOn)}` : ''}{r.endReason ? ` (${t(`claims.scholarships.endReasons.${r.endReason}`)})` : ''}</td>
            <td>{open && r.status === 'scheduled' && (<>
              <button type="button" className="button button-primary" onClick={() => move.mutate({ row: r, action: 'pay' })} disabled={move.isPending}>{t('claims.scholarships.pay')}</button>{' '}
              <button type="button" className="button" onClick={() => move.mutate({ row: r, action: 'end' })} disabled={move.isPending}>{t('claims.scholarships.end')}</button>
            </>)}</td>
          </tr>
        ))}</tbody>
      </table>
      {open && claim.scholarships.some((r) => r.status === 'scheduled') && (
        <div className="field"><label htmlFor="scholarship-end-reason">{t('claims.scholarships.endReason')}</label>
          <select id="scholarship-end-reason" value={reason} onChange={(e) => setReason(e.target.value as ScholarshipEndReason)}>
            {SCHOLARSHIP_END_REASONS.map((r) => <option key={r} value={r}>{t(`claims.scholarships.endReasons.${r}`)}</option>)}
          </select></div>
      )}
      {move.error && <p className="form-error" role="alert">{errorText(move.error, t)}</p>}
    </div>
  )
}
