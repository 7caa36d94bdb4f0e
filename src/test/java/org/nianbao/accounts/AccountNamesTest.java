package org.nianbao.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountNamesTest {

    @Test
    void keepsANameInNfkcWithoutSurroundingSpace() {
        assertThat(AccountNames.checked(" \uFF42\uFF4F\uFF53\uFF53 ")).isEqualTo("boss"); // full-width
        assertThat(AccountNames.checked("张科员")).isEqualTo("张科员");
    }

    @Test
    void givesLookAlikesTheSameKey() {
        String boss = AccountNames.key("boss");
        assertThat(AccountNames.key("Boss")).isEqualTo(boss);
        assertThat(AccountNames.key("b\u043Ess")).as("Cyrillic о").isEqualTo(boss);
        assertThat(AccountNames.key("b\u03BFss")).as("Greek ο").isEqualTo(boss);
        assertThat(AccountNames.key("bo\u0455\u0455")).as("Cyrillic ѕ").isEqualTo(boss);
        assertThat(AccountNames.key("b0ss")).as("zero").isEqualTo(boss);
        assertThat(AccountNames.key("admin")).isEqualTo(AccountNames.key("adrnin")); // m and rn
        assertThat(AccountNames.key("l1ang")).isEqualTo(AccountNames.key("llang"));
    }

    @Test
    void keepsDifferentNamesApart() {
        assertThat(AccountNames.key("bossa")).isNotEqualTo(AccountNames.key("boss"));
        assertThat(AccountNames.key("\u0412\u0430\u043D\u044F")).isNotEqualTo(AccountNames.key("boss"));
        assertThat(AccountNames.key("张科员")).isNotEqualTo(AccountNames.key("李科员"));
    }

    @Test
    void refusesNamesThatAreNotLettersDigitsOrDotsDashesUnderscores() {
        for (String bad : new String[] {"<script>", "a", "x".repeat(65), "a b", "", null}) {
            assertThatThrownBy(() -> AccountNames.checked(bad)).as(String.valueOf(bad)).isInstanceOf(InvalidAccount.class);
        }
    }
}
