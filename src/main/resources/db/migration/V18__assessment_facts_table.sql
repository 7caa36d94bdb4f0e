-- The facts each assessment was made from move to a table of their own. They are about half of what a stored
-- assessment holds (some 29,000 characters of JSON), and H2 reads a row whole: every ranking, listing and lookup
-- of an assessment read them for nothing, and a dry run, which needs them alone, read the report's text and the
-- assessment with them. With each: the report's name and hash (what a dry run shows and looks dismissals up by)
-- and the version of what drew them. Deleted with their assessment.
CREATE TABLE assessment_facts (
    assessment_id     BIGINT        NOT NULL PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
    source            VARCHAR(500)  NOT NULL,
    source_sha256     CHAR(64)      NOT NULL,
    extractor_version VARCHAR(100)  NOT NULL,
    facts_json        TEXT          NOT NULL
);

INSERT INTO assessment_facts (assessment_id, source, source_sha256, extractor_version, facts_json)
SELECT id, source, source_sha256, extractor_version, facts_json FROM assessment
WHERE facts_json IS NOT NULL AND extractor_version IS NOT NULL;

ALTER TABLE assessment DROP COLUMN facts_json;
ALTER TABLE assessment DROP COLUMN extractor_version;
