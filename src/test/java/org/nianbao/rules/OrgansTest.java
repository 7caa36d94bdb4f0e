package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who may make 规章, as far as the organ's name makes it certain. */
class OrgansTest {

    @Test
    void stateCouncilDepartmentsMayMakeRulesWhateverTheirNamesStartWith() {
        for (String ministry : new String[] {"教育部", "自然资源部", "住房和城乡建设部", "审计署", "海关总署", "中国人民银行",
                "国家税务总局", "国家发展和改革委员会", "国务院国有资产监督管理委员会"}) {
            assertThat(Organs.cannotMakeRules(ministry, "department")).as(ministry).isFalse();
        }
    }

    @Test
    void provincialGovernmentsMayAndCountyAndDistrictGovernmentsMayNot() {
        assertThat(Organs.cannotMakeRules("浙江省人民政府", "government")).isFalse();
        assertThat(Organs.cannotMakeRules("上海市人民政府", "government")).isFalse();
        assertThat(Organs.cannotMakeRules("延边朝鲜族自治州人民政府", "government")).isFalse();
        assertThat(Organs.cannotMakeRules("平阳县人民政府", "government")).isTrue();
        assertThat(Organs.cannotMakeRules("杭州市余杭区人民政府", "government")).isTrue();
        assertThat(Organs.cannotMakeRules("某某镇人民政府", "township")).isTrue();
    }

    @Test
    void aCityGovernmentIsLeftOpenBecauseItMayBeADistrictedCityOrACountyLevelCity() {
        assertThat(Organs.cannotMakeRules("衢州市人民政府", "government")).isFalse();
        assertThat(Organs.cannotMakeRules("清镇市人民政府", "government")).isFalse();
    }

    @Test
    void departmentsOfLocalGovernmentsMayNot() {
        assertThat(Organs.cannotMakeRules("衢州市应急管理局", "department")).isTrue();
        assertThat(Organs.cannotMakeRules("浙江省教育厅", "department")).isTrue();
        assertThat(Organs.cannotMakeRules("清镇市人民政府办公室", "department")).isTrue();
    }

    @Test
    void anUnknownOrganIsNeverBlamed() {
        assertThat(Organs.cannotMakeRules(null, null)).isFalse();
        assertThat(Organs.cannotMakeRules("", "department")).isFalse();
    }
}
