-- One row per assessment: the source's hash and text, the versions that produced it, and the assessment itself.
CREATE TABLE assessment (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    source            VARCHAR(500)  NOT NULL,
    source_sha256     CHAR(64)      NOT NULL,
    source_text       CLOB          NOT NULL,
    agency            VARCHAR(200),
    report_year       INT,
    score             DOUBLE PRECISION NOT NULL,
    grade             VARCHAR(20)   NOT NULL,
    ruleset_version   VARCHAR(64)   NOT NULL,
    scorecard_version VARCHAR(100)  NOT NULL,
    assessment_json   CLOB          NOT NULL,
    created_at        TIMESTAMP     NOT NULL
);

CREATE INDEX assessment_year_agency ON assessment (report_year, agency);
CREATE INDEX assessment_sha ON assessment (source_sha256);
