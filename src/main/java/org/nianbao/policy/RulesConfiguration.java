package org.nianbao.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nianbao.assessment.Assessor;
import org.nianbao.rules.InvalidRuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * At start-up the service puts in force the version last activated, as the database keeps it: what policy staff
 * activated survives a restart. The rules folder and scorecard on disk only seed an empty database (recorded as
 * the first version), or stand in for a stored version that no longer validates (recorded, with the reason).
 */
@Configuration
public class RulesConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RulesConfiguration.class);

    @Bean
    ActiveRuleset activeRuleset(NianbaoProperties properties, RulesetVersionStore versions) {
        RulesetFiles stored = versions.activeFiles().orElse(null);
        String reason = "启动时数据库中还没有规则版本，从 " + properties.rulesDir() + " 读取";
        if (stored != null) {
            Validation v = validate(stored);
            if (v.valid()) {
                return new ActiveRuleset(new Assessor(v.rules(), v.scorecard()));
            }
            LOG.warn("The ruleset version in force no longer validates ({} problems); the rules folder is put in force",
                    v.problems().size());
            reason = "启动时数据库中现行的规则版本不再有效（" + v.problems().get(0).message() + "），改用 " + properties.rulesDir();
        }
        Validation v = Validation.of(properties.rulesDir(), properties.scorecard());
        if (!v.valid()) {
            throw new InvalidRuleSet(v.problems());
        }
        RulesetFiles files = RulesetFiles.read(properties.rulesDir(), properties.scorecard());
        versions.activate(v.rules().version(), v.scorecard().label(), files, "system", reason, files.diffFrom(stored));
        return new ActiveRuleset(new Assessor(v.rules(), v.scorecard()));
    }

    private static Validation validate(RulesetFiles files) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ruleset-");
            return Validation.of(dir, files.writeTo(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFolders.delete(dir);
        }
    }
}
