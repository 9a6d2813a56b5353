import { useQuery } from '@tanstack/react-query'
import { buildRegionTree, readRegionList, type ProvinceNode, type RegionItem } from '../pages/regions/region-tree'
import { api } from './api'

export interface Regions {
  provinces: ProvinceNode[]
  byCode: ReadonlyMap<string, RegionItem>
  /** `Kota Denpasar`, or the code itself while the list loads or for an unknown code */
  nameOf(code: string): string
}

export function regionsFrom(items: readonly RegionItem[]): Regions {
  const byCode = new Map(items.map((r) => [r.code, r]))
  return { provinces: buildRegionTree(items), byCode, nameOf: (code) => byCode.get(code)?.name ?? code }
}

const EMPTY = regionsFrom([])

/** GET /api/v1/regions once per session (reference data), as a tree and a name look-up. */
export function useRegions(): Regions & { isLoading: boolean } {
  const query = useQuery({
    queryKey: ['regions'],
    queryFn: async ({ signal }) => regionsFrom(readRegionList(await api.get<unknown>('/api/v1/regions', signal))),
    staleTime: Infinity,
  })
  return { ...(query.data ?? EMPTY), isLoading: query.isLoading }
}
