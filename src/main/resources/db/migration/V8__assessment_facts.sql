-- The facts each assessment was made from (JSON) and the version of what drew them (the extractor's code and the
-- ruleset's statements): a dry run or a re-score runs the rules over them again without reading the report again.
-- Rows stored before have none and are read again when needed.
ALTER TABLE assessment ADD COLUMN facts_json TEXT;
ALTER TABLE assessment ADD COLUMN extractor_version VARCHAR(100);
