package org.nianbao.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Reports matched to the agencies a round expects, and the committee's list of them read from CSV or Excel. */
class AgencyMatchingTest {

    private final AgencyMatcher matcher = new AgencyMatcher(List.of(
            new AgencyMatcher.Candidate(1, "衢州市应急管理局", List.of()),
            new AgencyMatcher.Candidate(2, "衢州市人民政府办公室", List.of("衢州市政府办")),
            new AgencyMatcher.Candidate(3, "衢州市自然资源和规划局", List.of()),
            new AgencyMatcher.Candidate(4, "衢州市资源规划研究中心", List.of())));

    private Long id(String... names) {
        AgencyMatcher.Candidate c = matcher.match(names);
        return c == null ? null : c.agencyId();
    }

    @Test
    void theFullNameAnAliasOrAFileNameHoldingOneFindsTheAgency() {
        assertThat(id("衢州市应急管理局")).isEqualTo(1);
        assertThat(id(" 衢州市 应急管理局 ")).isEqualTo(1);
        assertThat(id("衢州市政府办")).isEqualTo(2);
        assertThat(id("衢州市应急管理局2023年政府信息公开工作年度报告.pdf")).isEqualTo(1);
    }

    @Test
    void aShortenedNameFindsTheOneAgencyItFits() {
        assertThat(id("市应急局")).isEqualTo(1);
        assertThat(id("衢州市应急局")).isEqualTo(1);
    }

    @Test
    void aNameThatFitsTwoAgenciesOrNoneIsLeftForAReviewer() {
        assertThat(id("衢州市资源")).isNull(); // fits 3 and 4
        assertThat(id("市资源规划")).isEqualTo(4); // 「市资」 together only in 4
        assertThat(id("杭州市应急管理局")).isNull();
        assertThat(id("我局")).isNull();
        assertThat(id(null, "", "局")).isNull();
    }

    @Test
    void aCitysReportNeverGoesToItsDistrictNorABureausToAnOfficeInIt() {
        AgencyMatcher districts = new AgencyMatcher(List.of(
                new AgencyMatcher.Candidate(10, "衢州市柯城区人民政府", List.of()),
                new AgencyMatcher.Candidate(11, "衢州市衢江区人民政府", List.of()),
                new AgencyMatcher.Candidate(12, "衢州市应急管理局执法支队办公室", List.of())));
        assertThat(districts.match("衢州市人民政府")).as("the city is not in the list: left for a reviewer").isNull();
        assertThat(districts.match("衢州市政府")).isNull();
        assertThat(districts.match("衢州市应急管理局")).isNull();
        // leaving out words is still a shortening
        assertThat(districts.match("柯城区政府").agencyId()).isEqualTo(10);
        assertThat(districts.match("衢州市衢江区政府").agencyId()).isEqualTo(11);
    }

    @Test
    void theFirstNameThatMatchesWins() {
        assertThat(id("杭州市某局", "衢州市政府办", "衢州市应急管理局")).isEqualTo(2);
    }

    @Test
    void aListInGbkOrExcelIsReadWithItsLevelsGroupsAndAliases() throws Exception {
        String csv = "单位名称,层级,分组,别名\n衢州市应急管理局,部门,市直部门,市应急局;应急局\n柯城区人民政府,人民政府,县区政府,\n";
        List<AgencyList.Entry> fromCsv = AgencyList.read("list.csv", csv.getBytes(Charset.forName("GBK")));
        assertThat(fromCsv).containsExactly(
                new AgencyList.Entry("衢州市应急管理局", "department", "市直部门", List.of("市应急局", "应急局")),
                new AgencyList.Entry("柯城区人民政府", "government", "县区政府", List.of()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet();
            String[][] rows = {{"分组", "单位名称", "层级"}, {"乡镇", "某某镇人民政府", "乡镇街道"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }
        assertThat(AgencyList.read("list.xlsx", out.toByteArray()))
                .containsExactly(new AgencyList.Entry("某某镇人民政府", "township", "乡镇", List.of()));
    }

    @Test
    void aListWithoutItsHeaderADuplicateOrAnUnknownLevelIsRefusedWithTheLine() {
        assertThatThrownBy(() -> AgencyList.read("a.csv", "衢州市应急管理局\n".getBytes()))
                .isInstanceOf(AgencyList.Invalid.class).hasMessageContaining("单位名称");
        assertThatThrownBy(() -> AgencyList.read("a.csv", "单位名称\n甲局\n甲局\n".getBytes()))
                .isInstanceOf(AgencyList.Invalid.class).hasMessageContaining("第 3 行").hasMessageContaining("重复");
        assertThatThrownBy(() -> AgencyList.read("a.csv", "单位名称,层级\n甲局,省级\n".getBytes()))
                .isInstanceOf(AgencyList.Invalid.class).hasMessageContaining("省级");
        assertThatThrownBy(() -> AgencyList.read("a.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0}))
                .isInstanceOf(AgencyList.Invalid.class);
    }
}
