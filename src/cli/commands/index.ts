import type { Command } from 'commander'

type CommandModule = { register: (program: Command) => void }

/**
 * Every `semesta` command, by name, loaded on demand: a quote should not pay for loading the HTTP server.
 * Add a command here; its module exports `register(program)`.
 */
export const commandModules: Record<string, () => Promise<CommandModule>> = {
  start: () => import('./start.js'),
  migrate: () => import('./migrate.js'),
  quote: () => import('./quote.js'),
  benefit: () => import('./benefit.js'),
  user: () => import('./user.js'),
  source: () => import('./source.js'),
  import: () => import('./import.js'),
  employer: () => import('./employer.js'),
  rerate: () => import('./rerate.js'),
  status: () => import('./status.js'),
  notify: () => import('./notify.js'),
  seed: () => import('./seed.js'),
  bill: () => import('./bill.js'),
  pay: () => import('./pay.js'),
  partner: () => import('./partner.js'),
  reconcile: () => import('./reconcile.js'),
  participant: () => import('./participant.js'),
  pemda: () => import('./pemda.js'),
  report: () => import('./report.js'),
  target: () => import('./target.js'),
  agent: () => import('./agent.js'),
}
