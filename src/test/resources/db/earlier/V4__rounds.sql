-- An agency keeps one identity across rounds: its full name.
CREATE TABLE agency (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(200)  NOT NULL UNIQUE,
    created_at TIMESTAMP     NOT NULL
);

-- An evaluation round: the year it evaluates, and the rules and scorecard frozen when it opened (their files kept
-- here, so that a later activation does not change the round).
CREATE TABLE evaluation_round (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(200)  NOT NULL,
    report_year       INT           NOT NULL,
    region            VARCHAR(200),
    scorecard_id      VARCHAR(100)  NOT NULL,
    ruleset_version   VARCHAR(64)   NOT NULL,
    scorecard_version VARCHAR(100)  NOT NULL,
    files_json        CLOB          NOT NULL,
    created_by        VARCHAR(64)   NOT NULL,
    created_at        TIMESTAMP     NOT NULL
);

-- The agencies a round expects: each with its level, the group it is ranked in and the other names its reports use.
CREATE TABLE round_agency (
    round_id   BIGINT        NOT NULL REFERENCES evaluation_round (id),
    agency_id  BIGINT        NOT NULL REFERENCES agency (id),
    level      VARCHAR(20),
    group_name VARCHAR(100),
    aliases    VARCHAR(2000),
    PRIMARY KEY (round_id, agency_id)
);

-- Background work: a job's items keep their content until done, so that a restart carries on where it stopped.
CREATE TABLE job (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id     BIGINT        NOT NULL REFERENCES evaluation_round (id),
    submitted_by VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMP     NOT NULL
);

CREATE TABLE job_item (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_id       BIGINT        NOT NULL REFERENCES job (id),
    source       VARCHAR(500)  NOT NULL,
    content      BLOB,
    agency_name  VARCHAR(200),
    published_on DATE,
    state        VARCHAR(10)   NOT NULL,
    error        VARCHAR(2000)
);

CREATE INDEX job_item_state ON job_item (state);

-- A report handed in to a round: the agency it was matched to (none: unmatched), its assessment or why it failed.
CREATE TABLE round_submission (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id      BIGINT        NOT NULL REFERENCES evaluation_round (id),
    job_item_id   BIGINT        REFERENCES job_item (id),
    source        VARCHAR(500)  NOT NULL,
    agency_id     BIGINT        REFERENCES agency (id),
    named_agency  VARCHAR(200),
    assessment_id BIGINT        REFERENCES assessment (id),
    error         VARCHAR(2000),
    created_at    TIMESTAMP     NOT NULL
);

CREATE INDEX round_submission_round ON round_submission (round_id, agency_id);
