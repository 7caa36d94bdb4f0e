package org.nianbao.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Acknowledged means durable, whatever the configuration: the connection pool is set up so that a write is committed
 * before the service answers, and the service does not start on a database that would delay it.
 *
 * <ul>
 * <li>H2: the URL is completed (or refused) by {@link DurableUrl}, and at start the database is asked for its
 * {@code WRITE_DELAY}, which must be 0.</li>
 * <li>PostgreSQL: each connection raises {@code synchronous_commit} to {@code on} when the server, the database or
 * the role turned it off (a stronger setting such as {@code remote_apply} is kept), and at start it must not be
 * {@code off}. {@code fsync = off} on the server cannot be changed from here: it is logged as a warning.</li>
 * <li>Both: connections commit each statement outside a transaction ({@code auto-commit}); a pool configured
 * otherwise would hand back uncommitted writes, and is refused.</li>
 * </ul>
 */
@Configuration
public class DurableDatabase implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(DurableDatabase.class);

    /** Run on each new PostgreSQL connection: commits wait for the write-ahead log unless something stronger is set. */
    static final String SYNCHRONOUS_COMMIT =
            "SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = 'off'";

    private final DataSource dataSource;

    public DurableDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Completes the pool's settings before it opens its first connection. */
    @Bean
    static BeanPostProcessor durableConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) {
                    configure(pool);
                }
                return bean;
            }
        };
    }

    static void configure(HikariDataSource pool) {
        pool.setJdbcUrl(DurableUrl.complete(pool.getJdbcUrl()));
        if (!pool.isAutoCommit()) {
            throw new UnsafeDatabaseSettings("spring.datasource.hikari.auto-commit=false",
                    "连接池设置 auto-commit=false 会让事务之外的写入在连接归还时被回滚；请去掉这项设置");
        }
        if (isPostgres(pool.getJdbcUrl()) && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(SYNCHRONOUS_COMMIT);
        }
    }

    private static boolean isPostgres(String url) {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** At start: the settings in force on a real connection, whatever pool or URL gave it. */
    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (!c.getAutoCommit()) {
                throw new UnsafeDatabaseSettings("autocommit=false",
                        "数据库连接不自动提交，事务之外的写入会在连接归还时被回滚；请去掉关闭自动提交的设置");
            }
            String product = c.getMetaData().getDatabaseProductName();
            if ("H2".equals(product)) {
                checkH2(c, s);
            } else if ("PostgreSQL".equals(product)) {
                checkPostgres(s);
            }
        }
    }

    private static void checkH2(Connection c, Statement s) throws SQLException {
        String url = c.getMetaData().getURL();
        if (url == null || DurableUrl.kindOf(url.substring(Math.min(url.length(), "jdbc:h2:".length()))) == DurableUrl.Kind.MEMORY) {
            return; // nothing outlives the process anyway
        }
        try (ResultSet rs = s.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            String delay = rs.next() ? rs.getString(1) : "0";
            if (!"0".equals(delay)) {
                throw new UnsafeDatabaseSettings("WRITE_DELAY=" + delay,
                        "H2 数据库的 WRITE_DELAY 为 %s 毫秒，已确认的写入可能在进程被终止时丢失".formatted(delay));
            }
        }
    }

    private static void checkPostgres(Statement s) throws SQLException {
        String commit = show(s, "synchronous_commit");
        if ("off".equalsIgnoreCase(commit)) {
            throw new UnsafeDatabaseSettings("synchronous_commit=off",
                    "PostgreSQL 连接的 synchronous_commit 为 off，已确认的写入可能在数据库服务器崩溃时丢失；"
                            + "请去掉连接池的 connection-init-sql 或其中关闭同步提交的语句");
        }
        if ("off".equalsIgnoreCase(show(s, "fsync"))) {
            LOG.warn("PostgreSQL 服务器的 fsync 为 off：断电或操作系统崩溃时已确认的写入可能丢失 "
                    + "(the server runs with fsync = off: a power failure can lose acknowledged writes)");
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
