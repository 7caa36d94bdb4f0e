-- Accounts that may sign in: the name, the BCrypt hash of the password, and the roles (comma-separated).
CREATE TABLE account (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(64)   NOT NULL UNIQUE,
    password_hash VARCHAR(100)  NOT NULL,
    roles         VARCHAR(100)  NOT NULL,
    enabled       BOOLEAN       NOT NULL,
    created_at    TIMESTAMP     NOT NULL
);

-- Who submitted an assessment; an anonymous self-check is private: not listed, ranked or exported, and reached
-- only through its own link.
ALTER TABLE assessment ADD COLUMN submitted_by VARCHAR(64);
ALTER TABLE assessment ADD COLUMN private_link VARCHAR(64);
CREATE UNIQUE INDEX assessment_private_link ON assessment (private_link);
