package org.nianbao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.store.AssessmentStore;
import org.nianbao.store.Submitter;
import org.nianbao.submission.AssessmentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dry run assesses the year's stored reports from the facts kept with them, on every core, and reads a report
 * again only when its facts were drawn by another version of the extractor (or are missing).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:dry-run-test;DB_CLOSE_DELAY=-1")
@Tag("database")
class DryRunTest {

    @Autowired
    AssessmentService service;
    @Autowired
    ActivationService activation;
    @Autowired
    AssessmentStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.nianbao.rounds.Reviews reviews;

    private final Map<String, Assessment> stored = new java.util.HashMap<>();

    @BeforeEach
    void storeTheSamples() {
        jdbc.sql("DELETE FROM finding_review").update(); // a finding dismissed by one test is not by the next
        jdbc.sql("DELETE FROM assessment").update();
        for (String name : Samples.NAMES) {
            stored.put(name, service.assessAndStore(name, Samples.bytes(name), AssessmentOptions.NONE, null,
                    Submitter.account("admin")));
        }
    }

    @Test
    void everyStoredAssessmentKeepsItsFactsAndTheVersionOfTheExtractorThatDrewThem() {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT f.extractor_version, f.facts_json, f.source AS kept_source, a.source, f.source_sha256 AS kept_sha,
                       a.source_sha256
                FROM assessment a JOIN assessment_facts f ON f.assessment_id = a.id
                """).query().listOfRows();

        assertThat(rows).hasSize(5).allSatisfy(row -> {
            assertThat(row.get("EXTRACTOR_VERSION")).isEqualTo(service.assessor().extractorVersion());
            assertThat((String) row.get("FACTS_JSON")).contains("\"cells\"", "\"report\"");
            assertThat(row.get("KEPT_SOURCE")).isEqualTo(row.get("SOURCE"));
            assertThat(row.get("KEPT_SHA")).isEqualTo(row.get("SOURCE_SHA256"));
        });
        assertThat(service.assessor().extractorVersion()).matches("[0-9a-f]{12}-[0-9a-f]{12}");
    }

    @Test
    void aDryRunOfTheRulesInForceChangesNothingAndReadsNoReport() {
        // the stored texts spoiled: only the kept facts can give the stored scores back
        jdbc.sql("UPDATE assessment SET source_text = '（空）'").update();
        List<Integer> progress = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger total = new AtomicInteger();

        List<DryRun> runs = activation.dryRun(activation.candidate(Map.of()), 2023, service.assessor(), store,
                new DryRunProgress() {
                    @Override
                    public void started(int reports) {
                        total.set(reports);
                    }

                    @Override
                    public void done(int reports) {
                        progress.add(reports);
                    }
                });

        assertThat(total.get()).isEqualTo(runs.size());
        assertThat(progress).isNotEmpty().contains(runs.size());
        assertThat(runs).isNotEmpty().allSatisfy(run -> {
            assertThat(run.error()).isNull();
            assertThat(run.change()).isZero();
            assertThat(run.added()).isEmpty();
            assertThat(run.removed()).isEmpty();
            assertThat(run.active().score()).isEqualTo(stored.get(run.source()).score());
        });
    }

    @Test
    void factsDrawnByAnotherVersionOfTheExtractorAreDrawnAgainFromTheStoredText() {
        jdbc.sql("UPDATE assessment_facts SET extractor_version = 'earlier-version'").update();
        jdbc.sql("UPDATE assessment SET source_text = '（空）'").update();

        List<DryRun> runs = activation.dryRun(activation.candidate(Map.of()), 2023, service.assessor(), store);

        // drawn again from a spoiled text, the stored scores do not come back: the text was read
        assertThat(runs).isNotEmpty().allSatisfy(run -> assertThat(run.error() != null
                || run.active().score() != stored.get(run.source()).score()).as(run.toString()).isTrue());
    }

    @Test
    void factsDrawnAgainAfterAnUpgradeAreKeptSoTheNextDryRunReadsNoReport() {
        // as a build before this one left them: its facts, and what its code made of them
        jdbc.sql("UPDATE assessment_facts SET extractor_version = 'earlier-version'").update();
        jdbc.sql("UPDATE assessment_outcome SET made_by = 'earlier-version'").update();

        List<DryRun> first = activation.dryRun(activation.candidate(Map.of()), 2023, service.assessor(), store);

        assertThat(first).isNotEmpty().allSatisfy(run -> assertThat(run.active().score())
                .isEqualTo(stored.get(run.source()).score()));
        assertThat(jdbc.sql("""
                SELECT DISTINCT f.extractor_version FROM assessment_facts f JOIN assessment a ON a.id = f.assessment_id
                WHERE a.report_year = 2023
                """).query(String.class).list()).as("the year's facts, drawn again")
                .containsExactly(service.assessor().extractorVersion());
        assertThat(jdbc.sql("""
                SELECT DISTINCT o.made_by FROM assessment_outcome o JOIN assessment a ON a.id = o.assessment_id
                WHERE a.report_year = 2023
                """).query(String.class).list()).as("what the rules in force made of them, kept beside them")
                .containsExactly(service.assessor().version());

        // the texts spoiled: only the facts kept by the first dry run can give the stored scores back
        jdbc.sql("UPDATE assessment SET source_text = '（空）'").update();
        List<DryRun> next = activation.dryRun(activation.candidate(Map.of()), 2023, service.assessor(), store);
        assertThat(next).hasSize(first.size()).allSatisfy(run -> {
            assertThat(run.error()).isNull();
            assertThat(run.active().score()).isEqualTo(stored.get(run.source()).score());
            assertThat(run.change()).isZero();
        });
    }

    @Test
    void factsKeptInTheFormOfABuildBeforeAreDrawnAgainOnceAndKeptInTheFormOfThisOne() {
        // as the build before this one kept them: each cell an object naming its fields, under its own version
        tools.jackson.databind.ObjectMapper named = tools.jackson.databind.json.JsonMapper.builder().build();
        List<Long> ids = stored.values().stream().map(Assessment::id).toList();
        store.keptFacts(ids).forEach((id, kept) -> jdbc.sql("""
                        UPDATE assessment_facts SET facts_json = :facts, extractor_version = 'earlier-version'
                        WHERE assessment_id = :id
                        """).param("facts", named.writeValueAsString(kept.facts())).param("id", id).update());
        jdbc.sql("UPDATE assessment_outcome SET made_by = 'earlier-version'").update();
        assertThat(store.keptFacts(ids).values()).as("not read in this form").isNotEmpty()
                .allSatisfy(kept -> assertThat(kept.facts()).isNull());

        List<DryRun> first = activation.dryRun(activation.candidate(Map.of()), 2023, service.assessor(), store);

        assertThat(first).isNotEmpty().allSatisfy(run -> assertThat(run.active().score())
                .isEqualTo(stored.get(run.source()).score()));
        assertThat(jdbc.sql("""
                SELECT f.facts_json FROM assessment_facts f JOIN assessment a ON a.id = f.assessment_id
                WHERE a.report_year = 2023
                """).query(String.class).list()).as("kept again, in this build's form").isNotEmpty()
                .allSatisfy(facts -> assertThat(facts).doesNotContain("\"column\":"));
        // the texts spoiled: only the facts kept by the first dry run can give the stored scores back
        jdbc.sql("UPDATE assessment SET source_text = '（空）'").update();
        List<DryRun> next = activation.dryRun(activation.candidate(Map.of()), 2023, service.assessor(), store);
        assertThat(next).hasSize(first.size()).allSatisfy(run -> {
            assertThat(run.error()).isNull();
            assertThat(run.active().score()).isEqualTo(stored.get(run.source()).score());
        });
    }

    @Test
    void factsKeptUnreadableUnderThisVersionAreDrawnAgainOnceAndKept() {
        List<Long> ids = stored.values().stream().map(Assessment::id).toList();
        jdbc.sql("UPDATE assessment_facts SET facts_json = '[\"damaged\"'").update(); // the version left as it is
        assertThat(store.keptFacts(ids).values()).as("not readable").isNotEmpty()
                .allSatisfy(kept -> assertThat(kept.facts()).isNull());

        List<DryRun> first = activation.dryRun(activation.candidate(Map.of()), 2023, service.assessor(), store);

        assertThat(first).isNotEmpty().allSatisfy(run -> assertThat(run.active().score())
                .isEqualTo(stored.get(run.source()).score()));
        List<Long> ofTheYear = jdbc.sql("SELECT id FROM assessment WHERE report_year = 2023").query(Long.class).list();
        assertThat(store.keptFacts(ofTheYear).values()).as("kept again, readable").hasSize(first.size())
                .allSatisfy(kept -> assertThat(kept.facts()).isNotNull());
        // the texts spoiled: only the facts kept by the first dry run can give the stored scores back
        jdbc.sql("UPDATE assessment SET source_text = '（空）'").update();
        List<DryRun> next = activation.dryRun(activation.candidate(Map.of()), 2023, service.assessor(), store);
        assertThat(next).hasSize(first.size()).allSatisfy(run -> {
            assertThat(run.error()).isNull();
            assertThat(run.active().score()).isEqualTo(stored.get(run.source()).score());
        });
    }

    @Test
    void factsThisVersionOfTheExtractorDrewAreNotReplacedByFactsDrawnAgain() {
        long id = stored.values().iterator().next().id();
        String before = jdbc.sql("SELECT facts_json FROM assessment_facts WHERE assessment_id = :id").param("id", id)
                .query(String.class).single();
        List<String> outcomeBefore = jdbc.sql("SELECT outcome_json FROM assessment_outcome WHERE assessment_id = :id")
                .param("id", id).query(String.class).list();
        org.nianbao.report.ReportFacts other = store.keptFacts(List.of(stored.values().stream()
                .filter(a -> a.id() != id).findFirst().orElseThrow().id())).values().iterator().next().facts();

        int kept = store.keepRedrawn(List.of(new AssessmentStore.Redrawn(id, "0".repeat(64), other,
                org.nianbao.assessment.Outcome.of(stored.values().iterator().next()), java.util.Set.of(), false)), service.assessor());

        assertThat(kept).isZero();
        assertThat(jdbc.sql("SELECT facts_json FROM assessment_facts WHERE assessment_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT outcome_json FROM assessment_outcome WHERE assessment_id = :id").param("id", id)
                .query(String.class).list()).isEqualTo(outcomeBefore);
    }

    @Test
    void aCandidateThatChangesTheStatementsReadsTheReportsAgainForItsOwnSide() throws Exception {
        String statements = java.nio.file.Files.readString(Samples.RULES.resolve("statements.yaml"));
        // a wording no report uses for the fee statement: the candidate's extractor finds no such statement
        String changed = statements.replaceFirst("(?m)^(\\s*pattern:\\s*).*$", "$1'从未出现的表述XYZ'");
        assertThat(changed).isNotEqualTo(statements);

        List<DryRun> runs = activation.dryRun(activation.candidate(Map.of("statements.yaml", changed)), 2023,
                service.assessor(), store);

        assertThat(runs).isNotEmpty().allSatisfy(run -> assertThat(run.active().score())
                .isEqualTo(stored.get(run.source()).score()));
        assertThat(runs).anySatisfy(run -> assertThat(run.added()).isNotEmpty());
    }

    @Test
    void aFindingReviewersDismissedIsLeftOutOfBothSidesAsTheStoredAssessmentLeavesItOut() {
        Assessment before = stored.get("004_e93a6eea8c407df3.txt");
        var finding = before.findings().stream().filter(f -> f.deduction() != null && f.deduction() > 0)
                .findFirst().orElseThrow();
        Assessment dismissed = reviews.decide(before.id(), finding.fingerprint(), "dismissed", "不适用于本单位", "fuhe")
                .assessment();
        assertThat(dismissed.score()).isGreaterThan(before.score());

        List<DryRun> runs = activation.dryRun(activation.candidate(Map.of()), 2023, service.assessor(), store);

        DryRun run = runs.stream().filter(r -> r.source().equals(before.source())).findFirst().orElseThrow();
        assertThat(run.active().score()).isEqualTo(dismissed.score());
        assertThat(run.candidate().score()).isEqualTo(dismissed.score());
        assertThat(run.differs()).isFalse();
    }

    @Test
    void whatTheRulesInForceMakeOfAReportIsKeptAndTheNextDryRunComesOutTheSame() {
        forgetTheOutcomes();
        String card = activation.filesInForce().files().get(RulesetFiles.SCORECARD);
        RulesetFiles cheaper = activation.candidate(Map.of(RulesetFiles.SCORECARD,
                card.replaceFirst("points: 3\n    perFinding: 3", "points: 3\n    perFinding: 2")));
        var inForce = service.assessor();

        List<DryRun> first = activation.dryRun(cheaper, 2023, inForce, store);
        assertThat(activation.keptForDryRuns(inForce)).isGreaterThanOrEqualTo(first.size());
        List<DryRun> second = activation.dryRun(cheaper, 2023, inForce, store);

        assertThat(second).containsExactlyInAnyOrderElementsOf(first);
        assertThat(first).anySatisfy(run -> assertThat(run.differs()).isTrue());
    }

    @Test
    void thePreparationBesideAReadyServiceKeepsEveryStoredReportsSideAndStopsWhenOtherRulesAreInForceOrTimeIsUp() {
        forgetTheOutcomes();
        var current = service.assessor();
        var inForce = new org.nianbao.assessment.Assessor(current.rules(), current.scorecard()); // nothing kept for it yet
        assertThat(activation.keptForDryRuns(inForce)).isZero();

        assertThat(activation.prepareDryRunsGivingWay(2023, inForce, () -> current, store, System.nanoTime() + 60_000_000_000L))
                .as("other rules in force: nothing done").isZero();
        assertThat(activation.prepareDryRunsGivingWay(2023, inForce, () -> inForce, store, System.nanoTime() - 1))
                .as("no time left: nothing done").isZero();
        assertThat(activation.keptForDryRuns(inForce)).isZero();

        assertThat(activation.prepareDryRunsGivingWay(2023, inForce, () -> inForce, store, System.nanoTime() + 60_000_000_000L))
                .isEqualTo(store.latestOf(2023).size()).isEqualTo(4);
        assertThat(activation.keptForDryRuns(inForce)).isEqualTo(4);
    }

    @Test
    void theRehearsalBesideAReadyServiceGoesOnceOverTheYearAndGivesWayToADryRunToOtherRulesAndToItsTime() {
        var inForce = service.assessor();
        int year = store.latestOf(2023).size();
        long later = System.nanoTime() + 60_000_000_000L;

        assertThat(activation.rehearseGivingWay(2023, inForce, () -> inForce, store, later, activation.dryRunsAsked()))
                .as("once over the year").isEqualTo(year).isEqualTo(4);
        assertThat(activation.rehearseGivingWay(2023, inForce, () -> null, store, later, activation.dryRunsAsked()))
                .as("other rules in force").isZero();
        assertThat(activation.rehearseGivingWay(2023, inForce, () -> inForce, store, System.nanoTime() - 1,
                activation.dryRunsAsked())).as("no time left").isZero();

        long before = activation.dryRunsAsked();
        activation.dryRun(activation.candidate(Map.of()), 2023, inForce, store);
        assertThat(activation.rehearseGivingWay(2023, inForce, () -> inForce, store, later, before))
                .as("a dry run asked since the preparation began").isZero();
        // one asked while it goes on: it stops at its next chunk
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        assertThat(activation.rehearseGivingWay(2023, inForce, () -> {
            if (checks.incrementAndGet() == 1) {
                activation.dryRun(activation.candidate(Map.of()), 2023, inForce, store);
            }
            return inForce;
        }, store, later, activation.dryRunsAsked())).as("a dry run asked meanwhile").isZero();
    }

    @Test
    void aReportScoredAgainIsAssessedAgainNotTakenFromWhatWasKeptOfIt() {
        forgetTheOutcomes();
        var inForce = service.assessor();
        assertThat(activation.warmDryRuns(2023, inForce, store, System.nanoTime() + 60_000_000_000L).workedOut())
                .as("what a warming service does").isEqualTo(store.latestOf(2023).size()).isEqualTo(4);
        Assessment xinzhou = stored.get("004_e93a6eea8c407df3.txt");
        String other = "000_0b909c2a4ee59f11.txt";
        // the stored assessment replaced (as a re-score replaces it) by one made from other facts
        var again = inForce.assessKeepingFacts(org.nianbao.reading.Readers.read(other, Samples.bytes(other)),
                AssessmentOptions.NONE);
        store.replace(xinzhou.id(), again.assessment(), again.facts());

        List<DryRun> runs = activation.dryRun(activation.candidate(Map.of()), 2023, inForce, store);

        assertThat(runs.stream().filter(r -> r.active().score() == xinzhou.score())).as("the side kept of the facts replaced")
                .isEmpty();
        assertThat(runs).filteredOn(r -> r.active().score() == stored.get(other).score()).as("the original and the replaced")
                .hasSize(2);
    }

    @Test
    void aFindingWhoseDeductionChangesIsOneChangedFindingNotOneAddedAndOneRemoved() {
        String card = activation.filesInForce().files().get(RulesetFiles.SCORECARD);
        String cheaper = card.replaceFirst("points: 3\n    perFinding: 3", "points: 3\n    perFinding: 2");
        assertThat(cheaper).isNotEqualTo(card);

        List<DryRun> runs = activation.dryRun(activation.candidate(Map.of(RulesetFiles.SCORECARD, cheaper)), 2023,
                service.assessor(), store);

        assertThat(runs).anySatisfy(run -> assertThat(run.changed()).anySatisfy(c -> assertThat(c).contains("(-3.0 → -2.0)")));
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.added()).isEmpty();
            assertThat(run.removed()).isEmpty();
            assertThat(run.year()).isEqualTo(2023);
        });
        assertThat(runs).anySatisfy(run -> assertThat(run.agency()).isEqualTo("忻州市应急管理局"));
    }

    @Test
    void theRulesInForcesSideOfAReportAssessedOfItsFactsAloneIsItsStoredAssessmentsOutcome() {
        var inForce = service.assessor();
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT o.made_by, o.dismissed, o.outcome_json, o.source_sha256, a.source_sha256 AS sha
                FROM assessment_outcome o JOIN assessment a ON a.id = o.assessment_id
                """).query().listOfRows();
        assertThat(rows).hasSize(5).allSatisfy(row -> {
            assertThat(row.get("MADE_BY")).isEqualTo(inForce.version());
            assertThat(row.get("DISMISSED")).isEqualTo("");
            assertThat(row.get("SOURCE_SHA256")).isEqualTo(row.get("SHA"));
            assertThat((String) row.get("OUTCOME_JSON")).contains("\"findings\"");
        });
        // what a warming service does finds nothing to work out: every side is kept with its assessment
        int keptBefore = activation.keptForDryRuns(inForce);
        assertThat(activation.warmDryRuns(2023, inForce, store, System.nanoTime() + 60_000_000_000L).workedOut()).isZero();
        assertThat(activation.keptForDryRuns(inForce)).isEqualTo(keptBefore);

        // the kept outcome is what the dry run takes: one made to say otherwise shows through
        Assessment xinzhou = stored.get("004_e93a6eea8c407df3.txt");
        jdbc.sql("UPDATE assessment_outcome SET outcome_json = REPLACE(outcome_json, :was, '\"score\":1.5,') WHERE assessment_id = :id")
                .param("was", "\"score\":" + xinzhou.score() + ",").param("id", xinzhou.id()).update();
        List<DryRun> runs = activation.dryRun(activation.candidate(Map.of()), 2023, inForce, store);
        DryRun run = runs.stream().filter(r -> r.source().equals(xinzhou.source())).findFirst().orElseThrow();
        assertThat(run.active().score()).isEqualTo(1.5);
        assertThat(run.candidate().score()).isEqualTo(xinzhou.score());
        assertThat(activation.keptForDryRuns(inForce)).isEqualTo(keptBefore);
    }

    @Test
    void anOutcomeKeptByOtherRulesOrCodeIsNotTakenForTheRulesInForces() {
        var inForce = service.assessor();
        jdbc.sql("UPDATE assessment_outcome SET made_by = 'rules of another version'").update();
        int keptBefore = activation.keptForDryRuns(inForce);

        List<DryRun> runs = activation.dryRun(activation.candidate(Map.of()), 2023, inForce, store);

        assertThat(runs).hasSize(4).allSatisfy(run -> {
            assertThat(run.differs()).isFalse();
            assertThat(run.active().score()).isEqualTo(stored.get(run.source()).score());
        });
        assertThat(activation.keptForDryRuns(inForce)).as("each side worked out again, and kept").isEqualTo(keptBefore + 4);
        assertThat(inForce.version()).contains(inForce.rules().version(), inForce.scorecard().label(),
                inForce.extractorVersion());
    }

    @Test
    void anAssessmentMadeBesideOtherAgenciesReportsKeepsNoOutcome() {
        var inForce = service.assessor();
        String name = "000_0b909c2a4ee59f11.txt";
        var document = org.nianbao.reading.Readers.read(name, Samples.bytes(name));
        var other = inForce.otherAgency(org.nianbao.reading.Readers.read("004_e93a6eea8c407df3.txt",
                Samples.bytes("004_e93a6eea8c407df3.txt")));
        var beside = inForce.assessKeepingFacts(document, AssessmentOptions.NONE.withOtherAgencies(List.of(other)));
        var alone = inForce.assessKeepingFacts(document, AssessmentOptions.NONE.withDismissed(java.util.Set.of("R|x")));
        assertThat(beside.facts().alone()).isFalse();
        assertThat(alone.facts().alone()).isTrue();

        Assessment besideStored = store.save(beside.assessment(), beside.facts(), "a".repeat(64), "text", Submitter.account("admin"));
        Assessment aloneStored = store.save(alone.assessment(), alone.facts(), "b".repeat(64), "text", Submitter.account("admin"));
        var kept = store.keptFacts(List.of(besideStored.id(), aloneStored.id()));

        assertThat(kept.get(besideStored.id()).outcomeOf(inForce, java.util.Set.of())).isNull();
        assertThat(kept.get(aloneStored.id()).outcomeOf(inForce, java.util.Set.of())).as("other findings dismissed now").isNull();
        assertThat(kept.get(aloneStored.id()).outcomeOf(inForce, java.util.Set.of("R|x")))
                .isEqualTo(org.nianbao.assessment.Outcome.of(alone.assessment()));
    }

    @Test
    void aPrivateSelfCheckWhichNoDryRunSeesKeepsNoOutcome() {
        String name = "000_0b909c2a4ee59f11.txt";
        Assessment selfCheck = service.assessAndStore(name, Samples.bytes(name), AssessmentOptions.NONE, null,
                Submitter.anonymous());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_outcome WHERE assessment_id = :id").param("id", selfCheck.id())
                .query(Long.class).single()).isZero();
        assertThat(store.keptFacts(List.of(selfCheck.id()))).containsKey(selfCheck.id());
        assertThat(store.latestOf(2023)).doesNotContain(selfCheck.id());
    }

    @Test
    void aRehearsalGoesThroughTheStoredReportsWithinItsTimeAndCompilesAndKeepsNothing() {
        var inForce = service.assessor();
        int keptBefore = activation.keptForDryRuns(inForce);
        long compiled = activation.candidatesCompiled();

        var warmed = activation.warmDryRuns(2023, inForce, store, System.nanoTime() + 60_000_000_000L);
        assertThat(warmed.workedOut()).as("every side kept with its assessment").isZero();
        assertThat(warmed.rehearsed()).isEqualTo(4);
        assertThat(activation.warmDryRuns(2023, inForce, store, System.nanoTime() - 1).rehearsed()).as("no time left").isZero();

        assertThat(activation.keptForDryRuns(inForce)).isEqualTo(keptBefore);
        assertThat(activation.candidatesCompiled()).isEqualTo(compiled);
    }

    /** The stored assessments as stored before their outcome was kept with them. */
    private void forgetTheOutcomes() {
        jdbc.sql("DELETE FROM assessment_outcome").update();
    }
}
