-- Same rules as 0005_ledger_rules, checked with fewer index probes (one per transfer, not one per entry):
-- the entries trigger checks, per transfer touched, that all its entries came in this statement, are at least two,
-- sum to zero and carry the transfer's time; the transfers trigger then only has to check that each new transfer
-- has entries at all.
CREATE OR REPLACE FUNCTION ledger_check_new_transfers() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  bad_id uuid;
BEGIN
  SELECT t.id INTO bad_id FROM new_transfers t
  WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.transfer_id = t.id)
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger_unbalanced: transfer % has no entries', bad_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_check_new_entries() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  bad record;
BEGIN
  SELECT a.transfer_id, a.added, x.n, x.total, x.off_time INTO bad
  FROM (SELECT transfer_id, count(*) AS added FROM new_entries GROUP BY transfer_id) a
  CROSS JOIN LATERAL (SELECT t.occurred_at FROM ledger_transfers t WHERE t.id = a.transfer_id) t
  CROSS JOIN LATERAL (
    SELECT count(*) AS n, coalesce(sum(e.amount_idr), 0) AS total, count(*) FILTER (WHERE e.occurred_at <> t.occurred_at) AS off_time
    FROM ledger_entries e WHERE e.transfer_id = a.transfer_id
  ) x
  WHERE x.n <> a.added OR x.n < 2 OR x.total <> 0 OR x.off_time > 0
  LIMIT 1;
  IF FOUND AND bad.off_time > 0 THEN
    RAISE EXCEPTION 'ledger_entry_time: an entry of transfer % differs from its transfer''s occurred_at', bad.transfer_id
      USING ERRCODE = 'check_violation';
  ELSIF FOUND THEN
    RAISE EXCEPTION 'ledger_unbalanced: transfer % has % entries (% in this statement) summing to %', bad.transfer_id, bad.n, bad.added, bad.total
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
