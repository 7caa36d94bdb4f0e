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

    /**
     * Records a version as the active one (every other one becomes inactive) and returns its id. The lock row is
     * taken first, so that two instances activating at once do so one after the other and one version stays active.
     */
    @Transactional
    public long activate(String version, String scorecard, RulesetFiles files, String by, String reason, String diff) {
        jdbc.sql("UPDATE ruleset_activation_lock SET id = id WHERE id = 1").update();
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

    /** The id of the version in force as the database has it (0: none yet). */
    public long activeId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM ruleset_version WHERE active").query(Long.class).optional().orElse(0L);
    }

    /** The version in force: its id and files. */
    public Optional<Stored> active() {
        return jdbc.sql("SELECT id, files_json FROM ruleset_version WHERE active ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Stored(rs.getLong(1), files(rs.getString(2)))).optional();
    }

    /** A stored version's id and files. */
    public record Stored(long id, RulesetFiles files) {
    }

    public Optional<RulesetFiles> activeFiles() {
        return jdbc.sql("SELECT files_json FROM ruleset_version WHERE active").query(String.class).optional().map(this::files);
    }

    private RulesetFiles files(String text) {
        return new RulesetFiles(json.readValue(text, new TypeReference<Map<String, String>>() { }));
    }
}
