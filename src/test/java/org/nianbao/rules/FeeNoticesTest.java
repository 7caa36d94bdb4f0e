package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many 收费通知 a sentence of part 六 says were sent, as reports write it. */
class FeeNoticesTest {

    @Test
    void readsTheNumberWrittenAfterOrBeforeTheNotices() {
        assertThat(Sums.feeNotices("本年度发出收费通知1件，金额100元")).isEqualTo(1);
        assertThat(Sums.feeNotices("共发出收费通知书 3 份")).isEqualTo(3);
        assertThat(Sums.feeNotices("本机关发出2件收费通知，申请人均未缴费")).isEqualTo(2);
    }

    @Test
    void noNoticeSentIsZero() {
        assertThat(Sums.feeNotices("本年度未发出收费通知，未收取信息处理费")).isZero();
        assertThat(Sums.feeNotices("没有向申请人发出收费通知")).isZero();
    }

    @Test
    void aSentenceWithoutANumberOfNoticesGivesNone() {
        assertThat(Sums.feeNotices("按照收费通知要求缴纳费用")).isNull();
        assertThat(Sums.feeNotices("本年度未收取信息处理费")).isNull();
        assertThat(Sums.feeNotices(null)).isNull();
    }
}
