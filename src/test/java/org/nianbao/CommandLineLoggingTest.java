package org.nianbao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class CommandLineLoggingTest {

    @Test
    void warningsGoToStandardErrorAndNotesAndTheEngineAdviceAreLeftOut() {
        PrintStream standardError = System.err;
        PrintStream standardOutput = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLineLogging logging = new CommandLineLogging();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            logging.initialize();
            Logger ours = logging.getLoggerFactory().getLogger("org.nianbao.rules.CompiledRules");
            Logger engine = logging.getLoggerFactory().getLogger("org.drools.compiler.Something");
            ours.warn("规则库无法读取");
            ours.info("a note");
            engine.warn("advice about rule style");
            engine.error("the engine failed");
        } finally {
            System.setErr(standardError);
            System.setOut(standardOutput);
        }

        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(said).contains("WARN", "规则库无法读取", "the engine failed")
                .doesNotContain("a note", "advice about rule style");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("standard output carries only the result").isEmpty();
        assertThat(logging.getMDCAdapter()).isNotNull();
        assertThat(logging.getMarkerFactory().getMarker("m")).isNotNull();
    }
}
