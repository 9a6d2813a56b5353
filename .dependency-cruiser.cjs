/** The dependency rules of DESIGN.md §2, checked in `npm test` (npm run lint:deps). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports only other domain/ code and src/kernel/: no I/O, no platform, no db, no http',
      severity: 'error',
      from: { path: '^src/areas/[^/]+/domain/' },
      to: {
        // pure, I/O-free libraries are allowed (phone-number metadata); nothing else from outside
        pathNot: ['^src/areas/[^/]+/domain/', '^src/kernel/', '^regulations/', '^reference/', '^node_modules/libphonenumber-js/'],
      },
    },
    {
      name: 'kernel-is-pure',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { pathNot: ['^src/kernel/', '^node_modules/libphonenumber-js/'] },
    },
    {
      name: 'domain-no-node-io',
      comment: 'no fs, net, http, child_process, crypto randomness in domain or kernel',
      severity: 'error',
      from: { path: '^src/(kernel|areas/[^/]+/domain)/' },
      to: { dependencyTypes: ['core'], path: '^(fs|node:fs|net|node:net|http|node:http|https|node:https|child_process|node:child_process|fs/promises|node:fs/promises|crypto|node:crypto)$' },
    },
    {
      name: 'areas-through-index',
      comment: 'an area is used by others only through its index.ts',
      severity: 'error',
      from: { path: '^src/areas/([^/]+)/' },
      // zod schemas are public contracts (web/ imports them too): an area's schemas may build on another's
      to: { path: '^src/areas/([^/]+)/', pathNot: ['^src/areas/$1/', '^src/areas/[^/]+/index\\.ts$', '^src/areas/[^/]+/domain/', '^src/areas/[^/]+/http/[a-z-]*schemas\\.ts$'] },
    },
    {
      name: 'outside-through-index',
      comment: 'flows, cli and server reach an area through its index.ts (http/ routes only through the server)',
      severity: 'error',
      from: { path: '^src/(flows|cli)/' },
      to: { path: '^src/areas/[^/]+/(db|http)/' },
    },
    {
      name: 'nothing-imports-http',
      comment: "nothing imports an area's http/ but the server (and the area's own index for route registration)",
      severity: 'error',
      // web/ is held to http/schemas* by web-imports-pure-only below
      from: { pathNot: ['^src/server\\.ts$', '^src/platform/http/', '^src/areas/([^/]+)/http/', '^src/areas/[^/]+/index\\.ts$', '\\.test\\.ts$', '^web/'] },
      to: { path: '^src/areas/[^/]+/http/' },
    },
    {
      name: 'web-imports-pure-only',
      comment: 'web/ takes from src/ only types, zod schemas, pure domain and kernel code',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: ['^src/kernel/', '^src/areas/[^/]+/domain/', '^src/areas/[^/]+/http/[a-z-]*schemas'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)node_modules/' },
  },
}
