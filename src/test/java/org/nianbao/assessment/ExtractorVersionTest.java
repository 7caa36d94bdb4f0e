package org.nianbao.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nianbao.extraction.StatementCatalog;

class ExtractorVersionTest {

    private static StatementCatalog catalog(String pattern) {
        return new StatementCatalog(List.of(new StatementCatalog.Entry("key_points", "工作要点", Set.of(), Pattern.compile(pattern))));
    }

    @Test
    void theSameCodeAndStatementsGiveTheSameVersionAndAnotherWordingAnother() {
        String version = ExtractorVersion.of(catalog("工作要点"), null);

        assertThat(version).matches("[0-9a-f]{12}-[0-9a-f]{12}");
        assertThat(ExtractorVersion.of(catalog("工作要点"), null)).isEqualTo(version);
        assertThat(ExtractorVersion.of(catalog("工作要点|政务公开要点"), null)).isNotEqualTo(version)
                .startsWith(version.substring(0, 13)); // the same code, other statements
    }

    @Test
    void anotherOrganTableIsAnotherVersionForItRecognisesOrgansOtherwise() {
        var organs = org.nianbao.rules.RuleSetLoader.load(org.nianbao.Samples.RULES).organs();
        var fewer = new org.nianbao.extraction.OrganCatalog(organs.duties(), organs.kinds().subList(1, organs.kinds().size()),
                organs.unknown(), organs.givenLevels(), organs.areasWithoutGovernment());

        assertThat(ExtractorVersion.of(catalog("工作要点"), organs)).isEqualTo(ExtractorVersion.of(catalog("工作要点"), organs))
                .isNotEqualTo(ExtractorVersion.of(catalog("工作要点"), fewer));
    }
}
