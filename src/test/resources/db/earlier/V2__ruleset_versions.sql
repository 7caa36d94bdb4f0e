-- Every ruleset that was activated: its files (to reactivate it later), who activated it, when, why, and what changed.
CREATE TABLE ruleset_version (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    version       VARCHAR(64)   NOT NULL,
    scorecard     VARCHAR(100)  NOT NULL,
    files_json    CLOB          NOT NULL,
    activated_at  TIMESTAMP     NOT NULL,
    activated_by  VARCHAR(100)  NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    diff          CLOB          NOT NULL,
    active        BOOLEAN       NOT NULL
);
