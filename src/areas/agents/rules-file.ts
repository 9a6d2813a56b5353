/** Reads reference/agen-perisai.yaml (Node only; the domain stays pure). */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { parseAgentRules, type AgentRules } from './domain/scheme.js'

export const AGENT_RULES_FILE = join(resolve(dirname(fileURLToPath(import.meta.url)), '../../..'), 'reference', 'agen-perisai.yaml')

let cached: AgentRules | null = null

/** Parsed and checked once per process. */
export function loadAgentRules(): AgentRules {
  cached ??= parseAgentRules(parse(readFileSync(AGENT_RULES_FILE, 'utf8')))
  return cached
}
