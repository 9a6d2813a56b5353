import type { OutboxRow } from '../db/outbox.js'
import type { MessageView } from './schemas.js'

/** What leaves the server about a message: its rule, event and state, never its params (a code, amounts). */
export function presentMessage(m: OutboxRow): MessageView {
  return { id: m.id, rule: m.rule, eventKey: m.eventKey, channel: m.channel, lang: m.lang, status: m.status, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null }
}
