package org.nianbao.store;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Brings the database schema up to date with the same migrations on H2 and PostgreSQL.
 *
 * <p>The first five migrations were once written in H2's own types ({@code AUTO_INCREMENT}, {@code CLOB},
 * {@code BLOB}); they now use types both databases know. A database made with the earlier text has the same tables,
 * so its recorded checksums are brought in line, but only when every difference is one of those earlier texts: any
 * other edit of an applied migration still stops the start, as Flyway means it to.
 */
@Configuration
public class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Version → checksum of the H2-only text of the migrations that were rewritten. */
    static final Map<String, Integer> EARLIER_TEXT = Map.of(
            "1", 179831232, "2", -1525691195, "3", 866965493, "4", 1393180860, "5", -751286884);

    @Bean
    FlywayMigrationStrategy migrationStrategy() {
        return flyway -> {
            if (onlyEarlierTexts(flyway)) {
                LOG.info("Recorded checksums of the rewritten migrations brought in line with their portable text");
                flyway.repair();
            }
            flyway.migrate();
        };
    }

    /**
     * True when some applied migration has its earlier, H2-only checksum and every other difference is a migration
     * not applied yet.
     */
    static boolean onlyEarlierTexts(Flyway flyway) {
        ValidateResult result = flyway.validateWithResult();
        if (result.validationSuccessful || result.invalidMigrations == null || result.invalidMigrations.isEmpty()) {
            return false;
        }
        Map<String, Integer> applied = Arrays.stream(flyway.info().applied())
                .filter(i -> i.getVersion() != null && i.getChecksum() != null)
                .collect(Collectors.toMap(i -> i.getVersion().getVersion(), MigrationInfo::getChecksum, (a, b) -> b));
        boolean earlier = false;
        for (ValidateOutput invalid : result.invalidMigrations) {
            String version = invalid.version;
            if (version != null && !applied.containsKey(version)) {
                continue; // not applied yet: migrate applies it
            }
            earlier = true;
            if (version == null || !EARLIER_TEXT.containsKey(version)
                    || !Objects.equals(EARLIER_TEXT.get(version), applied.get(version))) {
                return false;
            }
        }
        return earlier;
    }
}
