import type { Command } from 'commander'
import { DomainError, isDomainError } from '../../kernel/errors.js'
import { readConfig } from '../../platform/config.js'
import { migrate, openDatabase } from '../../platform/db/index.js'
import { newId } from '../../platform/ids.js'
import { addSource } from '../../flows/add-source.js'
import { action, output } from '../run-command.js'

const FLAG_OF: Record<string, string> = { kind: '--kind', name: '--name', refId: '--ref' }

interface AddOptions {
  kind: string
  name: string
  ref?: string
  json?: boolean
}

/** `semesta source add`: who brings people in (issue 4); later issues attach agents, partners and pemda programmes to these ids. */
export function register(program: Command): void {
  const source = program.command('source').description('Sumber pendaftaran peserta (agen, mitra, program pemda, pemberi kerja, kantor, mandiri)')
  source
    .command('add')
    .description('Add a source and print its id')
    .requiredOption('--kind <kind>', 'agent | channel | pemda | office | employer | self')
    .requiredOption('--name <name>', 'its name, e.g. "Agen Perisai Denpasar Barat"')
    .option('--ref <id>', 'the id of the agent, partner, pemda programme or employer it stands for')
    .option('--json', 'print JSON')
    .action(
      action(async (options: AddOptions) => {
        const db = await openDatabase(readConfig())
        try {
          if (db.owner) await migrate(db)
          const created = await addSource(db.sql, { kind: options.kind, name: options.name, refId: options.ref ?? null, actor: null, requestId: null }, new Date(), { newId: () => newId() })
            .catch((error: unknown) => {
              if (isDomainError(error) && error.field && FLAG_OF[error.field]) throw new DomainError(error.code, error.message, { ...error.details, field: FLAG_OF[error.field] })
              throw error
            })
          output({ id: created.id }, options.json ?? false, (s: { id: string }) => `Sumber dibuat: ${created.kind} "${created.name}" id ${s.id}`)
        } finally {
          await db.close()
        }
      }),
    )
}
