package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleClassLoaderTest {

    /** The application's loader, counting what it is asked. */
    static final class Counting extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        Counting() {
            super(RuleClassLoaderTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            asked.add(name);
            return super.getResource(name);
        }
    }

    @Test
    void aClassIsFoundAsItsParentFindsIt() throws Exception {
        var loader = new RuleClassLoader(new Counting());
        assertThat(loader.loadClass("org.nianbao.rules.Findings")).isSameAs(Findings.class);
    }

    @Test
    void aMissingNameIsAskedOfTheParentOnceAndMissesEveryTime() {
        Counting parent = new Counting();
        var loader = new RuleClassLoader(parent);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> loader.loadClass("org.nianbao.report.findings"))
                    .isInstanceOf(ClassNotFoundException.class).hasMessage("org.nianbao.report.findings");
        }
        assertThat(parent.asked).containsExactly("org.nianbao.report.findings");
    }

    @Test
    void aResourceFoundOrNotIsAskedOnce() throws Exception {
        Counting parent = new Counting();
        var loader = new RuleClassLoader(parent);
        for (int i = 0; i < 2; i++) {
            assertThat(loader.getResource("org/nianbao/rules/Findings.class")).isNotNull();
            assertThat(loader.getResource("org/nianbao/report/Nothing.class")).isNull();
            try (var in = loader.getResourceAsStream("org/nianbao/rules/Findings.class")) {
                assertThat(in.readNBytes(4)).containsExactly(0xCA, 0xFE, 0xBA, 0xBE);
            }
        }
        assertThat(parent.asked).containsExactly("org/nianbao/rules/Findings.class", "org/nianbao/report/Nothing.class");
    }

    @Test
    void theMachineReflectionAndTheServiceCannotBeLoadedNorTheirClassFilesRead() throws Exception {
        Counting parent = new Counting();
        var loader = new RuleClassLoader(parent);
        for (String name : List.of("java.lang.Runtime", "java.lang.System", "java.lang.ProcessBuilder", "java.lang.Thread",
                "java.lang.reflect.Method", "java.lang.invoke.MethodHandle", "java.lang.ClassLoader", "java.io.File",
                "java.nio.file.Files", "java.net.Socket", "java.util.regex.Pattern", "javax.script.ScriptEngineManager",
                "org.nianbao.store.AssessmentStore", "org.springframework.context.ApplicationContext",
                "org.nianbao.rules.RuleSetLoader", "[Ljava.lang.Runtime;")) {
            assertThatThrownBy(() -> loader.loadClass(name)).as(name).isInstanceOf(ClassNotFoundException.class);
            String file = name.replace('.', '/') + ".class";
            assertThat(loader.getResource(file)).as(file).isNull();
            assertThat(loader.getResources(file).hasMoreElements()).as(file).isFalse();
        }
        assertThat(parent.asked).as("never even asked of the application's loader").isEmpty();
    }

    @Test
    void theFactModelTheHelpersAndPlainValuesLoad() throws Exception {
        var loader = new RuleClassLoader(new Counting());
        for (Class<?> c : List.of(org.nianbao.report.TableRow.class, Findings.class, Sums.class, String.class,
                Double.class, java.time.LocalDate.class, java.util.List.class)) {
            assertThat(loader.loadClass(c.getName())).isSameAs(c);
        }
    }
}
