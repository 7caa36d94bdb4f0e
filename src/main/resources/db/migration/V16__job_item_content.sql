-- A waiting report's bytes in a table of their own: claiming, renewing and closing an item rewrite its small row
-- only, and counting a job's items or finding the next one to claim reads no report. The bytes are removed when the
-- item is done (its text is kept with its assessment).
CREATE TABLE job_item_content (
    item_id BIGINT PRIMARY KEY REFERENCES job_item (id) ON DELETE CASCADE,
    content BYTEA  NOT NULL
);
INSERT INTO job_item_content (item_id, content) SELECT id, content FROM job_item WHERE content IS NOT NULL;
ALTER TABLE job_item DROP COLUMN content;

-- a job's items, by their state (a job's progress), and the waiting items in order (the next to claim)
CREATE INDEX job_item_job ON job_item (job_id, state);
DROP INDEX job_item_state;
CREATE INDEX job_item_waiting ON job_item (state, id);
