import { expect } from 'vitest'

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])

/** The structural rules of OpenAPI 3.0 that a generator can get wrong: operations, responses, and resolvable $refs. */
export function expectWellFormedOpenApi(doc: Record<string, unknown>) {
  const paths = doc.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>
  for (const [route, item] of Object.entries(paths)) {
    expect(route.startsWith('/'), route).toBe(true)
    for (const [method, operation] of Object.entries(item)) {
      if (method === 'parameters') continue
      expect(METHODS.has(method), `${method} ${route}`).toBe(true)
      expect(Object.keys(operation.responses ?? {}).length, `${method} ${route} responses`).toBeGreaterThan(0)
    }
  }
  const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? []
  for (const ref of refs) {
    const pointer = ref.slice(9, -1)
    expect(pointer.startsWith('#/'), pointer).toBe(true)
    const target = pointer.slice(2).split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc)
    expect(target, pointer).toBeDefined()
  }
}
