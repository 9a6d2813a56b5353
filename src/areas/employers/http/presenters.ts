import { maskName, maskNik } from '../../../kernel/mask.js'
import type { Programme } from '../../programmes/index.js'
import type { EmployerRecord } from '../db/employers.js'
import type { WageHistoryRow } from '../db/wages.js'
import type { WorkerRecord } from '../db/workers.js'
import { effectiveWage } from '../domain/index.js'
import type { EmployerView } from './schemas.js'

export function presentEmployer(e: EmployerRecord, mandatoryProgrammes: readonly Programme[]): EmployerView {
  return {
    id: e.id,
    npp: e.npp,
    name: e.name,
    regionCode: e.regencyCode,
    scale: e.scale,
    riskGroup: e.riskGroup,
    status: e.status,
    sourceId: e.sourceId,
    mandatoryProgrammes: [...mandatoryProgrammes],
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  }
}

/** A worker with the wage rows; NIK and name in clear only when the caller may see this person's personal data. */
export function presentWorker(w: WorkerRecord, wages: readonly WageHistoryRow[], month: string, personalData: boolean) {
  return {
    participantId: w.participantId,
    kpj: w.kpj,
    nik: personalData ? w.nik : maskNik(w.nik),
    name: personalData ? w.name : maskName(w.name),
    regencyCode: w.regencyCode,
    startedOn: w.startedOn,
    endedOn: w.endedOn,
    effectiveWageIdr: effectiveWage(wages, month)?.wageIdr ?? null,
    wages: wages.map((r) => ({ month: r.effectiveMonth, revision: r.revision, wageIdr: r.wageIdr, reportedVia: r.reportedVia, reason: r.reason, createdAt: r.createdAt.toISOString() })),
    personalDataMasked: !personalData,
  }
}
