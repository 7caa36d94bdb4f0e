-- What an assessment made of its facts, kept for the dry runs: a dry run compares what the rules in force make of
-- each stored report with what a candidate makes of it, and when the stored assessment was made of its facts alone
-- (no other agency's report beside them) by rules, scorecard and code of one version, it is what the rules in force
-- would make of them again. With it: that version, the report's hash (by which what reviewers dismissed in it is
-- found) and the findings it left out as dismissed (sorted, one per line).
-- In a table of its own, as the facts are: whether a year's outcomes are kept is found without reading any facts.
-- Replaced with the facts; none for an assessment made otherwise (a dry run then works its side out). Character
-- columns, not TEXT: H2 keeps a TEXT value of more than a few hundred characters apart from its row, a write of
-- its own on every upload; an outcome is a few thousand characters, and one longer than its column is not kept.
CREATE TABLE assessment_outcome (
    assessment_id BIGINT           NOT NULL PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
    made_by       VARCHAR(400)     NOT NULL,
    source_sha256 CHAR(64)         NOT NULL,
    dismissed     VARCHAR(100000)  NOT NULL,
    outcome_json  VARCHAR(1000000) NOT NULL
);
