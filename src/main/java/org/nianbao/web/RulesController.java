package org.nianbao.web;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.nianbao.policy.ActivationService;
import org.nianbao.policy.CatalogueEntry;
import org.nianbao.policy.DryRun;
import org.nianbao.policy.RulesetFiles;
import org.nianbao.policy.RulesetVersionStore;
import org.nianbao.policy.Validation;
import org.nianbao.rules.RuleProblem;
import org.nianbao.store.AssessmentStore;
import org.nianbao.submission.AssessmentService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The rule catalogue, and validation of rule files before they are used. */
@RestController
@RequestMapping("/api/rules")
public class RulesController {



    private final AssessmentService service;
    private final ActivationService activation;
    private final RulesetVersionStore versions;

    private final AssessmentStore assessments;
    private final org.nianbao.store.ReviewStatistics reviewStatistics;

    public RulesController(AssessmentService service, ActivationService activation,
                           RulesetVersionStore versions, AssessmentStore assessments,
                           org.nianbao.store.ReviewStatistics reviewStatistics) {
        this.service = service;
        this.activation = activation;
        this.versions = versions;
        this.assessments = assessments;
        this.reviewStatistics = reviewStatistics;
    }

    /**
     * {@code GET /api/rules/reviews}: per rule and round, the findings it raised, how many reviewers confirmed and
     * dismissed, and each dismissal's reason; most dismissed first — the rules to fix first.
     */
    @GetMapping("/reviews")
    public List<org.nianbao.store.ReviewStatistics.RuleInRound> reviews() {
        return reviewStatistics.byRule();
    }

    /**
     * {@code POST /api/rules/activate} ({@code reason}; optional multipart {@code files}, {@code tests} and
     * {@code scorecard}): uploaded files replace or join those of the version in force (a rule test file
     * {@code *.yaml} under {@code tests/}, any other test upload, a report, under {@code tests/reports/}); with none, the rules
     * folder and scorecard on disk are read again. The ruleset is validated and its rule tests run; 200 with the
     * new version and what changed, or 422 with the problems while the version in force keeps serving. The version
     * records the signed-in account as who activated it.
     */
    @PostMapping("/activate")
    public ActivationService.Activation activate(@RequestParam String reason,
                                                 @RequestParam(required = false) List<MultipartFile> files,
                                                 @RequestParam(required = false) List<MultipartFile> tests,
                                                 @RequestParam(required = false) MultipartFile scorecard,
                                                 Principal signedIn) throws IOException {
        requireReason(reason);
        String by = signedIn.getName();
        Map<String, String> changed = uploads(files, scorecard);
        changed.putAll(testUploads(tests));
        if (changed.isEmpty()) {
            return activation.reloadFromFolder(by, reason);
        }
        return activation.activate(activation.candidate(changed), by, reason);
    }

    /** The rule tests of the version in force (its tests/ folder), run on its rules. */
    @GetMapping("/tests")
    public Map<String, Object> tests() {
        var results = activation.testsInForce();
        long failed = results.stream().filter(r -> !r.passed()).count();
        return Map.of("passed", results.size() - failed, "failed", failed, "results", results);
    }

    /**
     * {@code POST /api/rules/dry-run} ({@code year}; optional multipart {@code files} and {@code scorecard}): the
     * reports stored for that year assessed again with the candidate (uploaded files over those in force) beside
     * the ruleset in force; per report the score change and the findings added and removed. Nothing is stored.
     */
    @PostMapping("/dry-run")
    public List<DryRun> dryRun(@RequestParam int year, @RequestParam(required = false) List<MultipartFile> files,
                               @RequestParam(required = false) MultipartFile scorecard) throws IOException {
        return activation.dryRun(activation.candidate(uploads(files, scorecard)), year, service.assessor(), assessments);
    }

    /** Every version activated, newest first: who, when, why and what changed. */
    @GetMapping("/versions")
    public List<RulesetVersionStore.Version> history() {
        return versions.history();
    }

    /** Puts a previous version in force again (validated and tested like any other). */
    @PostMapping("/versions/{id}/activate")
    public ActivationService.Activation reactivate(@PathVariable long id, @RequestParam String reason,
                                                   Principal signedIn) {
        requireReason(reason);
        String by = signedIn.getName();
        if (versions.files(id).isEmpty()) {
            throw new AssessmentController.NotFound("没有编号为 " + id + " 的规则版本 (no such ruleset version)");
        }
        return activation.reactivate(id, by, reason);
    }

    /** Uploaded rule files and scorecard as stored content, by file name. */
    private static Map<String, String> uploads(List<MultipartFile> files, MultipartFile scorecard) throws IOException {
        Map<String, String> changed = new java.util.TreeMap<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (!f.isEmpty()) {
                String name = ruleFileName(f);
                changed.put(name, RulesetFiles.content(name, f.getBytes()));
            }
        }
        if (scorecard != null && !scorecard.isEmpty()) {
            changed.put(RulesetFiles.SCORECARD, scorecardText(scorecard));
        }
        return changed;
    }

    /** Uploaded rule tests: a {@code .yaml} test file under {@code tests/}, a report it names under {@code tests/reports/}. */
    private static Map<String, String> testUploads(List<MultipartFile> tests) throws IOException {
        Map<String, String> changed = new java.util.TreeMap<>();
        for (MultipartFile f : tests == null ? List.<MultipartFile>of() : tests) {
            if (!f.isEmpty()) {
                String base = uploadName(f);
                String name = base.endsWith(".yaml") || base.endsWith(".yml") ? "tests/" + base : "tests/reports/" + base;
                changed.put(name, RulesetFiles.content(name, f.getBytes()));
            }
        }
        return changed;
    }

    /** A scorecard upload as YAML text: a spreadsheet (.xlsx) is converted. */
    static String scorecardText(MultipartFile scorecard) throws IOException {
        String name = scorecard.getOriginalFilename() == null ? "" : scorecard.getOriginalFilename();
        return name.endsWith(".xlsx") ? org.nianbao.scoring.ScorecardSheets.toYaml(scorecard.getBytes())
                : new String(scorecard.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void requireReason(String reason) {
        if (reason.isBlank()) {
            throw new AssessmentController.BadRequest("启用规则须注明原因（reason）");
        }
    }

    /** An upload's own file name (any folder the client sent is dropped): letters, digits, dot, dash, underscore. */
    private static String uploadName(MultipartFile f) {
        String sent = f.getOriginalFilename() == null ? "" : f.getOriginalFilename();
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1).strip();
        if (!name.matches("[\\p{L}\\p{N}._ -]+") || name.startsWith(".")) {
            throw new AssessmentController.BadRequest("文件名「" + sent + "」不合规：只能由文字、数字和 . _ - 组成");
        }
        return name;
    }

    private static String ruleFileName(MultipartFile f) {
        String name = uploadName(f);
        if (!RulesetFiles.isRulesetFile(name)) {
            throw new AssessmentController.BadRequest("只接受规则文件（.drl、.dslr、.dsl、.drl.xlsx、statements.yaml、labels.yaml、organs.yaml）：" + name);
        }
        return name;
    }

    /**
     * {@code GET /api/rules/method}: the scoring method in force — every check with its points and caps, the rules
     * that test it and their basis — generated from the rules and scorecard, for a committee to publish.
     */
    @GetMapping("/method")
    public org.nianbao.policy.ScoringMethod method() {
        var assessor = service.assessor();
        return org.nianbao.policy.ScoringMethod.of(assessor.rules(), assessor.scorecard());
    }

    /** Every rule of the active ruleset: id, check, category, severity, points, description, file and line. */
    @GetMapping
    public Map<String, Object> catalogue() {
        var assessor = service.assessor();
        return Map.of("ruleset", assessor.rules().version(), "scorecard", assessor.scorecard().label(),
                "rules", CatalogueEntry.of(assessor.rules().rules(), assessor.scorecard()));
    }

    /**
     * {@code POST /api/rules/validate}: multipart {@code files} (rule files, spreadsheets, statements.yaml) and an
     * optional {@code scorecard}, checked as they would be activated: over the files in force. 200 when the
     * candidate is valid, 422 with every problem (file, line, message) when not.
     */
    @PostMapping(path = "/validate", consumes = "multipart/form-data")
    public ResponseEntity<Map<String, Object>> validate(@RequestParam("files") List<MultipartFile> files,
                                                        @RequestParam(required = false) MultipartFile scorecard) throws IOException {
        Validation v = activation.validate(activation.candidate(uploads(files, scorecard)));
        if (v.valid()) {
            return ResponseEntity.ok(Map.of("valid", true, "rules", v.rules().rules().size(),
                    "version", v.rules().version(), "scorecard", v.scorecard().label()));
        }
        List<RuleProblem> problems = v.problems();
        return ResponseEntity.unprocessableContent().body(Map.of("valid", false, "problems", problems));
    }
}
