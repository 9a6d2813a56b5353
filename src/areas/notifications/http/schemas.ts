import { z } from 'zod'
import { CHANNELS, RULES } from '../domain/rules.js'

export const optOutChannel = z.enum([...CHANNELS, 'all'])

export const messageSchema = z.object({
  id: z.string(),
  rule: z.enum(RULES),
  eventKey: z.string(),
  channel: z.enum(CHANNELS),
  lang: z.enum(['id', 'en']),
  status: z.enum(['pending', 'sent', 'failed', 'skipped']),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
})

export const messagesResponse = z.object({ messages: z.array(messageSchema), optOuts: z.array(optOutChannel) })
export const optOutBody = z.object({ channel: optOutChannel, optedOut: z.boolean() })
export const idParams = z.object({ id: z.string().uuid() })
export type MessageView = z.infer<typeof messageSchema>
