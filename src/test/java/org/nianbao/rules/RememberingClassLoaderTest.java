package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RememberingClassLoaderTest {

    /** The application's loader, counting what it is asked. */
    static final class Counting extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        Counting() {
            super(RememberingClassLoaderTest.class.getClassLoader());
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
        var loader = new RememberingClassLoader(new Counting());
        assertThat(loader.loadClass("org.nianbao.rules.Findings")).isSameAs(Findings.class);
    }

    @Test
    void aMissingNameIsAskedOfTheParentOnceAndMissesEveryTime() {
        Counting parent = new Counting();
        var loader = new RememberingClassLoader(parent);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> loader.loadClass("org.nianbao.report.findings"))
                    .isInstanceOf(ClassNotFoundException.class).hasMessage("org.nianbao.report.findings");
        }
        assertThat(parent.asked).containsExactly("org.nianbao.report.findings");
    }

    @Test
    void aResourceFoundOrNotIsAskedOnce() throws Exception {
        Counting parent = new Counting();
        var loader = new RememberingClassLoader(parent);
        for (int i = 0; i < 2; i++) {
            assertThat(loader.getResource("org/nianbao/rules/Findings.class")).isNotNull();
            assertThat(loader.getResource("org/nianbao/rules/Nothing.class")).isNull();
            try (var in = loader.getResourceAsStream("org/nianbao/rules/Findings.class")) {
                assertThat(in.readNBytes(4)).containsExactly(0xCA, 0xFE, 0xBA, 0xBE);
            }
        }
        assertThat(parent.asked).containsExactly("org/nianbao/rules/Findings.class", "org/nianbao/rules/Nothing.class");
    }
}
