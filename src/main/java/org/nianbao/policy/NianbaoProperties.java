package org.nianbao.policy;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the service reads its rules and scorecard from.
 *
 * @param rulesDir  the folder of rule files ({@code nianbao.rules-dir}, default {@code rules})
 * @param scorecard the scorecard in force by default ({@code nianbao.scorecard}, default
 *                  {@code scorecards/default.yaml}); the other scorecards of its folder can be chosen per request
 */
@ConfigurationProperties("nianbao")
public record NianbaoProperties(Path rulesDir, Path scorecard) {

    public NianbaoProperties {
        // a folder that is not there (the jar run elsewhere): the rules and scorecards the jar carries
        rulesDir = org.nianbao.policy.DefaultBundle.rulesOr(rulesDir == null ? Path.of("rules") : rulesDir);
        scorecard = org.nianbao.policy.DefaultBundle.scorecardOr(scorecard == null ? Path.of("scorecards", "default.yaml") : scorecard);
    }

    /** The folder of the scorecards kept side by side (that of the default scorecard). */
    public Path scorecardsDir() {
        Path parent = scorecard.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
