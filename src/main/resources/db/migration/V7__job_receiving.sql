-- A job is recorded item by item (a 20 MB archive is not one transaction) and becomes 'ready' with its last item;
-- only then is it acknowledged and are its items claimed. One a stop cut off while 'receiving' was never
-- acknowledged, and is removed.
ALTER TABLE job ADD COLUMN state VARCHAR(10) DEFAULT 'ready' NOT NULL;
