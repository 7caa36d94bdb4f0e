package org.nianbao.assessment;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the service reads its rules and scorecard from.
 *
 * @param rulesDir  the folder of rule files ({@code nianbao.rules-dir}, default {@code rules})
 * @param scorecard the scorecard file ({@code nianbao.scorecard}, default {@code scorecards/default.yaml})
 */
@ConfigurationProperties("nianbao")
public record NianbaoProperties(Path rulesDir, Path scorecard) {

    public NianbaoProperties {
        rulesDir = rulesDir == null ? Path.of("rules") : rulesDir;
        scorecard = scorecard == null ? Path.of("scorecards", "default.yaml") : scorecard;
    }
}
