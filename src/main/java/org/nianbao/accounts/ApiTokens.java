package org.nianbao.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API tokens for scripts ({@code Authorization: Bearer nbt_…}): made by an account for itself (or by an administrator
 * for any account), shown once, kept only as a SHA-256 hash (a token is 256 random bits: a fast hash is enough, and a
 * request pays no BCrypt), listed with their names and when last used, revoked at any time. A token acts with its
 * account's roles as they are now, and stops working the moment the account is disabled.
 */
@Service
public class ApiTokens {

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);
    public static final String PREFIX = "nbt_";
    private static final int MAX_PER_ACCOUNT = 50;
    /** How stale a token's «last used» may be: it is written at most once a minute. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /** A token as listed: never its secret. */
    public record Token(long id, String account, String name, Instant createdAt, String createdBy, Instant lastUsedAt) {
    }

    /** A token just made: the secret is in this answer and nowhere else, ever. */
    public record Created(long id, String account, String name, Instant createdAt, String createdBy, String token) {
    }

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(JdbcClient jdbc, AccountStore accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Makes a token named {@code name} for {@code account}, on behalf of {@code by}. */
    public Created create(String account, String name, String by) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100 || label.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidAccount("令牌须有名称（1–100 个字符），说明它给哪个脚本用 (a token needs a name)");
        }
        AccountStore.Credentials owner = accounts.credentials(AccountNames.normalised(account))
                .orElseThrow(() -> new AccountService.UnknownAccount(account));
        if (!owner.account().enabled()) {
            throw new InvalidAccount("账号「" + owner.account().username() + "」已停用，不能创建令牌 (account disabled)");
        }
        long held = jdbc.sql("SELECT COUNT(*) FROM api_token WHERE account_id = :a AND revoked_at IS NULL")
                .param("a", owner.id()).query(Long.class).single();
        if (held >= MAX_PER_ACCOUNT) {
            throw new InvalidAccount("每个账号最多 " + MAX_PER_ACCOUNT + " 个有效令牌，请先撤销不用的 (too many tokens)");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO api_token (account_id, name, token_hash, created_at, created_by)
                VALUES (:a, :n, :h, :t, :b)
                """).param("a", owner.id()).param("n", label).param("h", hash(secret))
                .param("t", Timestamp.from(now)).param("b", by).update();
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = :h").param("h", hash(secret)).query(Long.class).single();
        log.info("令牌 #{}「{}」已为账号「{}」创建，操作人 {} (token created)", id, label, owner.account().username(), by);
        return new Created(id, owner.account().username(), label, now, by, secret);
    }

    /** The tokens in force of one account, or of every account (null). */
    public List<Token> list(String account) {
        String select = """
                SELECT t.id, a.username, t.name, t.created_at, t.created_by, t.last_used_at
                FROM api_token t JOIN account a ON a.id = t.account_id
                WHERE t.revoked_at IS NULL
                """;
        return account == null ? jdbc.sql(select + " ORDER BY t.id").query((rs, n) -> token(rs)).list()
                : jdbc.sql(select + " AND a.username = :u ORDER BY t.id").param("u", account).query((rs, n) -> token(rs)).list();
    }

    /** The token in force with this id, of any account. */
    public Optional<Token> find(long id) {
        return jdbc.sql("""
                SELECT t.id, a.username, t.name, t.created_at, t.created_by, t.last_used_at
                FROM api_token t JOIN account a ON a.id = t.account_id WHERE t.id = :id AND t.revoked_at IS NULL
                """).param("id", id).query((rs, n) -> token(rs)).optional();
    }

    /** Revokes a token: from now on it is refused. */
    public boolean revoke(long id, String by) {
        boolean revoked = jdbc.sql("UPDATE api_token SET revoked_at = :t WHERE id = :id AND revoked_at IS NULL")
                .param("t", Timestamp.from(Instant.now())).param("id", id).update() == 1;
        if (revoked) {
            log.info("令牌 #{} 已撤销，操作人 {} (token revoked)", id, by);
        }
        return revoked;
    }

    /** The account a token signs in as, when the token is in force and the account enabled. */
    public Optional<AccountUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        record Found(long tokenId, Timestamp lastUsed, AccountStore.Credentials credentials) {
        }
        Optional<Found> found = jdbc.sql("""
                SELECT t.id AS token_id, t.last_used_at, a.id, a.username, a.roles, a.enabled, a.created_at, a.stamp
                FROM api_token t JOIN account a ON a.id = t.account_id
                WHERE t.token_hash = :h AND t.revoked_at IS NULL
                """).param("h", hash(secret)).query((rs, n) -> new Found(rs.getLong("token_id"), rs.getTimestamp("last_used_at"),
                        new AccountStore.Credentials(rs.getLong("id"), AccountStore.account(rs), "", rs.getLong("stamp"))))
                .optional();
        if (found.isEmpty() || !found.get().credentials().account().enabled()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Timestamp last = found.get().lastUsed();
        if (last == null || last.toInstant().plus(USE_RECORDED_EVERY).isBefore(now)) {
            jdbc.sql("UPDATE api_token SET last_used_at = :t WHERE id = :id").param("t", Timestamp.from(now))
                    .param("id", found.get().tokenId()).update();
        }
        return Optional.of(AccountService.user(found.get().credentials()));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Token token(ResultSet rs) throws SQLException {
        Timestamp used = rs.getTimestamp("last_used_at");
        return new Token(rs.getLong("id"), rs.getString("username"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), used == null ? null : used.toInstant());
    }
}
