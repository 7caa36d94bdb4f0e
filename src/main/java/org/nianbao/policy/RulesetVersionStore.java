package org.nianbao.policy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Every activated ruleset with its files, who activated it, when, why and what changed. */
@Repository
public class RulesetVersionStore {

    /** A version as the history lists it. */
    public record Version(long id, String version, String scorecard, Instant activatedAt, String activatedBy,
                          String reason, String diff, boolean active) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public RulesetVersionStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a version as the active one (every other one becomes inactive) and returns its id. */
    @Transactional
    public long activate(String version, String scorecard, RulesetFiles files, String by, String reason, String diff) {
        jdbc.sql("UPDATE ruleset_version SET active = FALSE WHERE active").update();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ruleset_version (version, scorecard, files_json, activated_at, activated_by, reason, diff, active)
                VALUES (:version, :scorecard, :files, :at, :by, :reason, :diff, TRUE)
                """)
                .param("version", version).param("scorecard", scorecard)
                .param("files", json.writeValueAsString(files.files()))
                .param("at", Timestamp.from(Instant.now())).param("by", by).param("reason", reason).param("diff", diff)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public List<Version> history() {
        return jdbc.sql("""
                SELECT id, version, scorecard, activated_at, activated_by, reason, diff, active
                FROM ruleset_version ORDER BY id DESC
                """)
                .query((rs, n) -> new Version(rs.getLong("id"), rs.getString("version"), rs.getString("scorecard"),
                        rs.getTimestamp("activated_at").toInstant(), rs.getString("activated_by"), rs.getString("reason"),
                        rs.getString("diff"), rs.getBoolean("active")))
                .list();
    }

    public Optional<RulesetFiles> files(long id) {
        return jdbc.sql("SELECT files_json FROM ruleset_version WHERE id = :id").param("id", id)
                .query(String.class).optional().map(this::files);
    }

    public Optional<RulesetFiles> activeFiles() {
        return jdbc.sql("SELECT files_json FROM ruleset_version WHERE active").query(String.class).optional().map(this::files);
    }

    private RulesetFiles files(String text) {
        return new RulesetFiles(json.readValue(text, new TypeReference<Map<String, String>>() { }));
    }
}
