import { addMonths, isMonth, type Month } from '../../../kernel/month.js'
import { DomainError } from '../../../kernel/errors.js'
import { regionCovers, type ProgrammeGroup } from './programme.js'

/**
 * Who may join a cohort (issue 8 item 2), row by row in file order: a worker outside the payer's region is rejected
 * (`outside_region`), rows past the group's quota are rejected one by one (`quota_exceeded`), a worker already paid
 * for by another payer is flagged and not enrolled (never paid twice), and where the row's income or programmes differ
 * from the programme's the programme wins and the row carries a warning.
 */
export interface CohortProgramme {
  id: string
  regionCode: string
  programmes: readonly string[]
  startMonth: Month
  endMonth: Month
}

export interface CohortRow {
  line: number
  regencyCode: string
  category: string
  declaredIncomeIdr: number | null
  /** As the file has them (JKK, JKM, JHT). */
  programmes: readonly string[]
  /** Null for a person the import registers now. */
  participantId: string | null
  /** The active enrolment's payer when someone other than the worker pays (an existing participant only). */
  paidBy: { payer: string; payerRef: string | null } | null
  /** The group of this programme the person is already a member of. */
  memberOf: string | null
}

export interface CohortIssue {
  field: string
  code: string
  severity: 'error' | 'warning'
  message: string
}

export type CohortVerdict = 'admit' | 'already_member' | 'rejected' | 'flagged'

export interface CohortDecision {
  line: number
  verdict: CohortVerdict
  issues: CohortIssue[]
}

export interface CohortCounts {
  admitted: number
  alreadyMember: number
  outsideRegion: number
  quotaExceeded: number
  alreadySponsored: number
  notEligible: number
  overridden: number
}

export function emptyCohortCounts(): CohortCounts {
  return { admitted: 0, alreadyMember: 0, outsideRegion: 0, quotaExceeded: 0, alreadySponsored: 0, notEligible: 0, overridden: 0 }
}

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`

/**
 * Decides a batch of rows in order. `members` is the group's size before the batch; each admitted row takes a place,
 * so the rows past the quota are the later ones. Pure: the caller reads the registry and stores the result.
 */
export function decideCohortRows(programme: CohortProgramme, group: ProgrammeGroup, members: number, rows: readonly CohortRow[], counts: CohortCounts = emptyCohortCounts()): CohortDecision[] {
  let size = members
  const wanted = programme.programmes.map((p) => p.toUpperCase()).sort().join('+')
  return rows.map((row): CohortDecision => {
    const reject = (field: string, code: string, message: string): CohortDecision => ({ line: row.line, verdict: 'rejected', issues: [{ field, code, severity: 'error', message }] })
    if (!regionCovers(programme.regionCode, row.regencyCode)) {
      counts.outsideRegion++
      return reject('kode_wilayah', 'outside_region', `Domisili ${row.regencyCode} di luar wilayah pemda pembayar (${programme.regionCode}); baris ini tidak didaftarkan ke program.`)
    }
    if (row.category !== group.category) {
      counts.notEligible++
      return reject('kategori', 'not_eligible', `Kelompok ${group.code} untuk peserta kategori ${group.category}, bukan ${row.category}.`)
    }
    if (row.memberOf !== null) {
      counts.alreadyMember++
      const issues: CohortIssue[] = row.memberOf === group.code ? [] : [{
        field: 'nik', code: 'already_member', severity: 'warning', message: `Sudah anggota program ini di kelompok ${row.memberOf}; tidak dipindahkan.`,
      }]
      return { line: row.line, verdict: 'already_member', issues }
    }
    if (row.paidBy && !(row.paidBy.payer === 'pemda' && row.paidBy.payerRef === programme.id)) {
      counts.alreadySponsored++
      const by = row.paidBy.payer === 'pemda' ? 'program pemda lain' : row.paidBy.payer === 'employer' ? 'pemberi kerja' : row.paidBy.payer === 'apbn' ? 'APBN' : 'sponsor'
      return { line: row.line, verdict: 'flagged', issues: [{
        field: 'nik', code: 'already_sponsored', severity: 'warning', message: `Iuran pekerja ini sudah dibayar oleh ${by}; ditandai dan tidak didaftarkan agar tidak dibayar dua kali.`,
      }] }
    }
    if (size >= group.quota) {
      counts.quotaExceeded++
      return reject('kategori', 'quota_exceeded', `Kuota kelompok ${group.code} (${group.quota} orang) sudah penuh; baris ini tidak didaftarkan.`)
    }
    size++
    counts.admitted++
    const issues: CohortIssue[] = []
    if (row.declaredIncomeIdr !== null && row.declaredIncomeIdr !== group.incomeIdr) {
      issues.push({ field: 'penghasilan', code: 'income_overridden', severity: 'warning', message: `Penghasilan di berkas ${rupiah(row.declaredIncomeIdr)}; program memakai ${rupiah(group.incomeIdr)}.` })
    }
    const given = row.programmes.map((p) => p.toUpperCase()).sort().join('+')
    if (given !== '' && given !== wanted) {
      issues.push({ field: 'program', code: 'programmes_overridden', severity: 'warning', message: `Program di berkas ${given}; program pemda membiayai ${wanted}.` })
    }
    if (issues.length > 0) counts.overridden++
    return { line: row.line, verdict: 'admit', issues }
  })
}

/** A member's first due month: the later of the programme's start and `--from` (default the start), inside the period. */
export function firstDueMonth(programme: Pick<CohortProgramme, 'startMonth' | 'endMonth'>, from: Month | null | undefined): Month {
  if (from === null || from === undefined) return programme.startMonth
  if (!isMonth(from)) throw new DomainError('invalid_month', 'from harus bulan YYYY-MM.', { field: 'from' })
  if (from > programme.endMonth) throw new DomainError('out_of_range', `Bulan mulai ${from} sesudah akhir program (${programme.endMonth}).`, { field: 'from' })
  return from > programme.startMonth ? from : programme.startMonth
}

/** The months a member is billed for through `month`: from their first month to the earliest of month, their end and the programme's end. */
export function memberMonthsThrough(member: { firstMonth: Month; endMonth: Month | null }, programmeEnd: Month, month: Month): Month[] {
  const last = [month, programmeEnd, member.endMonth ?? month].reduce((a, b) => (a < b ? a : b))
  const out: Month[] = []
  for (let m = member.firstMonth; m <= last; m = addMonths(m, 1)) out.push(m)
  return out
}
