-- A reviewer's decision on a finding: confirmed or dismissed, by whom, when and why. It belongs to the report
-- (its SHA-256) and the finding's fingerprint (rule id + the place it cites), so it holds through a re-score.
CREATE TABLE finding_review (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    source_sha256 CHAR(64)      NOT NULL,
    fingerprint   VARCHAR(1000) NOT NULL,
    rule_id       VARCHAR(100)  NOT NULL,
    decision      VARCHAR(10)   NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    reviewed_by   VARCHAR(64)   NOT NULL,
    reviewed_at   TIMESTAMP     NOT NULL
);

CREATE INDEX finding_review_source ON finding_review (source_sha256);

-- Each change of a round's rules or scorecard after it opened: an explicit, recorded re-score.
CREATE TABLE round_change (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id          BIGINT        NOT NULL REFERENCES evaluation_round (id),
    ruleset_version   VARCHAR(64)   NOT NULL,
    scorecard_version VARCHAR(100)  NOT NULL,
    reason            VARCHAR(2000) NOT NULL,
    changed_by        VARCHAR(64)   NOT NULL,
    changed_at        TIMESTAMP     NOT NULL
);

-- A re-score's items name the stored assessment to assess again instead of carrying a file.
ALTER TABLE job_item ADD COLUMN assessment_id BIGINT;

-- Section 五 of each report handed in to a round (words only), to compare the agencies' reports with one another.
ALTER TABLE round_submission ADD COLUMN section_five CLOB;
