package org.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TableCellTest {

    private static TableCell cell(Double value, String raw) {
        return new TableCell("3", "new_received", "total", value, raw, 12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "—", "无", "-", "——"})
    void aDashOrNoneReadAsZeroIsADash(String raw) {
        assertThat(cell(0.0, raw).isDash()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "12", "1,204", "３"})
    void aCellWithADigitIsNotADash(String raw) {
        assertThat(cell(12.0, raw).isDash()).isFalse();
    }

    @Test
    void aBlankCellIsNotADash() {
        assertThat(cell(null, "").isDash()).isFalse();
        assertThat(cell(null, "").isBlank()).isTrue();
    }
}
