package org.nianbao.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.NianbaoApplication;
import org.nianbao.rules.RuleSetLoader;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RulesReadAheadTest {

    private static Thread readAheadFor(String rulesDir) throws InterruptedException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("nianbao.rules-dir", rulesDir)));
        new RulesReadAhead().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                new SpringApplication(NianbaoApplication.class), new String[0], environment));
        Thread reader = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("rules-read-ahead")).findFirst().orElse(null);
        if (reader != null) {
            reader.join(30_000);
        }
        return reader;
    }

    @Test
    void aRulesFolderThatCannotEvenBeNamedLeavesTheStartToReportIt() throws Exception {
        long compiled = RuleSetLoader.compilations();
        assertThatCode(() -> readAheadFor("bad\0name")).doesNotThrowAnyException();
        assertThatCode(() -> readAheadFor("no/such/rules/folder")).doesNotThrowAnyException();
        assertThat(RuleSetLoader.compilations()).as("nothing compiled").isEqualTo(compiled);
    }
}
