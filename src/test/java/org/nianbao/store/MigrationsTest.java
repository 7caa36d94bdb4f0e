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
    void aNewDatabaseNeedsNoRepair() {
        Flyway current = flyway("jdbc:h2:mem:new-database;DB_CLOSE_DELAY=-1", "classpath:db/migration");
        current.migrate();
        assertThat(Migrations.onlyEarlierTexts(current)).isFalse();
    }
}
