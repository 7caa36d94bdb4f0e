package org.nianbao.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static void refused(String password, String name, String why) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, name)).as(password).isInstanceOf(InvalidAccount.class)
                .hasMessageContaining(why);
    }

    private static void accepted(String password, String name) {
        assertThatCode(() -> PasswordPolicy.check(password, name)).as(password).doesNotThrowAnyException();
    }

    @Test
    void refusesAPasswordShorterThanTwelveCharacters() {
        refused("aaaaaaaaaa", "boss", "至少 12 个字符");
        refused("1234567890", "boss", "至少 12 个字符");
        refused("密码很短", "boss", "至少 12 个字符");
        accepted("Lantern-Quarry", "boss");
    }

    @Test
    void refusesMoreThanSeventyTwoBytesAndTakesExactlySeventyTwo() {
        String longest = "Lantern-Quarry-47-".repeat(4);
        assertThat(longest.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        accepted(longest, "boss");
        refused(longest + "x", "boss", "最长 72 字节");
        accepted("评分规则编辑账号的密码要长一点才好记住呢", "boss"); // 20 characters, 60 bytes: fits
    }

    @Test
    void refusesTheAccountNameAndAPartOfIt() {
        refused("zhanghao-ceshi", "zhanghao-ceshi", "账号名");
        refused("ZHANGHAO-CESHI", "zhanghao-ceshi", "账号名");
        refused("administrator", "administrator-of-rules", "账号名");
        refused("Zhanghao-Ceshi-2024!", "zhanghao-ceshi", "账号名");
        accepted("zhanghao-ceshi-is-mine", "zhanghao-ceshi"); // holds the name, and more
    }

    @Test
    void refusesCommonPasswordsAlsoWithDigitsAroundOrRepeated() {
        refused("password1234", "boss", "最常见");
        refused("1qaz2wsx3edc", "boss", "最常见");
        refused("Dragon2024!!!", "boss", "最常见");
        refused("qwertyqwerty", "boss", "最常见");
        refused("iloveyou2024", "boss", "最常见");
        accepted("river-stone-garden-9", "boss");
    }

    @Test
    void refusesRunsAndTooFewDifferentCharacters() {
        refused("aaaaaaaaaaaa", "boss", "不同的字符");
        refused("abababababab", "boss", "不同的字符");
        refused("123456789012", "boss", "连续");
        refused("987654321098", "boss", "连续");
        refused("abcdefghijkl", "boss", "连续");
        accepted("13579-24680-x", "boss");
    }

    @Test
    void countsCharactersNotBytesForTheMinimum() {
        accepted("政府信息公开年报评分规则", "boss"); // 12 characters, 36 bytes
    }
}
