import type { Command } from 'commander'
import { createApiToken, createUser, findUserByUsername, type UserRecord } from '../../areas/access/index.js'
import { DomainError, isDomainError } from '../../kernel/errors.js'
import { readConfig } from '../../platform/config.js'
import { migrate, openDatabase } from '../../platform/db/index.js'
import type { Sql } from '../../platform/db/sql.js'
import { action, output } from '../run-command.js'

/** Domain fields → the flags that carry them, so every error names the flag to fix. */
const FLAG_OF: Record<string, string> = {
  username: '--username',
  role: '--role',
  branch: '--branch',
  regions: '--regions',
  sources: '--sources',
  name: '--name',
  password: '--password-stdin / --password',
}

function withFlag(error: unknown, flags: Record<string, string> = FLAG_OF): never {
  if (isDomainError(error) && error.field && flags[error.field]) {
    throw new DomainError(error.code, error.message, { ...error.details, field: flags[error.field] })
  }
  throw error
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

async function passwordFrom(options: { password?: string; passwordStdin?: boolean }): Promise<string> {
  if (options.password !== undefined && options.passwordStdin) throw new DomainError('invalid_input', 'give either --password-stdin or --password, not both', { field: 'password' })
  if (options.passwordStdin) return readStdin()
  if (options.password !== undefined) return options.password
  throw new DomainError('missing_field', 'a password is needed: pipe it with --password-stdin (or give --password P)', { field: 'password' })
}

const list = (value: string | undefined) => (value === undefined ? undefined : value.split(',').map((v) => v.trim()).filter((v) => v !== ''))

/**
 * Opens the database (through the running `semesta start` when it owns the embedded folder), runs `work`, and
 * always closes, so the command exits promptly. A folder this command opened itself may be new: migrate it first.
 */
async function withDatabase<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const db = await openDatabase(readConfig())
  try {
    if (db.owner) await migrate(db)
    const { rows } = await db.sql.query<{ users: string | null }>(`select to_regclass('users')::text as users`)
    if (!rows[0]?.users) throw new DomainError('unavailable', 'the database has no schema yet: run `semesta migrate` first')
    return await work(db.sql)
  } finally {
    await db.close()
  }
}

interface AddOptions {
  username: string
  role: string
  branch?: string
  regions?: string
  sources?: string
  name?: string
  password?: string
  passwordStdin?: boolean
  json?: boolean
}

function presentCreated(user: UserRecord) {
  return { id: user.id, username: user.username, role: user.role, branchCode: user.branchCode, regionCodes: user.regionCodes }
}

export function register(program: Command): void {
  const user = program.command('user').description('Pengguna: tambah pengguna, buat token API')

  user
    .command('add')
    .description('Add a user (roles: admin, kanwil, cabang, agent, pemda, channel, viewer)')
    .requiredOption('--username <username>', 'sign-in name: a-z, 0-9, . _ -')
    .requiredOption('--role <role>', 'admin | kanwil | cabang | agent | pemda | channel | viewer')
    .option('--branch <code>', 'branch office code (role cabang; optional for agent), e.g. bali-denpasar')
    .option('--regions <codes>', 'regency or province codes (role pemda; optional for viewer), e.g. 51.71,51.03 or 53')
    .option('--sources <ids>', 'agent or channel ids the user acts for (roles agent, channel)')
    .option('--name <name>', 'display name (default: the username)')
    .option('--password-stdin', 'read the password from standard input')
    .option('--password <password>', 'the password (for scripts; prefer --password-stdin)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: AddOptions) => {
        if (options.branch !== undefined && options.regions !== undefined) throw new DomainError('invalid_input', 'give either --branch or --regions, not both', { field: '--regions' })
        const password = await passwordFrom(options).catch(withFlag)
        const input = { username: options.username, role: options.role, displayName: options.name ?? null, branchCode: options.branch ?? null, regionCodes: list(options.regions) ?? null, sourceIds: list(options.sources) ?? null }
        const created = await withDatabase((sql) => createUser(sql, { actor: null, input, password, requestId: null, via: 'cli' }, new Date())).catch(withFlag)
        output(presentCreated(created), options.json ?? false, (u: ReturnType<typeof presentCreated>) =>
          `Pengguna dibuat: ${u.username} (${u.role}${u.branchCode ? `, cabang ${u.branchCode}` : ''}${u.regionCodes.length ? `, ${u.regionCodes.length} kab/kota` : ''}) id ${u.id}`,
        )
      }),
    )

  user
    .command('token')
    .description("Create an API token for a user (e.g. a channel partner); it is printed once")
    .requiredOption('--username <username>', 'the user the token acts as')
    .requiredOption('--name <name>', 'a label for the token, e.g. "pos-indonesia prod"')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { username: string; name: string; json?: boolean }) => {
        const created = await withDatabase(async (sql) => {
          const owner = await findUserByUsername(sql, options.username)
          if (!owner) throw new DomainError('not_found', `no user "${options.username}"`, { field: '--username' })
          return createApiToken(sql, { actor: null, userId: owner.id, name: options.name, requestId: null }, new Date())
        }).catch((error: unknown) => withFlag(error, { name: '--name', userId: '--username' }))
        const shown = { id: created.id, username: options.username, name: created.name, token: created.token, createdAt: created.createdAt.toISOString() }
        output(shown, options.json ?? false, (t: typeof shown) => `Token API "${t.name}" untuk ${t.username} (simpan sekarang, tidak ditampilkan lagi):\n${t.token}`)
      }),
    )
}
