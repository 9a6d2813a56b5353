-- coverage_deltas is a queue (appended by triggers, emptied by each fold): let autovacuum clean it after a few
-- thousand dead rows instead of a fifth of the table, so the fold's probes never step over many dead rows.
ALTER TABLE coverage_deltas SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);
