-- Imports also record sources of information and interventions, and count them like the other records.
ALTER TABLE import_job ADD COLUMN information integer, ADD COLUMN interventions integer;

-- Files waiting for an import were kept in clear until now and are encrypted from this version on: the waiting ones
-- can no longer be read, so their imports are closed (the user uploads the file again). CaseImports deletes files
-- that no import names once they are a day old.
UPDATE import_job SET status = 'EXPIRED', file_path = NULL, updated_at = now()
WHERE file_path IS NOT NULL AND status <> 'IMPORTED';
