import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCliInProcess } from '../../../test/cli.js'
import { CASE_FILES, checkPartial, cliArgs, loadCases, type RuleCase } from '../../areas/programmes/rule-cases.test-support.js'
import { flagOf } from './quote.js'

const BIN = fileURLToPath(new URL('../../../bin/semesta.js', import.meta.url))

interface Run {
  code: number
  stdout: string
  stderr: string
}

function semesta(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 240_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

/** The worked examples go through the same commander program in this process (a spawn costs about a second each). */
async function runAll(cases: RuleCase[]): Promise<Run[]> {
  const results: Run[] = []
  for (const c of cases) {
    const run = await runCliInProcess(cliArgs(c))
    results.push({ code: run.code ?? 1, stdout: run.stdout, stderr: run.stderr })
  }
  return results
}

describe('semesta quote / benefit (the command line program; the last test spawns the real binary)', () => {
  const cases = CASE_FILES.flatMap((f) => loadCases(f)).filter((c) => c.cli)

  it('reproduces the worked examples of regulations.md §9 to the rupiah and fails bad flags with exit 1 naming the flag', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(20)
    const runs = await runAll(cases)
    const problems: string[] = []
    cases.forEach((c, i) => {
      const run = runs[i] as Run
      if (c.error) {
        if (run.code !== 1) problems.push(`${c.name}: exit ${run.code}, want 1`)
        if (!run.stderr.includes(c.error.code)) problems.push(`${c.name}: stderr lacks ${c.error.code}: ${run.stderr}`)
        if (c.error.field && !run.stderr.includes(`(${flagOf(c.error.field)})`)) problems.push(`${c.name}: stderr lacks (${flagOf(c.error.field)}): ${run.stderr}`)
        return
      }
      if (run.code !== 0) return void problems.push(`${c.name}: exit ${run.code}: ${run.stderr}`)
      problems.push(...checkPartial('', JSON.parse(run.stdout), c.expect ?? {}).map((p) => `${c.name}: ${p}`))
    })
    expect(problems).toEqual([])
  }, 900_000)

  it('prints money as JSON numbers and a readable table without --json (the real binary, spawned)', async () => {
    const [json, text, unknownFlag] = await Promise.all([
      semesta(['quote', '--json', '--segment', 'bpu', '--month', '2026-04', '--income', '1000000', '--sector', 'other']),
      semesta(['quote', '--segment', 'bpu', '--month', '2026-04', '--income', '1000000', '--sector', 'other']),
      semesta(['quote', '--segment', 'bpu', '--nope']),
    ])
    expect(unknownFlag.code).toBe(1)
    expect(unknownFlag.stderr).toContain('--nope')
    expect(json.stdout).toMatch(/"billedIdr": 8400/)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('Rp8.400')
  }, 300_000)
})
