package org.nianbao.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database made by the earlier, H2-only text of the first migrations starts with the portable ones. Such a
 * database is made here by migrating and then recording the earlier checksums, as Flyway kept them for that text.
 */
class MigrationsTest {

    private static Flyway flyway(String url, String location) {
        return Flyway.configure().dataSource(url, "sa", "").locations(location).load();
    }

    /** A database whose history records the first five migrations with their earlier checksums (the rest pending). */
    private static void madeByTheEarlierText(String url) throws Exception {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("5").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (var e : Migrations.EARLIER_TEXT.entrySet()) {
                s.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = " + e.getValue()
                        + " WHERE \"version\" = '" + e.getKey() + "'");
            }
        }
    }

    @Test
    void aDatabaseMadeByTheEarlierTextIsBroughtInLineAndMigrated() throws Exception {
        String url = "jdbc:h2:mem:earlier-text;DB_CLOSE_DELAY=-1";
        madeByTheEarlierText(url);

        Flyway current = flyway(url, "classpath:db/migration");
        assertThat(current.validateWithResult().validationSuccessful).isFalse();
        assertThat(Migrations.onlyEarlierTexts(current)).isTrue();
        current.repair();
        current.migrate();
        assertThat(current.validateWithResult().validationSuccessful).isTrue();
        assertThat(current.info().pending()).isEmpty();
        assertThat(current.info().applied()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void anyOtherEditOfAnAppliedMigrationStillStopsTheStart() throws Exception {
        String url = "jdbc:h2:mem:edited-text;DB_CLOSE_DELAY=-1";
        madeByTheEarlierText(url);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '2'");
        }
        Flyway current = flyway(url, "classpath:db/migration");
        assertThat(Migrations.onlyEarlierTexts(current)).isFalse();
        assertThatThrownBy(current::migrate).hasMessageContaining("checksum");
    }

    @Test
    void theFactsKeptWithAnAssessmentMoveToTheirOwnTableWithItsNameAndHash() throws Exception {
        String url = "jdbc:h2:mem:facts-move;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("17").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String row : new String[] {"1, 'a.txt', '%s', '{\"kept\":1}', 'v1'".formatted("a".repeat(64)),
                    "2, 'b.txt', '%s', NULL, NULL".formatted("b".repeat(64))}) {
                s.execute("""
                        INSERT INTO assessment (id, source, source_sha256, facts_json, extractor_version, source_text, score,
                                                grade, ruleset_version, scorecard_version, assessment_json, created_at)
                        VALUES (%s, '报告', 80, '良好', 'r', 's', '{}', CURRENT_TIMESTAMP)""".formatted(row));
            }
        }

        flyway(url, "classpath:db/migration").migrate();

        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(new org.springframework.jdbc.datasource
                .DriverManagerDataSource(url, "sa", ""));
        assertThat(jdbc.sql("SELECT assessment_id, source, source_sha256, extractor_version, facts_json FROM assessment_facts")
                .query().listOfRows()).singleElement().satisfies(row -> {
                    assertThat(((Number) row.values().toArray()[0]).longValue()).isEqualTo(1);
                    assertThat(row.values()).contains("a.txt", "a".repeat(64), "v1", "{\"kept\":1}");
                });
        jdbc.sql("DELETE FROM assessment WHERE id = 1").update();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_facts").query(Long.class).single())
                .as("deleted with its assessment").isZero();
    }

    @Test
    void aNewDatabaseNeedsNoRepair() {
        Flyway current = flyway("jdbc:h2:mem:new-database;DB_CLOSE_DELAY=-1", "classpath:db/migration");
        current.migrate();
        assertThat(Migrations.onlyEarlierTexts(current)).isFalse();
    }
}
