package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.extraction.IncompleteReportsTest.assess;
import static org.nianbao.extraction.IncompleteReportsTest.ruleIds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nianbao.assessment.Assessment;

/** Agency, level and publication date from every place a real page puts them; never a pronoun. */
class PageMetadataTest {

    private static Assessment excerpt(String name) throws IOException {
        return assess(name, Files.readAllBytes(Path.of("src/test/resources/excerpts", name)));
    }

    @Test
    void aMetadataTableGivesThePublicationDate() throws IOException {
        Assessment a = excerpt("metadata-table.txt");

        assertThat(a.report().agency()).isEqualTo("山西省交通运输厅");
        assertThat(a.report().publishedOn()).isEqualTo("2022-01-29");
        assertThat(a.report().publishedOnSource()).isEqualTo("page");
        assertThat(a.report().completeness()).isEqualTo("cut_off");
    }

    @Test
    void metadataLinesWithoutColonsGiveTheDateAndTheTitleTheAgency() throws IOException {
        Assessment a = excerpt("metadata-lines.txt");

        assertThat(a.report().agency()).isEqualTo("山阳县人民政府"); // not the 发布机构 「市政府办」
        assertThat(a.report().level()).isEqualTo("government");
        assertThat(a.report().publishedOn()).isEqualTo("2021-02-20");
    }

    @Test
    void anAbbreviatedTitleGivesWayToTheFullNameInThePreamble() throws IOException {
        Assessment a = excerpt("abbreviated-title.txt");

        assertThat(a.report().agency()).isEqualTo("安康市应急管理局");
        assertThat(a.report().year()).isEqualTo(2023);
    }

    @Test
    void aTitleRunIntoALongLineOfPageTextStillGivesTheAgencyAndYear() {
        String text = """
                当前位置:首页>政务公开>政府信息公开>法定主动公开内容>政策文件>规划计划>财政资金>人事信息>建议提案办理结果>忻州市应急管理局2023年政府信息公开工作年度报告 发布时间:2024-01-20
                一、总体情况
                2023年，我局认真贯彻落实政府信息公开条例。
                二、主动公开政府信息情况
                """;
        Assessment a = assess("t.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(a.report().agency()).isEqualTo("忻州市应急管理局");
        assertThat(a.report().year()).isEqualTo(2023);
        assertThat(a.report().publishedOn()).isEqualTo("2024-01-20");
    }

    @Test
    void aTitleRunOnFromPageTextWithoutSeparatorsTakesTheOrganSignedUnderTheReport() {
        String text = """
                当前位置 首页 政务公开 政府信息公开 法定主动公开内容 政策文件 规划计划 建议提案办理结果忻州市应急管理局2023年政府信息公开工作年度报告
                一、总体情况
                2023年，我局认真贯彻落实政府信息公开条例。
                二、主动公开政府信息情况
                六、其他需要报告的事项
                本机关未收取信息处理费。
                忻州市应急管理局
                2024年1月20日
                """;
        Assessment a = assess("t.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(a.report().agency()).isEqualTo("忻州市应急管理局");
        assertThat(a.report().year()).isEqualTo(2023);
    }

    @Test
    void aTitleOfItsOwnLineKeepsTheFullNameEvenWhenTheSignatureIsShorter() {
        String text = """
                中共平阳县委宣传部2023年政府信息公开工作年度报告
                一、总体情况
                2023年，本部认真贯彻落实政府信息公开条例。
                二、主动公开政府信息情况
                六、其他需要报告的事项
                本机关未收取信息处理费。
                平阳县委宣传部
                2024年1月20日
                """;
        Assessment a = assess("t.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(a.report().agency()).isEqualTo("中共平阳县委宣传部");
    }

    @Test
    void aTitleAfterALabelOfAPageTableKeepsTheFullNameEvenWhenTheSignatureIsShorter() {
        for (String titleLine : new String[] {"标题：中共平阳县委宣传部2023年政府信息公开工作年度报告",
                "| 标 题 | 中共平阳县委宣传部2023年政府信息公开工作年度报告 |"}) {
            String text = titleLine + """

                    一、总体情况
                    2023年，本部认真贯彻落实政府信息公开条例。
                    二、主动公开政府信息情况
                    六、其他需要报告的事项
                    本机关未收取信息处理费。
                    平阳县委宣传部
                    2024年1月20日
                    """;
            Assessment a = assess("t.txt", text.getBytes(StandardCharsets.UTF_8));

            assertThat(a.report().agency()).as(titleLine).isEqualTo("中共平阳县委宣传部");
        }
    }

    @Test
    void aReportThatNamesItselfOnlyByPronounHasNoAgencyAndSaysSo() {
        String text = """
                依据《中华人民共和国政府信息公开条例》第五十条规定，编制本报告。
                一、总体情况
                2024年，我乡认真贯彻落实政府信息公开条例，由我乡党政办负责政府信息公开工作。
                二、主动公开政府信息情况
                """;
        Assessment a = assess("t.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(a.report().agency()).isNull();
        assertThat(a.report().level()).isEqualTo("township");
        assertThat(ruleIds(a)).contains("COMP-AGENCY-UNKNOWN");
    }

    /** A short report around {@code head} (the lines before part 一) and {@code body} (part 一), signed by nobody. */
    private static Assessment report(String head, String body) {
        String text = head + """

                一、总体情况
                """ + body + """

                二、主动公开政府信息情况
                三、收到和处理政府信息公开申请情况
                六、其他需要报告的事项
                本机关未收取信息处理费。
                """;
        return assess("t.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String BODY = "本年度，认真贯彻落实政府信息公开条例，统计期限自2023年1月1日起至12月31日止。";

    @Test
    void theAuthorNamedInTheBodyIsTheAgencyWhateverHisNameIsFollowedBy() {
        assertThat(report("本年度报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由广东省教育考试院(以下简称“省教育考试院”)编制。", BODY)
                .report().agency()).isEqualTo("广东省教育考试院");
        assertThat(report("本报告依据《中华人民共和国政府信息公开条例》(国务院令第711号,以下简称新《条例》)要求,由台州湾经济技术开发区管委会结合有关统计数据编制。", BODY)
                .report().agency()).isEqualTo("台州湾经济技术开发区管委会");
        assertThat(report("根据《中华人民共和国政府信息公开条例》等文件要求,深圳市福田区住房和建设局结合本单位2023年度政府信息公开工作情况,编制本报告。", BODY)
                .report().agency()).isEqualTo("深圳市福田区住房和建设局");
        assertThat(report("本报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由两城镇人民政府党政办公室编制。", BODY)
                .report().agency()).isEqualTo("两城镇人民政府");
    }

    @Test
    void aPreambleThatNamesTheOrganOnlyByPronounNamesNoAgency() {
        assertThat(report("根据《中华人民共和国政府信息公开条例》规定,现公布我局2023年政府信息公开工作年度报告。", BODY).report().agency())
                .isNull();
    }

    @Test
    void theIssuerOfANoticeTheReportCitesIsNeverTheAgency() {
        Assessment a = report("根据《中华人民共和国政府信息公开条例》、《浙江省人民政府办公厅关于做好2023年度政务公开工作总结和政府信息公开"
                + "工作年度报告有关事项的通知》等文件要求,现公布衢州市机关事务保障中心2023年政府信息公开工作年度报告。", BODY);
        assertThat(a.report().agency()).isEqualTo("衢州市机关事务保障中心");

        Assessment issuerOnly = report("根据《临沧市人民政府办公室关于做好2023年政府信息公开工作年度报告编制发布工作的通知》文件要求,"
                + "现向社会公布我局2023年度政府信息公开工作情况。", BODY);
        assertThat(issuerOnly.report().agency()).isNull();
        assertThat(issuerOnly.report().year()).isEqualTo(2023);
    }

    @Test
    void theAuthorComesFirstAndTheIssuersOfNoticesAfterHimAreLeftAside() {
        assertThat(report("本报告由莒南县司法局根据《中华人民共和国政府信息公开条例》《山东省人民政府办公厅关于做好2023年政府信息公开工作年度报告"
                + "编制和发布工作的通知》和《莒南县人民政府办公室关于做好2023年度政府信息公开年度报告编制发布工作的通知》有关要求,结合我局工作实际编制。",
                BODY).report().agency()).isEqualTo("莒南县司法局");
    }

    @Test
    void theContactSentenceNamesTheOrganLessTheOfficeThatAnswers() {
        assertThat(report("如对本报告有任何疑问,请与襄阳市审计局综合科联系(地址:襄阳市襄城区运动路99号,电话:0710-3532341)。", BODY)
                .report().agency()).isEqualTo("襄阳市审计局");
        assertThat(report("如对本报告有疑问,请于临沂市教育局办公室联系(地址:临沂市北城新区上海路与蒙河路交汇处)。", BODY)
                .report().agency()).isEqualTo("临沂市教育局");
        assertThat(report("如有疑问请与来凤县政务服务和大数据管理局(地址:来凤县政务服务中心501室,联系电话:0718-6277499)。", BODY)
                .report().agency()).isEqualTo("来凤县政务服务和大数据管理局");
        assertThat(report("浑江区卫生健康局办公室,联系方式:电话:0439-3361617,邮编:134300。", BODY)
                .report().agency()).isEqualTo("浑江区卫生健康局");
    }

    @Test
    void aGovernmentsOfficeIsItsOwnOrganButATownshipGovernmentsOfficeAnswersForTheTownship() {
        assertThat(report("如对本年度报告有任何疑问,请联系:向阳区人民政府办公室,联系电话:0454-8607012。", BODY)
                .report().agency()).isEqualTo("向阳区人民政府办公室");
        Assessment township = report("如对本报告有异议,请与泰顺县大安乡人民政府办公室联系(地址:泰顺县大安乡安中路100号)。", BODY);
        assertThat(township.report().agency()).isEqualTo("泰顺县大安乡人民政府");
        assertThat(township.report().level()).isEqualTo("township");
    }

    @Test
    void aContactPointThatIsNotAnOrganNamesNoAgency() {
        for (String contact : new String[] {
                "如对本报告有任何疑问,请与东至县政务公开办公室联系(地址:东至县尧渡镇至德大道1号政务中心5楼)。",
                "如果对本报告有何疑问和建议,请与会同县政务服务中心联系。",
                "如对本年度报告有任何疑问,请联系:区政府信息公开联席会议办公室。",
                "如对本报告有任何疑问,请联系我办政务信息公开办公室(深圳市福田区农林路1号香蜜湖街道办事处206室)。"}) {
            assertThat(report(contact, BODY).report().agency()).as(contact).isNull();
        }
    }

    @Test
    void aMinistryWithAThreeCharacterNameIsAnAgencyAndATownsTwoCharacterNameToo() {
        Assessment ministry = report("教育部2023年政府信息公开工作年度报告", BODY);
        assertThat(ministry.report().agency()).isEqualTo("教育部");
        assertThat(ministry.report().level()).isEqualTo("department");

        Assessment town = report("湖镇镇2023年政府信息公开工作年度报告", BODY);
        assertThat(town.report().agency()).isEqualTo("湖镇镇人民政府");
        assertThat(town.report().level()).isEqualTo("township");

        assertThat(report("区教育局2023年政府信息公开工作年度报告", BODY).report().agency()).isNull(); // an abbreviation
    }

    @Test
    void anAreaRunByItsCommitteeIsNotGivenAMadeUpPeoplesGovernment() {
        Assessment placeOnly = report("某某经济技术开发区2023年政府信息公开工作年度报告", BODY);
        assertThat(placeOnly.report().agency()).isNull();
        assertThat(placeOnly.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("READ-TEXT-REPAIRED");
            assertThat(f.message()).contains("某某经济技术开发区", "管委会");
        });

        Assessment named = report("某某经济技术开发区2023年政府信息公开工作年度报告\n本报告由某某经济技术开发区管委会编制。", BODY);
        assertThat(named.report().agency()).isEqualTo("某某经济技术开发区管委会");
        assertThat(named.findings()).noneMatch(f -> f.message().contains("管委会管理"));

        assertThat(report("平阳县2023年政府信息公开工作年度报告", BODY).report().agency()).isEqualTo("平阳县人民政府");
    }

    @Test
    void theYearIsReadFromTheBodyWhenTitleAndPeriodDoNotGiveIt() {
        assertThat(report("", "截止2023年12月31日我局通过官方网站发布政务类信息34条,概况类信息150条。").report().year()).isEqualTo(2023);
        assertThat(report("", "2020年度我街办未接到提出公开政府信息的申请。").report().year()).isEqualTo(2020);
        assertThat(report("", "2025年中仓街道积极推动街道政府信息公开工作,努力保障公民、法人和其他组织依法获取街道信息。")
                .report().year()).isEqualTo(2025);
    }

    @Test
    void aBodyThatNamesNoYearOfItsOwnGivesNone() {
        assertThat(report("", "截止目前,我镇通过各类渠道主动公开政府信息103条。").report().year()).isNull();
        assertThat(report("", "2021年,我局将根据我区部署的政务公开工作具体要求,进一步提高认识。").report().year()).isNull();
        assertThat(report("", "一年以来,中村乡全面贯彻落实《条例》。").report().year()).isNull();
    }

    @Test
    void aPageDateLabelledOnlyTimeIsReadAndAStatisticalTimeIsNot() {
        Assessment a = report("卓尼县完冒镇2022年政府信息公开工作年度报告\n时间:2023-01-13 作者:完冒镇人民政府 点击数:", BODY);
        assertThat(a.report().publishedOn()).isEqualTo("2023-01-13");
        assertThat(a.report().publishedOnSource()).isEqualTo("page");

        assertThat(report("卓尼县完冒镇2022年政府信息公开工作年度报告\n数据统计时间:2023-01-13", BODY).report().publishedOn()).isNull();
    }

    @Test
    void aRelatedLinksDateAfterTheReportNeverBecomesThePublicationDate() {
        String footer = "\n相关链接\n某某局2022年政府信息公开工作年度报告 发布时间:2023-05-01\n版权所有";
        String text = "某某县应急管理局2023年政府信息公开工作年度报告\n一、总体情况\n" + BODY
                + "\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n六、其他需要报告的事项\n本机关未收取信息处理费。" + footer;
        assertThat(assess("t.txt", text.getBytes(StandardCharsets.UTF_8)).report().publishedOn()).isNull();

        String headed = text.replace("年度报告\n一、", "年度报告\n发布时间:2024-01-20\n一、");
        assertThat(assess("t.txt", headed.getBytes(StandardCharsets.UTF_8)).report().publishedOn()).isEqualTo("2024-01-20");
    }

    @Test
    void theFormatComesFromTheTablesOwnHeadersEvenWrappedOverLines() {
        String table2019 = "\n二、主动公开政府信息情况\n第二十条第(一)项\n信息内容 | 本年新 | 本年新 | 对外公开\n| 制作数量 | 公开数量 | 总数量 |\n";
        String text = "某某县应急管理局2023年政府信息公开工作年度报告\n一、总体情况\n" + BODY + table2019
                + "三、收到和处理政府信息公开申请情况\n六、其他需要报告的事项\n本机关未收取信息处理费。";
        Assessment old = assess("t.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(old.report().format()).isEqualTo("2019");
        assertThat(old.findings()).anyMatch(f -> f.ruleId().equals("COMP-FORMAT-OUTDATED"));

        Assessment current = assess("t.txt", text.replace("本年新 | 本年新 | 对外公开", "本年制发 | 本年废止 | 现行有效")
                .replace("| 制作数量 | 公开数量 | 总数量 |", "| 件数 | 件数 | 件数 |").getBytes(StandardCharsets.UTF_8));
        assertThat(current.report().format()).isEqualTo("2021");
        assertThat(current.findings()).noneMatch(f -> f.ruleId().startsWith("COMP-FORMAT"));
    }

    @Test
    void aReportWhoseTablesCannotBeReadTakesItsYearsFormatAndC5IsNotMet() {
        Assessment a = report("某某县应急管理局2023年政府信息公开工作年度报告", BODY);

        assertThat(a.report().format()).isEqualTo("2021");
        assertThat(a.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("COMP-FORMAT-UNDECIDABLE");
            assertThat(f.deduction()).isPositive();
        });
    }

    @Test
    void theOrganDoingWhatPartOneReportsIsTheAgencyButAPronounOrAWholeAreaIsNot() {
        assertThat(report("", "2024年,教育部坚持以习近平新时代中国特色社会主义思想为指导。" + BODY).report().agency()).isEqualTo("教育部");
        assertThat(report("", "2022年,在区委区政府的正确领导下,广东从化经济开发区管理委员会认真贯彻执行《中华人民共和国政府信息公开条例》。"
                + BODY).report().agency()).isEqualTo("广东从化经济开发区管理委员会");
        assertThat(report("", "2023年,全区严格按照党中央、国务院的决策部署推进政务公开。" + BODY).report().agency()).isNull();
        assertThat(report("", "2023年,我局认真贯彻落实政府信息公开条例。" + BODY).report().agency()).isNull();
    }

    @Test
    void aPlaceWhoseReportThePreambleCompilesIsItsPeoplesGovernmentAndAGroupOfficeAnswersForItsGovernment() {
        assertThat(report("根据《中华人民共和国政府信息公开条例》的规定,编制大理白族自治州2023年政府信息公开工作年度报告。", BODY)
                .report().agency()).isEqualTo("大理白族自治州人民政府");
        assertThat(report("本报告由南平市人民政府信息公开工作领导小组办公室根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,"
                + "汇总南平市各县(市、区)、市政府各有关部门政府信息公开工作情况编制而成。", BODY).report().agency()).isEqualTo("南平市人民政府");
        assertThat(report("如对本报告有任何疑问,请联系:龙游县罗家乡人民政府信息公开领导小组办公室,邮编:324400。", BODY)
                .report().agency()).isEqualTo("龙游县罗家乡人民政府");
        assertThat(report("根据规定,编制某某经济技术开发区2023年政府信息公开工作年度报告。", BODY).report().agency()).isNull();
    }
}
