package org.nianbao.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service's connections commit durably though the configured URL says nothing of it: on H2 the write delay is 0,
 * on PostgreSQL {@code synchronous_commit} is on although the database's own default was turned off, and both commit
 * each statement made outside a transaction.
 */
@SpringBootTest
@Tag("database")
class DurableDatabaseTest {

    @DynamicPropertySource
    static void bareUrl(DynamicPropertyRegistry registry) throws Exception {
        if (TestDatabases.postgres() == null) {
            Path folder = Files.createTempDirectory("durable");
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + folder.resolve("db").toAbsolutePath());
            return;
        }
        String url = TestDatabases.url("durable-settings", null);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + c.getCatalog() + " SET synchronous_commit = off");
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabases::user);
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    DataSource dataSource;

    @Test
    void connectionsCommitEachWriteBeforeTheServiceAnswers() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(c.getAutoCommit()).isTrue();
            if (TestDatabases.postgres() == null) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("0");
                }
            } else {
                try (ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("on");
                }
            }
        }
    }
}
