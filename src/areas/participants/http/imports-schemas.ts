import { z } from 'zod'

export const importJobParams = z.object({ id: z.uuid() })
export const importUploadQuery = z.object({ sourceId: z.uuid().optional() })
export const importQueuedResponse = z.object({ jobId: z.uuid(), resumed: z.boolean() })

const rowIssue = z.object({ row: z.number().int(), field: z.string(), code: z.string(), message: z.string() })

export const importJobResponse = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  fileName: z.string(),
  rowsDone: z.number().int(),
  totalRows: z.number().int().nullable(),
  /** rows_done / total_rows, 0…1; null while the total is not known (XLSX). */
  progress: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  result: z
    .object({
      read: z.number().int(),
      stored: z.number().int(),
      alreadyRegistered: z.number().int(),
      rejected: z.number().int(),
      errors: z.array(rowIssue),
      warnings: z.array(rowIssue),
    })
    .nullable(),
})
export type ImportJobResponse = z.infer<typeof importJobResponse>
