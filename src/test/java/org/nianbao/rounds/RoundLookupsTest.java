package org.nianbao.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.store.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the round's workers look up for every report, kept between reports, on a real H2 database. */
class RoundLookupsTest {

    private JdbcClient jdbc;
    private RoundStore rounds;
    private long round;

    @BeforeEach
    void database() {
        jdbc = TestDatabases.migratedInMemory("round-lookups");
        rounds = new RoundStore(jdbc);
        round = rounds.create("2023 年度", 2023, null, "default", "r", "s", "{}", "admin", false);
    }

    private long submitted(long agency, String sectionFive) {
        jdbc.sql("""
                INSERT INTO assessment (source, source_sha256, source_text, agency, report_year, score, grade,
                                        ruleset_version, scorecard_version, assessment_json, created_at)
                VALUES ('r.txt', :sha, '报告', '局', 2023, 80, '良好', 'r', 's', '{}', :at)
                """).param("sha", "a".repeat(64)).param("at", Timestamp.from(Instant.now())).update();
        long assessment = jdbc.sql("SELECT MAX(id) FROM assessment").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO round_submission (round_id, source, agency_id, assessment_id, created_at, section_five)
                VALUES (:round, 'r.txt', :agency, :assessment, :at, :five)
                """).param("round", round).param("agency", agency).param("assessment", assessment)
                .param("at", Timestamp.from(Instant.now())).param("five", sectionFive).update();
        return jdbc.sql("SELECT MAX(id) FROM round_submission").query(Long.class).single();
    }

    private long agency(String name) {
        return rounds.expectedRecently(round).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().agencyId();
    }

    @Test
    void aListChangedHereIsTheListTheNextReportIsMatchedAgainst() {
        rounds.expect(round, List.of(new AgencyList.Entry("甲市应急管理局", "市级", null, List.of())));
        assertThat(rounds.expectedRecently(round)).extracting(RoundStore.Expected::name).containsExactly("甲市应急管理局");

        rounds.expect(round, List.of(new AgencyList.Entry("甲市应急管理局", "县级", null, List.of("甲市应急局")),
                new AgencyList.Entry("乙市应急管理局", "市级", null, List.of())));

        assertThat(rounds.expectedRecently(round)).extracting(RoundStore.Expected::name, RoundStore.Expected::level)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("甲市应急管理局", "县级"),
                        org.assertj.core.groups.Tuple.tuple("乙市应急管理局", "市级"));
    }

    @Test
    void eachAgencysLatestSectionFiveIsComparedIncludingThoseStoredSinceTheLastLookAndAfterAReassignment() {
        rounds.expect(round, List.of(new AgencyList.Entry("甲局", null, null, List.of()),
                new AgencyList.Entry("乙局", null, null, List.of()), new AgencyList.Entry("丙局", null, null, List.of())));
        long a = agency("甲局");
        long b = agency("乙局");
        long c = agency("丙局");
        submitted(a, "甲局第一稿");
        assertThat(rounds.sectionFives(round, null)).extracting(RoundStore.SectionFive::text).containsExactly("甲局第一稿");

        submitted(a, "甲局第二稿");
        long second = submitted(b, "乙局的问题和措施");
        assertThat(rounds.sectionFives(round, null)).extracting(RoundStore.SectionFive::text)
                .containsExactlyInAnyOrder("甲局第二稿", "乙局的问题和措施");
        assertThat(rounds.sectionFives(round, a)).extracting(RoundStore.SectionFive::text).containsExactly("乙局的问题和措施");

        assertThat(rounds.assign(round, second, c)).isTrue();
        assertThat(rounds.sectionFives(round, null)).extracting(RoundStore.SectionFive::agency, RoundStore.SectionFive::text)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("甲局", "甲局第二稿"),
                        org.assertj.core.groups.Tuple.tuple("丙局", "乙局的问题和措施"));
    }
}
