package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SumsTest {

    @Test
    void numbersDifferBeyondRoundingOnly() {
        assertThat(Sums.differ(3, 4.0)).isTrue();
        assertThat(Sums.differ(0.1 + 0.2, 0.3)).isFalse();
        assertThat(Sums.differ(6858.05, 6858.05)).isFalse();
    }

    @Test
    void aNumberThatIsNotThereDiffersFromNothing() {
        assertThat(Sums.differ(null, 4.0)).isFalse();
        assertThat(Sums.differ(4.0, null)).isFalse();
        assertThat(Sums.differ(null, null)).isFalse();
    }
}
