package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.report.Deadline;
import org.nianbao.report.Organ;
import org.nianbao.report.Report;
import org.nianbao.rules.RuleSetLoader;

/** The organ table of rules/organs.yaml: which kind each real name is, its deadline, and the duties that bind it. */
class OrganCatalogTest {

    private static final OrganCatalog ORGANS = RuleSetLoader.load(Samples.RULES).organs();

    private static String kind(String name) {
        OrganCatalog.Kind k = ORGANS.classify(name);
        return k == null ? null : k.kind();
    }

    private static Report report(String organ, Integer year, LocalDate published) {
        return new Report("某机关", year, "2021", null, organ, published, published == null ? "none" : "given", null, null,
                null, null, "full");
    }

    @Test
    void threeCharacterMinistriesAreStateCouncilDepartmentsDueOn31January() {
        for (String ministry : new String[] {"教育部", "商务部", "审计署", "海关总署", "国家税务总局", "国家发展和改革委员会"}) {
            assertThat(kind(ministry)).as(ministry).isEqualTo("state_council_department");
            assertThat(ORGANS.knows(ministry)).as(ministry).isTrue();
        }
        Deadline due = ORGANS.deadlineFor(report("state_council_department", 2023, null));
        assertThat(due.date()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(due.article()).contains("第四十九条第一款");
    }

    @Test
    void aLocalBranchOfAStateCouncilDepartmentIsNotTheDepartment() {
        assertThat(kind("国家税务总局衢州市税务局")).isEqualTo("department");
        assertThat(kind("湛江海关")).isEqualTo("dispatched_agency");
    }

    @Test
    void aTownWhoseNameEndsLikeItsKindIsATownshipGovernment() {
        assertThat(kind("湖镇镇")).isEqualTo("township_government");
        assertThat(kind("龙游县湖镇镇人民政府")).isEqualTo("township_government");
        assertThat(kind("木场乡")).isEqualTo("township_government");
        assertThat(ORGANS.classify("湖镇镇").level()).isEqualTo("township");
    }

    @Test
    void aStreetOfficeIsNoPeoplesGovernmentEvenUnderADistrictGovernmentsName() {
        OrganCatalog.Kind street = ORGANS.classify("济南市历下区人民政府大明湖街道办事处");

        assertThat(street.kind()).isEqualTo("street_office");
        assertThat(street.level()).isEqualTo("township");
        assertThat(street.duties()).doesNotContain("accountability_results");
        assertThat(kind("福田区福保街道")).isEqualTo("street_office");
    }

    @Test
    void peoplesGovernmentsOfEveryLevelReportTheirAssessmentResultsAndDepartmentsDoNot() {
        for (String government : new String[] {"上海市人民政府", "广西壮族自治区人民政府", "平阳县人民政府", "杭州市余杭区人民政府",
                "衢州市人民政府", "延边朝鲜族自治州人民政府", "龙游县湖镇镇人民政府"}) {
            assertThat(ORGANS.classify(government).duties()).as(government).contains("accountability_results");
        }
        for (String organ : new String[] {"清镇市人民政府办公室", "衢州市应急管理局", "教育部", "某某街道办事处",
                "某某经济技术开发区管委会", "西咸新区管理委员会"}) {
            assertThat(ORGANS.classify(organ).duties()).as(organ).doesNotContain("accountability_results");
        }
    }

    @Test
    void aCompositeReportOfACountyOrCityGovernmentIsDueOn31March() {
        assertThat(ORGANS.deadlineFor(report("county_government", 2023, null)).date()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(ORGANS.deadlineFor(report("city_government", 2023, null)).date()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(ORGANS.deadlineFor(report("government_office", 2023, null)).date()).isEqualTo(LocalDate.of(2024, 1, 31));
    }

    @Test
    void aManagementCommitteeIsAnOrganUnlessTheTableListsItAsActingForALevelOfGovernment() {
        assertThat(kind("某某经济技术开发区管委会")).isEqualTo("development_zone_committee");
        assertThat(kind("商洛高新区(商丹园区)管理委员会")).isEqualTo("development_zone_committee");
        assertThat(kind("某某风景名胜区管理委员会")).isEqualTo("scenic_area_committee");
        assertThat(kind("荣成市人民政府石岛管理区管委会")).isEqualTo("dispatched_agency");
        assertThat(ORGANS.classify("某某经济技术开发区管委会").level()).isEqualTo("department");
        assertThat(ORGANS.classify("某某高新区管委会").deadline().getMonthValue()).isEqualTo(1);

        OrganCatalog.Kind xixian = ORGANS.classify("西咸新区管理委员会");
        assertThat(xixian.kind()).isEqualTo("area_government_committee");
        assertThat(xixian.level()).isEqualTo("government");
        assertThat(xixian.deadline().getMonthValue()).isEqualTo(3);
    }

    @Test
    void aGovernmentsOfficeOrAnOfficeCalledAfterTheGovernmentIsAnOrgan() {
        assertThat(kind("清镇市人民政府办公室")).isEqualTo("government_office");
        assertThat(kind("湛江市人民政府地方志办公室")).isEqualTo("department");
        assertThat(kind("杭州市余杭区司法局（区行政复议局）")).isEqualTo("department");
    }

    @Test
    void anOrganTheTableCannotRecogniseIsHeldToTheEarlierDeadlineAndBoundByNothing() {
        assertThat(ORGANS.classify("")).isNull();
        assertThat(ORGANS.classify("某某大学")).isNull();

        Organ organ = ORGANS.organOf(report(null, 2023, null));
        assertThat(organ.kind()).isEqualTo("unknown");
        assertThat(organ.duties()).isEmpty();
        assertThat(ORGANS.deadlineFor(report(null, 2023, null)).date()).isEqualTo(LocalDate.of(2024, 1, 31));
    }

    @Test
    void aReportWithoutAYearIsHeldToTheDeadlineOfTheYearBeforeItsPublication() {
        Deadline due = ORGANS.deadlineFor(report("department", null, LocalDate.of(2024, 3, 15)));

        assertThat(due.date()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(due.basis()).contains("未能确定报告年度", "2023");
        assertThat(ORGANS.deadlineFor(report("department", null, null))).isNull();
    }

    @Test
    void aGivenLevelTakesTheKindOfThatLevelUnlessTheNamesKindIsOfIt() {
        assertThat(ORGANS.forGivenLevel("government", null).kind()).isEqualTo("county_government");
        assertThat(ORGANS.forGivenLevel("government", ORGANS.classify("上海市人民政府")).kind()).isEqualTo("provincial_government");
        assertThat(ORGANS.forGivenLevel("department", ORGANS.classify("平阳县人民政府")).kind()).isEqualTo("department");
    }

    @Test
    void anAreaRunByACommitteeHasNoPeoplesGovernment() {
        assertThat(ORGANS.isAreaWithoutGovernment("某某经济技术开发区")).isTrue();
        assertThat(ORGANS.isAreaWithoutGovernment("西咸新区")).isTrue();
        assertThat(ORGANS.isAreaWithoutGovernment("余杭区")).isFalse();
    }
}
