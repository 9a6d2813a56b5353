import { DomainError } from '../../../kernel/errors.js'
import type { ClaimKind, ClaimStatus } from './types.js'

export const CLAIM_ACTIONS = ['verify', 'approve', 'pay', 'release', 'reject'] as const
export type ClaimAction = (typeof CLAIM_ACTIONS)[number]

const NEXT: Record<Exclude<ClaimAction, 'reject' | 'release'>, { from: ClaimStatus; to: ClaimStatus }> = {
  verify: { from: 'submitted', to: 'verified' },
  approve: { from: 'verified', to: 'approved' },
  pay: { from: 'approved', to: 'paid' },
}

/** Documents staff check before verifying, per claim kind (the usual BPJS TK checklist; operational, not regulation). */
export const REQUIRED_DOCUMENTS: Readonly<Record<ClaimKind, readonly string[]>> = {
  jkm: ['kartu_peserta', 'ktp_peserta', 'akta_kematian', 'kartu_keluarga', 'ktp_ahli_waris', 'surat_ahli_waris', 'buku_rekening'],
  jkk_medical: ['kartu_peserta', 'ktp_peserta', 'laporan_kecelakaan', 'surat_dokter', 'kuitansi_medis'],
  jkk_stmb: ['kartu_peserta', 'ktp_peserta', 'laporan_kecelakaan', 'surat_dokter', 'buku_rekening'],
  jkk_disability: ['kartu_peserta', 'ktp_peserta', 'laporan_kecelakaan', 'surat_cacat_dokter', 'buku_rekening'],
  jkk_death: ['kartu_peserta', 'ktp_peserta', 'laporan_kecelakaan', 'akta_kematian', 'kartu_keluarga', 'ktp_ahli_waris', 'surat_ahli_waris', 'buku_rekening'],
  beasiswa: ['kartu_peserta', 'kartu_keluarga', 'akta_kelahiran_anak', 'surat_keterangan_sekolah', 'buku_rekening'],
  jkp: ['kartu_peserta', 'ktp_peserta', 'bukti_phk', 'buku_rekening'],
  jht: ['kartu_peserta', 'ktp_peserta', 'kartu_keluarga', 'surat_berhenti_bekerja', 'buku_rekening'],
}

export interface ClaimTransition {
  to: ClaimStatus
  /** Set on reject: why (shown to the claimant). */
  reason?: string
}

/**
 * submitted → verified → approved → paid; reject from any open step with a reason. Verifying needs every required
 * document checked; approving a claim that gives nothing is refused (reject it instead). `release` is the one step
 * after paid: a paid claim that still holds a withheld part (the arrears of the event date were unpaid) pays it once
 * the arrears are paid; the claim stays paid (whether the arrears are paid is the flow's check, `releaseOfClaim`).
 */
export function nextClaimStatus(
  current: ClaimStatus, action: ClaimAction,
  claim: { kind: ClaimKind; documents: Readonly<Record<string, boolean>>; payableIdr: number; withheldIdr?: number | null | undefined }, reason?: string,
): ClaimTransition {
  if (action === 'release') {
    if (current !== 'paid') throw new DomainError('invalid_state', `cannot release a ${current} claim (it must be paid, with a withheld part)`, { field: 'status' })
    if (!claim.withheldIdr || claim.withheldIdr <= 0) throw new DomainError('invalid_state', 'nothing is withheld on this claim: nothing to release', { field: 'withheldIdr' })
    return { to: 'paid' }
  }
  if (current === 'paid' || current === 'rejected') throw new DomainError('invalid_state', `the claim is ${current}: no further step`, { field: 'status' })
  if (action === 'reject') {
    if (!reason || reason.trim().length < 3) throw new DomainError('missing_field', 'reason: a rejected claim needs a reason', { field: 'reason' })
    return { to: 'rejected', reason: reason.trim() }
  }
  const step = NEXT[action]
  if (step.from !== current) throw new DomainError('invalid_state', `cannot ${action} a ${current} claim (it must be ${step.from})`, { field: 'status' })
  if (action === 'verify') {
    const missing = missingDocuments(claim.kind, claim.documents)
    if (missing.length > 0) throw new DomainError('invalid_state', `documents not checked: ${missing.join(', ')}`, { field: 'documents' })
  }
  if (action === 'approve' && claim.payableIdr <= 0) throw new DomainError('invalid_state', 'nothing is payable on this claim: reject it with a reason', { field: 'status' })
  return { to: step.to }
}

export function missingDocuments(kind: ClaimKind, documents: Readonly<Record<string, boolean>>): string[] {
  return REQUIRED_DOCUMENTS[kind].filter((d) => documents[d] !== true)
}

/** Someone moved the claim since the clerk loaded it (every step is version-checked): 409, reload and retry. */
export function staleClaim(currentVersion: number): DomainError {
  return new DomainError('conflict', 'Klaim sudah diubah orang lain; muat ulang lalu ulangi.', { field: 'version', currentVersion })
}
