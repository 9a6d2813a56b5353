import type { Command } from 'commander'
import { DomainError } from '../../kernel/errors.js'
import { newId } from '../../platform/ids.js'
import { addAgent } from '../../flows/add-agent.js'
import { action, output } from '../run-command.js'
import { parseWhole, rupiah, withDatabase, withFlags } from './contributions-cli.js'

const FLAGS = {
  name: '--name', username: '--username', regions: '--regions', branch: '--branch', wadah: '--wadah', password: '--password-stdin / --password',
  targetRegistrations: '--target-registrations', targetCollectionsIdr: '--target-collections', sources: '--regions',
}

interface AddOptions {
  name: string
  regions: string
  username: string
  branch?: string
  wadah?: string
  targetRegistrations?: string
  targetCollections?: string
  password?: string
  passwordStdin?: boolean
  json?: boolean
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

async function passwordOf(options: AddOptions): Promise<string> {
  if (options.password !== undefined && options.passwordStdin) throw new DomainError('invalid_input', 'give either --password-stdin or --password, not both', { field: '--password-stdin / --password' })
  if (options.passwordStdin) return readStdin()
  if (options.password !== undefined) return options.password
  throw new DomainError('missing_field', 'a password is needed: pipe it with --password-stdin (or give --password P)', { field: '--password-stdin / --password' })
}

/** `semesta agent add`: an Agen Perisai with its registry source and its sign-in user (issue 10 item 1). */
export function register(program: Command): void {
  const agent = program.command('agent').description('Agen Perisai: tambah agen (sumber pendaftaran dan pengguna), komisi bulanan')
  agent
    .command('add')
    .description('Add an agent: the agent, its registry source and its user (role agent, its regencies, its source)')
    .requiredOption('--name <name>', "the agent's name")
    .requiredOption('--regions <codes>', 'assigned regencies (or a province), e.g. 53.71,53.72')
    .requiredOption('--username <username>', 'sign-in name of the agent (a-z, 0-9, . _ -)')
    .option('--branch <code>', 'branch office code, e.g. ntt-kupang')
    .option('--wadah <name>', 'the wadah / kantor Perisai (CV, yayasan, koperasi) the agent belongs to')
    .option('--target-registrations <n>', 'monthly target of new participants')
    .option('--target-collections <idr>', 'monthly target of contributions collected, in rupiah')
    .option('--password-stdin', 'read the password from standard input')
    .option('--password <password>', 'the password (for scripts; prefer --password-stdin)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: AddOptions) => {
        const password = await passwordOf(options)
        const regionCodes = options.regions.split(',').map((c) => c.trim()).filter((c) => c !== '')
        const targets = {
          registrations: options.targetRegistrations === undefined ? null : parseWhole(options.targetRegistrations, '--target-registrations'),
          collectionsIdr: options.targetCollections === undefined ? null : parseWhole(options.targetCollections, '--target-collections'),
        }
        const added = await withDatabase((sql) =>
          addAgent(sql, { name: options.name, wadah: options.wadah ?? null, targets, username: options.username, password, regionCodes, branchCode: options.branch ?? null, actor: null, requestId: null, via: 'cli' }, new Date(), { newId: () => newId() })
            .catch(withFlags(FLAGS)))
        const a = added.agent
        const shown = { id: a.id, code: a.code, name: a.name, wadah: a.wadah, branchCode: a.branchCode, regionCodes: a.regionCodes, sourceId: a.sourceId, userId: added.userId, username: added.username }
        output(shown, options.json ?? false, () =>
          `Agen dibuat: ${a.code} "${a.name}" (${a.regionCodes.join(', ')}${a.branchCode ? `, cabang ${a.branchCode}` : ''}); pengguna ${added.username}; sumber ${a.sourceId}` +
          (targets.collectionsIdr !== null ? `; target ${rupiah(targets.collectionsIdr)}/bulan` : ''))
      }),
    )
}
