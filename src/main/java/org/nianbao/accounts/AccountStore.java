package org.nianbao.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts table: names, password hashes, roles, and the stamp that every change of them raises. */
@Repository
public class AccountStore {

    /** An account with its password hash and its stamp, for signing in. */
    public record Credentials(long id, Account account, String passwordHash, long stamp) {
    }

    /** What a signed-in session is checked against on each request: the stamp, and whether the account may sign in. */
    public record Stamp(long stamp, boolean enabled) {
    }

    private final JdbcClient jdbc;

    public AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT id, username, password_hash, roles, enabled, created_at, stamp FROM account WHERE username = :u")
                .param("u", username)
                .query((rs, n) -> new Credentials(rs.getLong("id"), account(rs), rs.getString("password_hash"), rs.getLong("stamp")))
                .optional();
    }

    /** The account's stamp now: one read by the unique name. */
    public Optional<Stamp> stamp(String username) {
        return jdbc.sql("SELECT stamp, enabled FROM account WHERE username = :u")
                .param("u", username)
                .query((rs, n) -> new Stamp(rs.getLong("stamp"), rs.getBoolean("enabled")))
                .optional();
    }

    public List<Account> all() {
        return jdbc.sql("SELECT username, roles, enabled, created_at FROM account ORDER BY id")
                .query((rs, n) -> account(rs))
                .list();
    }

    /** Every account's name by its comparison key ({@link AccountNames#key}), worked out again from the name. */
    public Map<String, String> namesByKey() {
        return jdbc.sql("SELECT username FROM account ORDER BY id").query(String.class).list().stream()
                .collect(Collectors.toMap(AccountNames::key, n -> n, (first, later) -> first));
    }

    /** Accounts made before names had keys: their names. */
    public List<String> namesWithoutKey() {
        return jdbc.sql("SELECT username FROM account WHERE name_key IS NULL ORDER BY id").query(String.class).list();
    }

    /** Gives an account its name key; false when another account already has it. */
    public boolean setNameKey(String username, String key) {
        try {
            return jdbc.sql("UPDATE account SET name_key = :k WHERE username = :u AND name_key IS NULL")
                    .param("k", key).param("u", username).update() == 1;
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            return false;
        }
    }

    /** Adds an account; false when the name, or one that reads the same, is taken. */
    public boolean insert(String username, String passwordHash, Set<Role> roles) {
        if (credentials(username).isPresent()) {
            return false;
        }
        try {
            jdbc.sql("""
                    INSERT INTO account (username, name_key, password_hash, roles, enabled, created_at, stamp)
                    VALUES (:u, :k, :h, :r, TRUE, :t, 0)
                    """)
                    .param("u", username).param("k", AccountNames.key(username)).param("h", passwordHash)
                    .param("r", text(roles)).param("t", Timestamp.from(Instant.now()))
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException madeMeanwhile) { // by another instance, at the same moment
            return false;
        }
        return true;
    }

    /** Changes what is given (null: unchanged) and raises the stamp, so that sessions made before end. */
    public boolean update(String username, Set<Role> roles, Boolean enabled, String passwordHash) {
        int changed = jdbc.sql("""
                UPDATE account SET roles = COALESCE(:r, roles), enabled = COALESCE(:e, enabled),
                                   password_hash = COALESCE(:h, password_hash), stamp = stamp + 1
                WHERE username = :u
                """)
                .param("u", username).param("r", roles == null ? null : text(roles))
                .param("e", enabled).param("h", passwordHash)
                .update();
        return changed == 1;
    }

    static Account account(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).filter(r -> !r.isBlank()).map(Role::valueOf).forEach(roles::add);
        return new Account(rs.getString("username"), roles, rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static String text(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
