package org.nianbao.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nianbao.extraction.OrganCatalog;
import org.nianbao.extraction.ReportExtractor;
import org.nianbao.extraction.TableLayout;
import org.nianbao.reading.Archives;
import org.nianbao.reading.Document;
import org.nianbao.reading.Readers;
import org.nianbao.reading.ReadingLimits;
import org.nianbao.reading.SourceText;
import org.nianbao.report.Deadline;
import org.nianbao.report.OtherAgencyReport;
import org.nianbao.report.SectionFiveText;
import org.nianbao.report.PreviousYear;
import org.nianbao.report.Report;
import org.nianbao.report.ReportFacts;
import org.nianbao.rules.Finding;
import org.nianbao.rules.RuleEngine;
import org.nianbao.rules.RuleSet;
import org.nianbao.scoring.Score;
import org.nianbao.scoring.Scorecard;
import org.nianbao.scoring.Scorer;

/**
 * The whole flow for one report: read → extract facts → assess with the rules → score with the scorecard.
 * Immutable and thread-safe: one instance serves any number of concurrent assessments.
 */
public final class Assessor {

    private final RuleSet rules;
    private final Scorecard scorecard;
    private final ReportExtractor extractor;
    private volatile String extractorVersion;

    public Assessor(RuleSet rules, Scorecard scorecard) {
        this.rules = rules;
        this.scorecard = scorecard;
        this.extractor = new ReportExtractor(rules.statements(), rules.organs(), rules.labels());
    }

    /** An assessment with the facts it was made from. */
    public record Assessed(Assessment assessment, Drawn facts) {
    }

    /**
     * Facts as drawn from a report by an assessor: facts of the same {@linkplain #extractorVersion() version} as an
     * assessor's own can be assessed again by it without reading the report again. {@code alone} when the assessment
     * made with them was made of these facts alone (no other agency's report beside them), leaving out the findings
     * {@code dismissed}: the assessment is then what {@code by} makes of them again, and its {@link Outcome} can be
     * kept for the dry runs.
     */
    public record Drawn(ReportFacts facts, Assessor by, boolean alone, java.util.Set<String> dismissed) {

        public Drawn {
            dismissed = java.util.Set.copyOf(dismissed);
        }

        public Drawn(ReportFacts facts, Assessor by) {
            this(facts, by, false, java.util.Set.of());
        }

        /** The version of what drew the facts ({@link ExtractorVersion}), worked out when first asked for. */
        public String extractorVersion() {
            return by.extractorVersion();
        }
    }

    /** The version of the reading and extraction this assessor does (its code, the ruleset's statements and labels). */
    public String extractorVersion() {
        String v = extractorVersion;
        if (v == null) {
            v = ExtractorVersion.of(rules.statements(), rules.organs(), rules.labels());
            extractorVersion = v;
        }
        return v;
    }

    /**
     * The version of everything that makes an assessment of facts: the ruleset (its files' hash), the scorecard (its
     * file's hash), what draws the facts ({@link #extractorVersion()}), and the code that runs the rules and scores
     * (a hash of its classes). Two assessors of one version make the same assessment of the same facts.
     */
    public String version() {
        String v = version;
        if (v == null) {
            v = rules.version() + "|" + scorecard.label() + "|" + extractorVersion() + "|" + ExtractorVersion.assessing();
            version = v;
        }
        return v;
    }

    private volatile String version;

    public RuleSet rules() {
        return rules;
    }

    public Scorecard scorecard() {
        return scorecard;
    }

    /** Reads a report in any supported format (text, web page, Word, PDF) and assesses it. */
    public Assessment assess(String source, byte[] bytes, AssessmentOptions options) {
        return assess(Readers.read(source, bytes), options);
    }

    public Assessment assess(Document document, AssessmentOptions options) {
        return assessKeepingFacts(document, options).assessment();
    }

    /** As {@link #assess(Document, AssessmentOptions)}, with the facts of the report (those of other reports left out). */
    public Assessed assessKeepingFacts(Document document, AssessmentOptions options) {
        return assessDrawn(document.text().name(), draw(document), options);
    }

    /**
     * The facts of a report as read, before any option applies: drawn from its text, and dated by its page when the
     * page it was published on tells the date. For a caller that looks at them before assessing them
     * ({@link #otherAgency(ReportFacts)}, then {@link #assessDrawn(Document, ReportFacts, AssessmentOptions)}): the
     * report is read once.
     */
    public ReportFacts draw(Document document) {
        ReportFacts facts = extractor.extract(document.text());
        if (document.pageDate() != null && !"page".equals(facts.report().publishedOnSource())) {
            facts = facts.withReport(facts.report().withPublication(document.pageDate(), "page"));
        }
        return facts;
    }

    /** As {@link #assessKeepingFacts(Document, AssessmentOptions)}, with the facts {@link #draw} drew from it. */
    public Assessed assessDrawn(Document document, ReportFacts drawn, AssessmentOptions options) {
        return assessDrawn(document.text().name(), drawn, options);
    }

    /**
     * Assesses again the facts kept with an earlier assessment, drawn by an extractor of this assessor's
     * {@linkplain #extractorVersion() version}, without reading the report: {@code options} apply over them as they
     * would over facts just drawn.
     */
    public Assessed assessAgain(String source, ReportFacts kept, AssessmentOptions options) {
        return assessDrawn(source, kept, options);
    }

    private Assessed assessDrawn(String source, ReportFacts drawn, AssessmentOptions options) {
        ReportFacts facts = withOptions(drawn, options);
        if (options.previousYear() != null) {
            facts = facts.withPreviousYear(PreviousYear.of(facts, extractor.extract(options.previousYear().text())));
        }
        List<Object> others = new ArrayList<>();
        if (!options.otherAgencies().isEmpty()) {
            int[] mine = SectionFiveText.pairs(SectionFiveText.of(facts));
            for (AssessmentOptions.OtherAgency other : options.otherAgencies()) {
                others.add(new OtherAgencyReport(other.agency(), SectionFiveText.similarity(mine, other.sectionFive()),
                        other.publishedOn()));
            }
        }
        return new Assessed(assess(source, facts, options.dismissed(), others),
                new Drawn(facts, this, others.isEmpty(), options.dismissed()));
    }

    /**
     * A report as another agency's report of the same round is compared with: its agency, its section 五, and when it
     * was published as far as its page says (a date under the report is when it was signed, not published).
     */
    public AssessmentOptions.OtherAgency otherAgency(Document document) {
        return otherAgency(draw(document));
    }

    /** As {@link #otherAgency(Document)}, from the facts {@link #draw(Document)} drew from the report. */
    public AssessmentOptions.OtherAgency otherAgency(ReportFacts drawn) {
        java.time.LocalDate published = "page".equals(drawn.report().publishedOnSource())
                ? drawn.report().publishedOn() : null;
        return new AssessmentOptions.OtherAgency(drawn.report().agency(), SectionFiveText.of(drawn), published);
    }

    public Assessment assess(SourceText text, AssessmentOptions options) {
        return assess(new Document(text, "text", null), options);
    }

    /**
     * A file that may be a ZIP archive of reports: each entry is assessed on its own, and an entry that cannot
     * be read becomes an error item; the other entries are still assessed.
     */
    public List<BatchItem> assessAll(String source, byte[] bytes, AssessmentOptions options, ReadingLimits limits) {
        return assessAll(source, bytes, options, limits, true);
    }

    /**
     * As {@link #assessAll(String, byte[], AssessmentOptions, ReadingLimits)}, for a caller that keeps nothing (the
     * command line): no hash of each report's bytes ({@link BatchItem#sourceSha256()} is {@code null}). A hash costs
     * as much as reading a plain-text report where the JIT's first tier runs alone, as in a command.
     */
    public List<BatchItem> assessEach(String source, byte[] bytes, AssessmentOptions options, ReadingLimits limits) {
        return assessAll(source, bytes, options, limits, false);
    }

    private List<BatchItem> assessAll(String source, byte[] bytes, AssessmentOptions options, ReadingLimits limits,
                                      boolean hashed) {
        if (bytes.length <= limits.maxBytes() && Readers.isArchive(bytes)) {
            List<BatchItem> items = new ArrayList<>();
            for (Archives.Entry entry : Archives.entries(bytes, limits)) {
                String name = source + "!/" + entry.name();
                items.add(entry.error() != null ? BatchItem.failed(name, entry.error().getMessage())
                        : one(name, entry.bytes(), options, limits, hashed));
            }
            return items;
        }
        return List.of(one(source, bytes, options, limits, hashed));
    }

    private BatchItem one(String source, byte[] bytes, AssessmentOptions options, ReadingLimits limits, boolean hashed) {
        try {
            Document document = Readers.read(source, bytes, limits);
            return BatchItem.of(assessKeepingFacts(document, options), document.text().original(),
                    hashed ? Hashes.sha256(bytes) : null);
        } catch (org.nianbao.reading.RejectedInput e) {
            return BatchItem.failed(source, e.getMessage());
        }
    }

    public Assessment assess(String source, ReportFacts facts) {
        return assess(source, facts, java.util.Set.of(), List.of());
    }

    /**
     * As {@link #assess(String, ReportFacts)}, with facts from beyond the report ({@code more}: other agencies'
     * reports), leaving out the findings a reviewer dismissed (by fingerprint).
     */
    private Assessment assess(String source, ReportFacts facts, java.util.Set<String> dismissed, List<Object> more) {
        Report report = facts.report();
        String outOfScope = scorecard.scope() == null ? null : scorecard.scope().refusal(report);
        if (outOfScope != null) {
            throw org.nianbao.reading.RejectedInput.outOfScope(outOfScope);
        }
        List<Object> all = new ArrayList<>(facts.all());
        all.addAll(more);
        all.add(rules.organs().organOf(report));
        Deadline deadline = rules.organs().deadlineFor(report);
        if (deadline != null) {
            all.add(deadline);
        }
        RuleEngine.Evaluation found = RuleEngine.evaluate(rules, all);
        // a fixed order, so that the same report always puts each deduction on the same finding
        List<Finding> ordered = new ArrayList<>(found.findings());
        ordered.removeIf(f -> dismissed.contains(f.fingerprint()));
        ordered.sort(findingOrder());
        RuleEngine.Evaluation evaluation = new RuleEngine.Evaluation(ordered, found.notApplicable());
        Score score = Scorer.score(scorecard, report, facts.previousYear() != null, evaluation, dismissed);
        List<Finding> findings = score.findings();
        return new Assessment(null, source, summary(report), new Assessment.Ruleset(rules.version(), scorecard.label()),
                score.score(), score.maxScore(), score.grade(), score.categories(), score.checks(), findings,
                score.flags(), facts(facts));
    }

    private Comparator<Finding> findingOrder() {
        List<String> checkOrder = scorecard.checks().stream().map(Scorecard.Check::id).toList();
        return Comparator.comparingInt((Finding f) -> checkOrder.indexOf(f.check()))
                .thenComparing(Finding::ruleId)
                .thenComparing(f -> f.evidence().line() == null ? 0 : f.evidence().line())
                .thenComparing(f -> f.evidence().table() == null ? "" : f.evidence().table())
                .thenComparingInt(f -> TableLayout.rowIndex(f.evidence().table(), f.evidence().row()))
                .thenComparingInt(f -> TableLayout.columnIndex(f.evidence().table(), f.evidence().column()))
                .thenComparing(Finding::message);
    }

    /**
     * The facts with what the submitter gave: an agency (its kind then from the organ table), a level (the kind of
     * that level in the table, unless the agency's own kind is of it), a publication date.
     */
    ReportFacts withOptions(ReportFacts facts, AssessmentOptions options) {
        Report report = facts.report();
        OrganCatalog organs = rules.organs();
        if (options.agency() != null && !options.agency().isBlank()) {
            report = report.withAgency(options.agency().strip());
            OrganCatalog.Kind kind = organs.classify(report.agency());
            report = report.withOrgan(kind == null ? null : kind.kind(), kind == null ? null : kind.level());
        }
        if (options.level() != null) {
            OrganCatalog.Kind kind = organs.forGivenLevel(options.level(), organs.kind(report.organ()));
            report = report.withOrgan(kind == null ? null : kind.kind(), options.level());
        }
        if (options.publishedOn() != null) {
            report = report.withPublication(options.publishedOn(), "given");
        }
        return facts.withReport(report);
    }

    /**
     * What the assessment says of the report. Its format is its tables' own; when no table tells, the format of its
     * year (2019–2020: 2019, 2021 on: 2021), as the format that applies to it; {@code null} when neither is known.
     */
    private static Assessment.ReportSummary summary(Report r) {
        String format = r.format() != null ? r.format()
                : r.year() == null || r.year() < 2019 ? null : r.year() >= 2021 ? "2021" : "2019";
        return new Assessment.ReportSummary(r.agency(), r.year(), format, r.level(),
                r.publishedOn() == null ? null : r.publishedOn().toString(), r.publishedOnSource(), r.completeness());
    }

    private static Assessment.Facts facts(ReportFacts facts) {
        List<Integer> sections = facts.sections().stream().map(s -> s.number()).sorted().toList();
        List<Assessment.Cell> cells = facts.cells().stream().map(c -> new Assessment.Cell(c.table(), c.row(), c.column(),
                c.value() == null ? null : c.value() == Math.rint(c.value()) && Math.abs(c.value()) < 1e15
                        ? (Number) c.value().longValue() : c.value(),
                c.raw(), c.line())).toList();
        return new Assessment.Facts(sections, cells);
    }
}
