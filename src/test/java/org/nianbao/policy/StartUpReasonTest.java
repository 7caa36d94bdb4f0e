package org.nianbao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reason a start-up records for the rules it puts in force reads as a person would write it. */
class StartUpReasonTest {

    @Test
    void theRulesTheJarCarriesAreNamedAsTheProjectsOwnNotByTheirTemporaryFolder() {
        NianbaoProperties elsewhere = new NianbaoProperties(Path.of("no-such-rules-folder"), null);
        assertThat(DefaultBundle.isBundled(elsewhere.rulesDir())).isTrue();

        String reason = RulesConfiguration.loaded(elsewhere);

        assertThat(reason).isEqualTo("载入项目自带的规则")
                .doesNotContain(elsewhere.rulesDir().toString(), System.getProperty("java.io.tmpdir"), "nianbao-bundle");
    }

    @Test
    void aConfiguredFolderIsNamedAsTheOperatorGaveIt() {
        NianbaoProperties configured = new NianbaoProperties(Path.of("rules"), null);
        assertThat(DefaultBundle.isBundled(configured.rulesDir())).isFalse();

        assertThat(RulesConfiguration.loaded(configured)).isEqualTo("载入规则文件夹「rules」中的规则");
        assertThat(RulesConfiguration.loaded(new NianbaoProperties(Path.of("rules").toAbsolutePath(), null)))
                .isEqualTo("载入规则文件夹「rules」中的规则");
    }
}
