package org.nianbao.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurableUrlTest {

    @Test
    void aFileUrlWithNoSettingsGetsWhatDurabilityNeeds() {
        assertThat(DurableUrl.complete("jdbc:h2:file:/data/db"))
                .isEqualTo("jdbc:h2:file:/data/db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(DurableUrl.complete("jdbc:h2:./data/nianbao;"))
                .isEqualTo("jdbc:h2:./data/nianbao;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void theOperatorsOtherSettingsAreKeptAndTheRightOnesNotRepeated() {
        assertThat(DurableUrl.complete("jdbc:h2:file:/data/db;AUTO_SERVER=TRUE;write_delay=0"))
                .isEqualTo("jdbc:h2:file:/data/db;AUTO_SERVER=TRUE;write_delay=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(DurableUrl.complete("jdbc:h2:file:/data/db;DB_CLOSE_ON_EXIT=false;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:/data/db;DB_CLOSE_ON_EXIT=false;WRITE_DELAY=0");
    }

    @Test
    void aServerUrlGetsNoWriteDelayButLeavesClosingToTheServer() {
        assertThat(DurableUrl.complete("jdbc:h2:tcp://db.example:9092/~/nianbao"))
                .isEqualTo("jdbc:h2:tcp://db.example:9092/~/nianbao;WRITE_DELAY=0");
    }

    @Test
    void aDatabaseInMemoryAndPostgresqlAreLeftAsTheyAre() {
        assertThat(DurableUrl.complete("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
        assertThat(DurableUrl.complete("jdbc:postgresql://localhost/nianbao")).isEqualTo("jdbc:postgresql://localhost/nianbao");
    }

    @Test
    void aWriteDelayAboveZeroIsRefusedWithWhatToRemove() {
        assertThatThrownBy(() -> DurableUrl.complete("jdbc:h2:file:/data/db;WRITE_DELAY=500"))
                .isInstanceOfSatisfying(UnsafeDatabaseSettings.class, e -> {
                    assertThat(e.setting()).isEqualTo("WRITE_DELAY=500");
                    assertThat(e.getMessage()).contains("去掉");
                });
    }

    @Test
    void closingTheDatabaseOnTheJvmsExitIsRefused() {
        assertThatThrownBy(() -> DurableUrl.complete("jdbc:h2:file:/data/db;DB_CLOSE_ON_EXIT=TRUE"))
                .isInstanceOfSatisfying(UnsafeDatabaseSettings.class,
                        e -> assertThat(e.setting()).isEqualTo("DB_CLOSE_ON_EXIT=TRUE"));
    }
}
