-- A status change takes effect at the new status_since, berhenti included (ending sets status_since = ended_on; when
-- the status job later moves an ended participant again, its own status_since is the date that counts).
CREATE OR REPLACE FUNCTION coverage_participants_updated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO coverage_deltas (month, regency_code, segment, category, source_kind, occupation, measure, n)
  SELECT d.month, d.regency_code, coverage_segment(d.category), d.category, coalesce(s.kind, 'unknown'),
         coverage_occupation(d.occupation_codes), d.measure, sum(d.n)
    FROM (
      SELECT o.id, n.status AS new_status, o.status AS old_status,
             to_char(CASE
               WHEN n.status IS DISTINCT FROM o.status THEN n.status_since
               ELSE (n.updated_at AT TIME ZONE 'Asia/Makassar')::date
             END, 'YYYY-MM') AS month,
             o.regency_code AS o_regency, o.category AS o_category, o.source_id AS o_source, o.occupation_codes AS o_occ,
             n.regency_code AS n_regency, n.category AS n_category, n.source_id AS n_source, n.occupation_codes AS n_occ
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.status, o.regency_code, o.category, o.source_id, coverage_occupation(o.occupation_codes))
             IS DISTINCT FROM (n.status, n.regency_code, n.category, n.source_id, coverage_occupation(n.occupation_codes))
    ) c
    CROSS JOIN LATERAL (VALUES
      (c.month, c.o_regency, c.o_category, c.o_source, c.o_occ, 'registered', CASE WHEN c.old_status = 'berhenti' THEN 0 ELSE -1 END),
      (c.month, c.o_regency, c.o_category, c.o_source, c.o_occ, c.old_status, CASE WHEN c.old_status = 'berhenti' THEN 0 ELSE -1 END),
      (c.month, c.n_regency, c.n_category, c.n_source, c.n_occ, 'registered', CASE WHEN c.new_status = 'berhenti' THEN 0 ELSE 1 END),
      (c.month, c.n_regency, c.n_category, c.n_source, c.n_occ, c.new_status, CASE WHEN c.new_status = 'berhenti' THEN 0 ELSE 1 END),
      (c.month, c.n_regency, c.n_category, c.n_source, c.n_occ, 'lapsed',
        CASE WHEN c.new_status = 'nonaktif' AND c.old_status <> 'nonaktif' THEN 1 ELSE 0 END),
      (c.month, c.n_regency, c.n_category, c.n_source, c.n_occ, 'reactivated',
        CASE WHEN c.old_status = 'nonaktif' AND c.new_status IN ('aktif', 'menunggak') THEN 1 ELSE 0 END)
    ) d(month, regency_code, category, source_id, occupation_codes, measure, n)
    LEFT JOIN sources s ON s.id = d.source_id
   WHERE d.n <> 0
   GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(d.n) <> 0;
  RETURN NULL;
END
$$;
