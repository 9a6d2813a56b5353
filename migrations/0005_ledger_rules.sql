-- Ledger rules enforced by the database on both engines (PGlite and PostgreSQL 15), whatever code writes:
-- 1. insert only: any UPDATE, DELETE or TRUNCATE of accounts, transfers or entries is refused (a correction is a
--    reversing transfer);
-- 2. a transfer is written together with all its entries in ONE statement (postTransfers does it with a
--    data-modifying CTE); after that statement, every new transfer has at least two entries summing to zero, and
--    no entry was added to a transfer written earlier. Statement-level AFTER triggers with transition tables check
--    this once per statement (set-based: a billing chunk of 10,000 transfers is one query), not once per row at
--    commit. `SET search_path FROM CURRENT` pins the functions to the schema they were created in (test schemas).
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  RAISE EXCEPTION 'ledger_insert_only: % on % refused; post a reversing transfer instead', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_insert_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_accounts
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_insert_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_transfers
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_insert_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE FUNCTION ledger_check_new_transfers() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  bad record;
BEGIN
  SELECT t.id, x.n, x.total INTO bad
  FROM new_transfers t
  CROSS JOIN LATERAL (
    SELECT count(*) AS n, coalesce(sum(e.amount_idr), 0) AS total FROM ledger_entries e WHERE e.transfer_id = t.id
  ) x
  WHERE x.n < 2 OR x.total <> 0
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger_unbalanced: transfer % has % entries summing to %', bad.id, bad.n, bad.total
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_balanced AFTER INSERT ON ledger_transfers
  REFERENCING NEW TABLE AS new_transfers FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_new_transfers();
--> statement-breakpoint
CREATE FUNCTION ledger_check_new_entries() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  bad record;
BEGIN
  SELECT a.transfer_id, a.added, x.n, x.total INTO bad
  FROM (SELECT transfer_id, count(*) AS added FROM new_entries GROUP BY transfer_id) a
  CROSS JOIN LATERAL (
    SELECT count(*) AS n, coalesce(sum(e.amount_idr), 0) AS total FROM ledger_entries e WHERE e.transfer_id = a.transfer_id
  ) x
  WHERE x.n <> a.added OR x.n < 2 OR x.total <> 0
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger_unbalanced: transfer % has % entries (% in this statement) summing to %', bad.transfer_id, bad.n, bad.added, bad.total
      USING ERRCODE = 'check_violation';
  END IF;
  PERFORM 1 FROM new_entries e JOIN ledger_transfers t ON t.id = e.transfer_id WHERE e.occurred_at <> t.occurred_at LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger_entry_time: an entry''s occurred_at differs from its transfer''s' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_new_entries();
