/** `…/regulations/bpu.yaml` → `bpu`: parseRegulationSet keys each file by its basename. */
export function regulationFilesByName(modules: Record<string, unknown>): Record<string, unknown> {
  const files: Record<string, unknown> = {}
  for (const [path, value] of Object.entries(modules)) {
    const name = path.split('/').pop()?.replace(/\.ya?ml$/, '')
    if (name) files[name] = value
  }
  return files
}
