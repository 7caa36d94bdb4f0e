package org.nianbao.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nianbao.assessment.Assessor;
import org.nianbao.rules.CompiledRules;
import org.nianbao.rules.InvalidRuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
    ActiveRuleset activeRuleset(NianbaoProperties properties, RulesetVersionStore versions,
                                @Value("${nianbao.rules.cache-dir:data/rules-cache}") Path compiledRules,
                                @Value("${nianbao.rules.time-budget:2s}") java.time.Duration timeBudget) {
        org.nianbao.rules.RuleBudget.set(timeBudget);
        CompiledRules.keepIn(compiledRules);
        try {
            return inForce(properties, versions);
        } finally {
            CompiledRules.forgetReadAhead(); // read ahead for other files than those now in force
        }
    }

    private ActiveRuleset inForce(NianbaoProperties properties, RulesetVersionStore versions) {
        RulesetVersionStore.Stored inForce = versions.active().orElse(null);
        RulesetFiles stored = inForce == null ? null : inForce.files();
        String reason = "启动时" + loaded(properties);
        if (stored != null) {
            Loaded loaded = stored.inFolder((dir, scorecard) -> {
                Validation v = Validation.of(dir, scorecard);
                return new Loaded(v, v.valid() ? scorecardsOf(dir, properties) : null);
            });
            if (loaded.validation().valid()) {
                return new ActiveRuleset(new Assessor(loaded.validation().rules(), loaded.validation().scorecard()),
                        loaded.scorecards(), inForce.id());
            }
            LOG.warn("The ruleset version in force no longer validates ({} problems); the rules folder is put in force",
                    loaded.validation().problems().size());
            reason = "启动时数据库中现行的规则版本不再有效（" + loaded.validation().problems().get(0).message() + "），改为"
                    + loaded(properties);
        }
        Validation v = Validation.of(properties.rulesDir(), properties.scorecard());
        if (!v.valid()) {
            throw new InvalidRuleSet(v.problems());
        }
        RulesetFiles files = RulesetFiles.read(properties.rulesDir(), properties.scorecard());
        long id = versions.activate(v.rules().version(), v.scorecard().label(), files, "system", reason, files.diffFrom(stored));
        return new ActiveRuleset(new Assessor(v.rules(), v.scorecard()), Scorecards.load(properties.scorecardsDir()), id);
    }

    /**
     * Which rules a start-up put in force, as a person reads it in the history: the project's own (those the jar
     * carries, copied to a temporary folder no one needs to see), or those of the configured folder, by its name.
     */
    static String loaded(NianbaoProperties properties) {
        if (DefaultBundle.isBundled(properties.rulesDir())) {
            return "载入项目自带的规则";
        }
        Path name = properties.rulesDir().normalize().getFileName();
        return "载入规则文件夹「" + (name == null || name.toString().isEmpty() ? properties.rulesDir() : name) + "」中的规则";
    }

    /** A stored version as validated, with the scorecards it keeps. */
    private record Loaded(Validation validation, Scorecards scorecards) {
    }

    /** The scorecards a version keeps beside its own; a version stored before they were kept has the folder's. */
    static Scorecards scorecardsOf(Path bundleDir, NianbaoProperties properties) {
        return Files.isDirectory(bundleDir.resolve(RulesetFiles.SCORECARDS)) ? Scorecards.of(bundleDir)
                : Scorecards.load(properties.scorecardsDir());
    }

}
