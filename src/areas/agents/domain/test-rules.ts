import { parseAgentRules } from './scheme.js'

/** Two schemes with a mid-year change: 7.5 % (Rp500,000 at 2 new) to June 2026, 15 % (per worker at 2 new) from July 2026. */
export const MID_YEAR_RULES = parseAgentRules({
  schemes: [
    { from: '2018-02', to: '2026-06', collection_rate_ppm: 75000, acquisition: { kind: 'flat_at_threshold', threshold: 2, amount_idr: 500000 }, wadah_share_ppm: 100000, wadah_share_from_agent: true, citation: 'test', evidence: 'C2' },
    { from: '2026-07', to: null, collection_rate_ppm: 150000, acquisition: { kind: 'per_worker_at_threshold', threshold: 2, amount_idr_by_programmes: { 2: 10000, 3: 15000 } }, wadah_share_ppm: 100000, wadah_share_from_agent: false, citation: 'test', evidence: 'S1' },
  ],
  status_rule: { inactive_after_months: 3, evidence: 'S1' },
})
