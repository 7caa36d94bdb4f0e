-- Which instance is assessing a job item, and until when its claim holds: an instance that stops without finishing
-- leaves the item to another once the lease has run out.
ALTER TABLE job_item ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE job_item ADD COLUMN lease_until TIMESTAMP;

-- One row that every activation locks first, so that two instances activating at once do not interleave.
CREATE TABLE ruleset_activation_lock (
    id INT PRIMARY KEY
);
INSERT INTO ruleset_activation_lock (id) VALUES (1);
