import { describe, expect, it } from 'vitest'
import { regulationFilesByName } from './quote-engine-files'

describe('naming the bundled regulation files', () => {
  it('keys each YAML module by its basename, as parseRegulationSet expects', () => {
    const files = regulationFilesByName({ '/work/regulations/bpu.yaml': { a: 1 }, '../../../regulations/pu.yml': { b: 2 } })
    expect(files).toEqual({ bpu: { a: 1 }, pu: { b: 2 } })
  })
})
