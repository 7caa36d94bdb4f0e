package org.nianbao.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The lookups a dry run and the cross-year checks make among stored reports, on a real H2 database. */
class StoredReportsLookupTest {

    private JdbcClient jdbc;
    private AssessmentStore store;

    @BeforeEach
    void database() {
        jdbc = TestDatabases.migratedInMemory("stored-reports");
        store = new AssessmentStore(jdbc, JsonMapper.builder().build());
    }

    private long stored(String sha, String agency, Integer year, String privateLink) {
        jdbc.sql("""
                INSERT INTO assessment (source, source_sha256, source_text, agency, report_year, score, grade,
                                        ruleset_version, scorecard_version, assessment_json, created_at, private_link)
                VALUES ('r.txt', :sha, :text, :agency, :year, 80, '良好', 'r', 's', '{}', :at, :private)
                """)
                .param("sha", sha.repeat(64).substring(0, 64)).param("text", "报告" + sha).param("agency", agency)
                .param("year", year).param("at", Timestamp.from(Instant.now())).param("private", privateLink)
                .update();
        return jdbc.sql("SELECT MAX(id) FROM assessment").query(Long.class).single();
    }

    @Test
    void aYearsLatestReportsAreEachSourcesLastPublicOneStoredUnderThatYear() {
        long a1 = stored("a", "甲局", 2023, null);
        long a2 = stored("a", "甲局", 2023, null);       // the same bytes again: only the later counts
        long b = stored("b", "乙局", 2023, null);
        stored("c", "丙局", 2023, "private-link-c");      // a private self-check: never
        long d = stored("d", "丁局", 2023, null);
        stored("d", "丁局", 2024, null);                  // stored again later under another year: counted there
        long e = stored("e", "戊局", 2023, null);
        stored("e", "戊局", 2023, "private-link-e");      // a later private copy does not hide the public one
        stored("f", "己局", 2022, null);

        assertThat(store.latestOf(2023)).containsExactly(a2, b, e).doesNotContain(a1, d);
        assertThat(store.latestOf(2021)).isEmpty();
    }

    @Test
    void aYearOfHundredsOfSourcesIsLookedUpWholeWhicheverQueryEachFallsIn() {
        java.util.List<Long> expected = new java.util.ArrayList<>();
        java.util.List<Long> storedAgainLater = new java.util.ArrayList<>();
        for (int i = 0; i < 350; i++) {
            String sha = String.format("%064x", i);
            long id = stored(sha, "机关" + i, 2023, null);
            if (i % 50 == 7) {
                storedAgainLater.add(id);
            } else {
                expected.add(id);
            }
        }
        for (int i = 7; i < 350; i += 50) {
            stored(String.format("%064x", i), "机关" + i, 2024, null);
        }

        assertThat(store.latestOf(2023)).hasSize(343).containsExactlyElementsOf(expected)
                .doesNotContainAnyElementsOf(storedAgainLater);
    }

    @Test
    void theLatestYearIsThatOfAPublicReportAPrivateSelfCheckOfALaterYearCountsNot() {
        assertThat(store.latestYear()).isEmpty();
        stored("a", "甲局", null, null);
        assertThat(store.latestYear()).as("a report whose year is unknown").isEmpty();

        stored("b", "甲局", 2022, null);
        stored("c", "乙局", 2024, "private-link-c");

        assertThat(store.latestYear()).contains(2022);
        stored("d", "乙局", 2023, null);
        assertThat(store.latestYear()).contains(2023);
    }

    @Test
    void anAgencysReportForAYearIsItsLatestPublicOne() {
        stored("a", "甲局", 2022, null);
        stored("b", "甲局", 2022, null);
        stored("c", "甲局", 2022, "private-link-c");
        stored("d", "甲局", 2023, null);
        stored("e", "乙局", 2022, null);

        assertThat(store.latestReport("甲局", 2022)).map(AssessmentStore.ReportText::text).contains("报告b");
        assertThat(store.latestReport("甲局", 2021)).isEmpty();
        assertThat(store.latestReport("丙局", 2022)).isEmpty();
    }
}
