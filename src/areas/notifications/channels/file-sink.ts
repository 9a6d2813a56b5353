import fs from 'node:fs'
import path from 'node:path'
import { maskPhone } from '../../../kernel/mask.js'
import type { Channel } from '../domain/index.js'
import type { ChannelAdapter, OutgoingMessage, SendLog } from './adapter.js'

/** One line of the local sink (JSON Lines), what development and tests read instead of a phone. */
export interface SinkLine {
  at: string
  channel: Channel
  /** Masked: the sink is a file on disk, not the phone network. */
  to: string
  outboxId: string
  rule: string
  subjectId: string
  text: string
}

/**
 * The default channel adapter: appends each message to a local JSON Lines file (`<dataDir>/notifications/sink.jsonl`)
 * and logs it with the phone masked. Production replaces it with a WhatsApp or SMS gateway adapter.
 */
export function fileSinkAdapter(channel: Channel, file: string, log?: SendLog, now: () => Date = () => new Date()): ChannelAdapter {
  return {
    channel,
    async send(m: OutgoingMessage) {
      const line: SinkLine = { at: now().toISOString(), channel, to: maskPhone(m.to), outboxId: m.outboxId, rule: m.rule, subjectId: m.subjectId, text: m.text }
      await fs.promises.mkdir(path.dirname(file), { recursive: true })
      await fs.promises.appendFile(file, `${JSON.stringify(line)}\n`, 'utf8')
      log?.info({ channel, to: line.to, outboxId: m.outboxId, rule: m.rule }, 'notification sent to the local sink')
    },
  }
}

/** Reads the sink back (tests, `semesta notify sink`): every line, oldest first; [] when nothing was sent yet. */
export function readSink(file: string): SinkLine[] {
  if (!fs.existsSync(file)) return []
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as SinkLine)
}

export const sinkFileIn = (dataDir: string): string => path.join(dataDir, 'notifications', 'sink.jsonl')
