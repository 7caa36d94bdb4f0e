package org.nianbao.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts table: names, password hashes and roles. */
@Repository
public class AccountStore {

    /** An account with its password hash, for signing in. */
    public record Credentials(Account account, String passwordHash) {
    }

    private final JdbcClient jdbc;

    public AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT username, password_hash, roles, enabled, created_at FROM account WHERE username = :u")
                .param("u", username)
                .query((rs, n) -> new Credentials(account(rs), rs.getString("password_hash")))
                .optional();
    }

    public List<Account> all() {
        return jdbc.sql("SELECT username, roles, enabled, created_at FROM account ORDER BY id")
                .query((rs, n) -> account(rs))
                .list();
    }

    /** Adds an account; false when the name is taken. */
    public boolean insert(String username, String passwordHash, Set<Role> roles) {
        if (credentials(username).isPresent()) {
            return false;
        }
        try {
            jdbc.sql("""
                    INSERT INTO account (username, password_hash, roles, enabled, created_at)
                    VALUES (:u, :h, :r, TRUE, :t)
                    """)
                    .param("u", username).param("h", passwordHash).param("r", text(roles))
                    .param("t", Timestamp.from(Instant.now()))
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException madeMeanwhile) { // by another instance, at the same moment
            return false;
        }
        return true;
    }

    public boolean update(String username, Set<Role> roles, Boolean enabled, String passwordHash) {
        int changed = jdbc.sql("""
                UPDATE account SET roles = COALESCE(:r, roles), enabled = COALESCE(:e, enabled),
                                   password_hash = COALESCE(:h, password_hash)
                WHERE username = :u
                """)
                .param("u", username).param("r", roles == null ? null : text(roles))
                .param("e", enabled).param("h", passwordHash)
                .update();
        return changed == 1;
    }

    private static Account account(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).filter(r -> !r.isBlank()).map(Role::valueOf).forEach(roles::add);
        return new Account(rs.getString("username"), roles, rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static String text(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
