-- Every import of a CSV file keeps its job in a table of the same shape (platform.tabular.ImportJobs): imports of
-- places and of population figures gain the count of corrections (always 0 for them) and the time of the run.
ALTER TABLE place_import ADD COLUMN corrected integer, ADD COLUMN imported_at timestamptz;
ALTER TABLE population_import ADD COLUMN corrected integer, ADD COLUMN imported_at timestamptz;
