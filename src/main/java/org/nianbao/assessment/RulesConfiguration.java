package org.nianbao.assessment;

import org.nianbao.policy.ActiveRuleset;
import org.nianbao.policy.RulesetFiles;
import org.nianbao.policy.Validation;
import org.nianbao.rules.InvalidRuleSet;
import org.nianbao.store.RulesetVersionStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * At start-up the service puts in force the rules folder and scorecard on disk; when they differ from the last
 * version activated, they are recorded as a new version.
 */
@Configuration
public class RulesConfiguration {

    @Bean
    ActiveRuleset activeRuleset(NianbaoProperties properties, RulesetVersionStore versions) {
        Validation v = Validation.of(properties.rulesDir(), properties.scorecard());
        if (!v.valid()) {
            throw new InvalidRuleSet(v.problems());
        }
        RulesetFiles files = RulesetFiles.read(properties.rulesDir(), properties.scorecard());
        var last = versions.activeFiles().orElse(null);
        if (!files.equals(last)) {
            versions.activate(v.rules().version(), v.scorecard().label(), files, "system",
                    "启动时从 " + properties.rulesDir() + " 读取", files.diffFrom(last));
        }
        return new ActiveRuleset(new Assessor(v.rules(), v.scorecard()));
    }
}
