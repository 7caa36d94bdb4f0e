-- Private self-checks are deleted once older than the retention period (nianbao.retention.private-checks): the
-- scheduled sweep finds them by their time.
CREATE INDEX assessment_created_at ON assessment (created_at);
