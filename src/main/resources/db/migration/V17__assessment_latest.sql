-- An agency's latest stored report for a year (the year before, for the cross-year checks) found by one step down an
-- index, however many reports that agency has: the index holds the agency, the year and the order of storing.
-- The latest report of each source for a year (what a dry run runs over) is found from two indexes without reading
-- a stored assessment: the year's reports with their source and privacy, and each source's reports in order.
DROP INDEX assessment_year_agency;
CREATE INDEX assessment_agency_year ON assessment (agency, report_year, id);
CREATE INDEX assessment_year_latest ON assessment (report_year, private_link, source_sha256, id);
DROP INDEX assessment_sha;
CREATE INDEX assessment_sha_latest ON assessment (source_sha256, private_link, id);
-- a round's submissions in the order they were stored (those stored since a given one: the section 五 compared),
-- and an agency's in a round in that order (its latest: the report for the year before, in an earlier year's round)
CREATE INDEX round_submission_round_order ON round_submission (round_id, id);
DROP INDEX round_submission_round;
CREATE INDEX round_submission_round ON round_submission (round_id, agency_id, id);
