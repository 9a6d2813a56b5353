import type { Sql } from '../../../platform/db/sql.js'
import { findParticipantById, findSource, listEnrolments, type ParticipantRecord } from '../../participants/index.js'
import { loadRegulationSet } from '../../programmes/index.js'
import { listRegions } from '../../regions/index.js'
import { findReceipt, type ReceiptView } from '../db/payments.js'
import { renderReceiptPdf } from '../documents/receipt-pdf.js'
import { receiptDocument, type Collector } from './presenters.js'

/**
 * A receipt's printable PDF for whoever the caller has already allowed to see it (the worker's own, in self-service),
 * with the participant it belongs to so the caller can check that first; null when there is no such receipt.
 */
export async function receiptPdfFile(sql: Sql, receiptNo: string, allowed: (participant: ParticipantRecord) => boolean): Promise<{ participantId: string; pdf: Buffer } | null> {
  const view = await findReceipt(sql, receiptNo)
  if (!view) return null
  const participant = await findParticipantById(sql, view.participantId)
  if (!participant || !allowed(participant)) return null
  const regency = (await listRegions(sql, { parentCode: participant.regencyCode.slice(0, 2) })).find((x) => x.code === participant.regencyCode)
  const enrolments = await listEnrolments(sql, participant.id)
  const programmes = [...new Set(view.lines.map((l) => l.programme)), ...(enrolments.find((e) => e.status === 'active')?.programmes ?? [])]
  const doc = receiptDocument(view, participant, { collector: await collectorOf(sql, view), regencyName: regency?.name ?? null, regs: loadRegulationSet(), programmes }, { personalData: true })
  return { participantId: participant.id, pdf: await renderReceiptPdf(doc) }
}

async function collectorOf(sql: Sql, view: ReceiptView): Promise<Collector> {
  const sourceId = (view as ReceiptView & { sourceId?: string | null }).sourceId ?? null
  const source = sourceId ? await findSource(sql, sourceId) : null
  return { sourceId, sourceName: source?.name ?? null, sourceKind: source?.kind ?? (view.channel === 'office' ? 'office' : null) }
}
