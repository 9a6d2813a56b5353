import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { parseOccupationCatalogue, type OccupationCatalogue } from './domain/occupations.js'
import { parseRegistrationRules, type RegistrationRules } from './domain/registration-parameters.js'

/** The participants area's data files in reference/ (read once per process; the web imports the YAML itself). */
export const REFERENCE_DIR = fileURLToPath(new URL('../../../reference', import.meta.url))

const cache = new Map<string, unknown>()

function readOnce<T>(file: string, parse: (raw: unknown) => T): T {
  let value = cache.get(file) as T | undefined
  if (value === undefined) {
    value = parse(parseYaml(fs.readFileSync(file, 'utf8')))
    cache.set(file, value)
  }
  return value
}

/** reference/occupations.yaml: the coded occupations and their flagged PP 50/2025 sector. */
export function loadOccupationCatalogue(dir: string = REFERENCE_DIR): OccupationCatalogue {
  return readOnce(path.join(dir, 'occupations.yaml'), parseOccupationCatalogue)
}

/** reference/registration-rules.yaml: the flagged BPU age limit, minimum income and occupation count. */
export function loadRegistrationRules(dir: string = REFERENCE_DIR): RegistrationRules {
  return readOnce(path.join(dir, 'registration-rules.yaml'), parseRegistrationRules)
}
