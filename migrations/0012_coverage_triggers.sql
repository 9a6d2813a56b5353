-- Coverage rollups kept current by the database, whatever code writes participants (registration, bulk import and
-- demo COPY, payments, the daily status job, corrections, ending): statement-level AFTER triggers with transition
-- tables append the net change of each (effective month, regency, segment, category, source kind, occupation,
-- measure) to coverage_deltas, one INSERT per statement. Appends only: no shared counter row is updated inside a
-- payment's transaction (DESIGN.md §7 "Speed honesty"); foldCoverage moves the deltas into the rollups.
-- Measures: registered and the four statuses are stocks (+1/-1); new, lapsed and reactivated are flows (+1).
CREATE FUNCTION coverage_segment(category text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE category WHEN 'bpu' THEN 'bpu' WHEN 'pmi' THEN 'pmi' WHEN 'jakon' THEN 'jakon' ELSE 'pu' END
$$;
--> statement-breakpoint
CREATE FUNCTION coverage_occupation(codes text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(codes[1], '-')
$$;
--> statement-breakpoint
CREATE FUNCTION coverage_participants_inserted() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO coverage_deltas (month, regency_code, segment, category, source_kind, occupation, measure, n)
  SELECT m.month, p.regency_code, coverage_segment(p.category), p.category, coalesce(s.kind, 'unknown'),
         coverage_occupation(p.occupation_codes), m.measure, sum(m.n)
    FROM new_rows p
    LEFT JOIN sources s ON s.id = p.source_id
    CROSS JOIN LATERAL (VALUES
      (to_char(p.registered_on, 'YYYY-MM'), 'registered', 1),
      (to_char(p.registered_on, 'YYYY-MM'), 'new', 1),
      (to_char(p.registered_on, 'YYYY-MM'), 'terdaftar', 1),
      (to_char(p.status_since, 'YYYY-MM'), 'terdaftar', CASE WHEN p.status = 'terdaftar' THEN 0 ELSE -1 END),
      (to_char(p.status_since, 'YYYY-MM'), p.status, CASE WHEN p.status = 'terdaftar' THEN 0 ELSE 1 END)
    ) m(month, measure, n)
   WHERE p.status <> 'berhenti' AND m.n <> 0
   GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(m.n) <> 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION coverage_participants_updated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO coverage_deltas (month, regency_code, segment, category, source_kind, occupation, measure, n)
  SELECT d.month, d.regency_code, coverage_segment(d.category), d.category, coalesce(s.kind, 'unknown'),
         coverage_occupation(d.occupation_codes), d.measure, sum(d.n)
    FROM (
      SELECT o.id, n.status AS new_status, o.status AS old_status,
             to_char(CASE
               WHEN n.status IS DISTINCT FROM o.status AND n.status = 'berhenti' THEN coalesce(n.ended_on, n.status_since)
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
--> statement-breakpoint
CREATE TRIGGER coverage_participants_insert AFTER INSERT ON participants
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_participants_inserted();
--> statement-breakpoint
CREATE TRIGGER coverage_participants_update AFTER UPDATE ON participants
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_participants_updated();
