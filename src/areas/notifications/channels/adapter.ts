import type { Channel, RuleName } from '../domain/index.js'

/** One message on its way out: the phone is read from the registry just before sending and goes no further than the adapter. */
export interface OutgoingMessage {
  readonly outboxId: string
  readonly channel: Channel
  readonly rule: RuleName
  readonly subjectId: string
  /** The registered phone (E.164 or local digits). */
  readonly to: string
  readonly text: string
}

/** WhatsApp and SMS behind one interface; a gateway adapter throws on a failed send (the sender retries later). */
export interface ChannelAdapter {
  readonly channel: Channel
  send(message: OutgoingMessage): Promise<void>
}

/** Something to log a sent message to: only the masked phone, the ids and the rule (never the text, a NIK or a name). */
export interface SendLog {
  info(fields: Record<string, unknown>, message: string): void
}
