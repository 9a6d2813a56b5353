-- Receipt (bukti bayar) serials: one sequence per year, BB-<year>-<serial>. Sequences take no row lock, so concurrent
-- payments never queue on a shared counter (DESIGN.md §7 "Speed honesty"); a rolled-back payment leaves a gap.
DO $$
BEGIN
  FOR y IN 2015..2060 LOOP
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I START WITH 1 MINVALUE 1', 'receipt_serial_' || y);
  END LOOP;
END $$;
