package org.nianbao.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The database the storage, job and API tests run on: an H2 database in memory, or, when the system property
 * {@code nianbao.test.postgres} gives a PostgreSQL server ({@code jdbc:postgresql://127.0.0.1:55432/postgres?user=postgres}),
 * a fresh database on it for each name a test uses. The same tests then run unchanged on both: every test context
 * whose {@code spring.datasource.url} is an in-memory H2 database gets the PostgreSQL database of the same name.
 */
public final class TestDatabases implements ContextCustomizerFactory {

    /** The PostgreSQL server to run on, or null for H2. */
    public static String postgres() {
        String url = System.getProperty("nianbao.test.postgres");
        return url == null || url.isBlank() ? null : url;
    }

    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    /**
     * A new H2 database in memory with the service's schema (every migration applied), for a test of what the stores
     * ask of the database without a service around them.
     */
    public static org.springframework.jdbc.core.simple.JdbcClient migratedInMemory(String name) {
        org.h2.jdbcx.JdbcDataSource data = new org.h2.jdbcx.JdbcDataSource();
        data.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        org.flywaydb.core.Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        return org.springframework.jdbc.core.simple.JdbcClient.create(data);
    }

    /**
     * The JDBC URL of the database called {@code name}: created empty the first time this run asks for it (on
     * PostgreSQL), else an H2 file database in {@code h2Folder} (null: in memory).
     */
    public static String url(String name, java.nio.file.Path h2Folder) {
        String server = postgres();
        if (server == null) {
            return h2Folder == null ? "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"
                    : "jdbc:h2:file:" + h2Folder.resolve(name).toAbsolutePath() + ";AUTO_SERVER=FALSE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        }
        String database = "t_" + name.toLowerCase().replaceAll("[^a-z0-9]", "_");
        if (CREATED.add(database)) {
            try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + database + " on " + server, e);
            }
        }
        int path = server.indexOf('/', "jdbc:postgresql://".length());
        int query = server.indexOf('?');
        return server.substring(0, path + 1) + database + (query < 0 ? "" : server.substring(query));
    }

    /** Command-line arguments that put a service on the database {@code name} (see {@link #url}). */
    public static List<String> arguments(String name, java.nio.file.Path h2Folder) {
        return postgres() == null ? List.of("--spring.datasource.url=" + url(name, h2Folder))
                : List.of("--spring.datasource.url=" + url(name, h2Folder), "--spring.datasource.username=" + user(),
                        "--spring.datasource.password=");
    }

    /** The user named in the server's URL ({@code ?user=}), else postgres. */
    public static String user() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]user=([^&]+)").matcher(postgres());
        return m.find() ? m.group(1) : "postgres";
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configs) {
        return postgres() == null ? null : new OnPostgres();
    }

    /** Replaces an in-memory H2 URL by the PostgreSQL database of the same name. */
    private static final class OnPostgres implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String h2 = context.getEnvironment().getProperty("spring.datasource.url", "");
            if (!h2.startsWith("jdbc:h2:mem:")) {
                return;
            }
            String name = h2.substring("jdbc:h2:mem:".length()).split(";")[0];
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-postgres",
                    Map.of("spring.datasource.url", url(name, null), "spring.datasource.username", user(),
                            "spring.datasource.password", "")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OnPostgres;
        }

        @Override
        public int hashCode() {
            return OnPostgres.class.hashCode();
        }
    }
}
